import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { calibrate, ClosedDealTally, closedSoFar, drawsFor, forecastMetrics, goalForecast, GoalPipeline, isOpenDeal, type Calibration, type GoalDraws, type GoalForecast } from '../forecast/index.js';
import type { Config } from '../schema/config.js';
import type { Goal } from '../schema/goal.js';
import { DERIVED_META_FIELDS, type ThreadMeta } from '../schema/meta.js';
import { today } from '../clock.js';
import { LAYOUT } from '../workspace/layout.js';
import { assumptionsOf, goalsOf, metaOf, metricTargetsOf, segmentsOf, workspaceCurrency, type ThreadChangeLog, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';
import { contentSlug, slugOfTextWithin } from '../workspace/slug.js';
import { assumptionState, testsOpenly, type AssumptionState } from './assumptions.js';
import { EvidenceIndex } from './evidence-index.js';
import { FigureSums } from './figure-sums.js';
import { goalState, isLive, type GoalGroup } from './goals.js';
import { figuresOf } from './metrics.js';
import { SortedPaths } from './sorted.js';
import { threadFacts, type ThreadFacts } from './thread-facts.js';
import { scoringContext, type ScoringContext } from './thread-scores.js';
import type { DerivedWorkspace, MarketingOpening } from './derived.js';
import { formatFixed } from './format.js';

/**
 * A thread's facts as a persistent cache keeps them, with the key of what they were
 * computed from — without its meta.json: the key holds that file's content hash, so the
 * state's own parsed meta.json is the one they were computed with and is put back when
 * they are taken (a third of the cache's bytes, deserialized for nothing).
 */
export interface CachedFacts {
  key: string;
  facts: Omit<ThreadFacts, 'meta'> & { meta?: ThreadFacts['meta'] | undefined };
}

export interface FactsSeed {
  /** The thread's sources as derivation sees them (content hashes); undefined: never cached (a held file). */
  threadKey(thread: ThreadRecord): string | undefined;
  /** Taken over by the derivation: emptied as threads take their facts, let go after the first derivation. */
  cached: Map<string, CachedFacts>;
}

/** Whether two versions of a meta.json differ in derived fields alone. */
function sameSourceFields(before: ThreadMeta, after: ThreadMeta): boolean {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if (!DERIVED_META_FIELDS.has(key) && !isDeepStrictEqual(a[key], b[key])) return false;
  return true;
}

/** A group of threads (a segment, a goal, a subgoal): running sums and its members' paths. */
class Group {
  readonly sums = new FigureSums();
  readonly members = new SortedPaths();
  live = 0;
  /** The state last handed out, until a member comes or goes: an unchanged goal costs nothing. */
  private cached: GoalGroup | undefined;

  add(t: ThreadFacts): void {
    this.sums.add(t);
    this.members.add(t.path);
    if (isLive(t)) this.live += 1;
    this.cached = undefined;
  }

  remove(t: ThreadFacts): void {
    this.sums.remove(t);
    this.members.delete(t.path);
    if (isLive(t)) this.live -= 1;
    this.cached = undefined;
  }

  state(): GoalGroup {
    this.cached ??= { figures: figuresOf(this.sums), threads: this.members.list() as string[], live: this.live };
    return this.cached;
  }
}

const NO_PATHS: readonly string[] = [];

const EMPTY_GROUP: GoalGroup = { figures: figuresOf(new FigureSums()), threads: [], live: 0 };

/**
 * Everything derived from the workspace, kept up to date one thread at a time. Each
 * thread contributes to the aggregates — assumption evidence, metrics overall and per
 * segment, goal and subgoal figures, the as-of date, content opportunities — and a
 * change takes its old contribution out and puts the new one in, so a watch cycle costs
 * what changed, not the size of the workspace.
 *
 * Pure: a model in, derived data out. A cold run uses a fresh instance (deriveWorkspace);
 * a watcher keeps one. Either way the output is the same (the integer sums of
 * figure-sums.ts make it exact), which is what keeps watch and sync at one fixed point.
 */
export class IncrementalDerivation {
  /** The inputs every thread's facts depend on (as JSON); when one changes, everything is recounted. */
  private context = '';
  /** A hash of `context`: part of the key a thread's facts are cached under. */
  private contextHash = '';
  /** The key each thread's facts were computed under (threads a seed can key only). */
  private readonly keys = new Map<string, string>();
  /** Threads whose facts were computed (not taken from the seed) since this derivation began. */
  recomputed = 0;
  /** Threads the last derive() looked at: every one, or with a change log the changed ones. */
  lookedAt = 0;
  private scoring: ScoringContext | undefined;
  private config: Config | undefined;
  private readonly inputs = new Map<string, readonly unknown[]>();
  private readonly facts = new Map<string, ThreadFacts>();
  private readonly order = new SortedPaths();
  private sortedFacts: ThreadFacts[] | undefined;
  /** `sortedFacts` is in an output: copied before it changes. */
  private sortedFactsHandedOut = false;
  private readonly overall = new FigureSums();
  private readonly segments = new Map<string, Group>();
  private readonly goals = new Map<string, Group>();
  /** `goal\0subgoal` → its threads. */
  private readonly subgoals = new Map<string, Group>();
  private readonly evidence = new EvidenceIndex();
  private readonly testedBy = new Map<string, SortedPaths>();
  /** Per assumption, its state and what it was computed from: recomputed only when one of them is another object. */
  private assumptionStates = new Map<string, { from: readonly unknown[]; state: AssumptionState }>();
  /** Latest-date candidates of sales threads: date → how many threads have it. */
  private readonly dates = new Map<string, number>();
  /** The latest of `dates`; undefined when it must be found again. */
  private latestDate: string | undefined;
  /** Content opportunity slug → the threads asking for it, by path. */
  private readonly opportunities = new Map<string, Map<string, { topic: string; priority: string }>>();
  /** The openings the threads ask for, as last handed out; dropped when one changes. */
  private askedFor: MarketingOpening[] | undefined;
  /** Closed deals, for the forecast's calibration; and the calibration at the tally's version. */
  private readonly closed = new ClosedDealTally();
  private calibration: { version: number; settings: string; value: Calibration } | undefined;
  /** Per goal, its forecast, what it was computed from and its draws (kept to redraw only the deals that move). */
  private readonly forecasts = new Map<string, { key: string; group: GoalGroup; forecast: GoalForecast | null; draws: GoalDraws | undefined }>();
  /** Per goal id, its open deals by cohort: what its forecast draws. */
  private readonly pipelines = new Map<string, GoalPipeline>();

  /** Threads recomputed since the last output; undefined: all of them (nothing was known before). */
  private changed: Set<string> | undefined;
  /** The model's change log and its position when this derivation last walked the threads. */
  private seen: { log: ThreadChangeLog; seq: number } | undefined;

  /**
   * `seed`: facts computed by an earlier process (engine/facts-cache.ts), each taken back
   * only when its key — the thread's sources as derivation sees them, and the scoring
   * context — is the one it was computed under. A cold run then computes only the
   * threads that changed since.
   */
  constructor(seed?: FactsSeed, clock: () => string = today) {
    this.threadKey = seed?.threadKey;
    this.seedFacts = seed?.cached;
    this.today = clock;
  }

  /** Today's date, read at each output (a watcher runs across midnight): the as-of date never passes it. */
  private readonly today: () => string;

  /** How a thread's sources are keyed (the seed's); undefined: facts are never keyed (a derivation with no cache). */
  private readonly threadKey: ((thread: ThreadRecord) => string | undefined) | undefined;
  /** The seed's facts not yet taken: each is taken (or passed over) once, and the rest let go after the first derivation. */
  private seedFacts: Map<string, CachedFacts> | undefined;

  /**
   * What a persistent cache keeps: each keyed thread's facts with the key they were computed
   * under (the table stores every field but meta.json's value: engine/facts-table.ts).
   */
  *cacheEntries(): Generator<[string, CachedFacts]> {
    for (const [path, key] of this.keys) {
      const facts = this.facts.get(path);
      if (facts) yield [path, { key, facts }];
    }
  }

  /** Forgets which threads changed: the next output reports every thread as changed (after a failed write). */
  invalidate(): void {
    this.changed = undefined;
  }

  /**
   * The threads an output named as changed went into no plan that was written (a read, a
   * dry run): the next output names them again. A plan edits the meta.json of those threads
   * alone, so a thread a read saw change first would otherwise keep its old meta.json.
   */
  notPlanned(changed: ReadonlySet<string> | undefined): void {
    if (changed === undefined) this.changed = undefined;
    else for (const path of changed) this.changed?.add(path);
  }

  derive(model: WorkspaceModel): DerivedWorkspace {
    this.refreshContext(model);
    // A model that logs its thread changes, seen before: only the threads changed since are
    // looked at (a watch cycle); otherwise every thread is.
    const log = model.threadChanges;
    const changedSince = log && log === this.seen?.log ? log.since(this.seen.seq) : undefined;
    this.lookedAt = 0;
    if (changedSince) {
      for (const path of new Set(changedSince)) {
        const thread = model.threads.get(path);
        if (thread) this.take(thread);
        else this.forget(path);
      }
    } else {
      for (const thread of model.threads.values()) this.take(thread);
      if (this.inputs.size > model.threads.size) for (const path of [...this.inputs.keys()]) if (!model.threads.has(path)) this.forget(path);
    }
    this.seen = log ? { log, seq: log.seq } : undefined;
    const output = this.output(model);
    this.changed = new Set();
    this.seedFacts = undefined; // every thread there is took its facts: what is left belongs to threads that are gone
    return output;
  }

  /** A thread's facts, computed again unless its files are those they were computed from. */
  private take(thread: ThreadRecord): void {
    this.lookedAt += 1;
    // Compared in place: a full walk compares every thread, and must not allocate for each one.
    if (sameInputs(this.inputs.get(thread.path), thread)) return;
    this.inputs.set(thread.path, [thread.meta, ...thread.stages]);
    this.replace(thread.path, this.factsOf(thread));
  }

  /** A thread that is gone. */
  private forget(path: string): void {
    if (!this.inputs.delete(path)) return;
    this.keys.delete(path);
    this.replace(path, undefined);
  }

  private refreshContext(model: WorkspaceModel): void {
    // Compared by value, not by file: the engine rewrites 13-metrics.md's block every time a
    // figure moves, but only its front matter's targets are an input to a thread's facts.
    const context = JSON.stringify([
      model.config,
      segmentsOf(model),
      metricTargetsOf(model).targets,
      workspaceCurrency(model),
      segmentsOf(model).map((s) => model.files.get(`${LAYOUT.icp}/${s.id}-icp.yaml`)?.value ?? null),
    ]);
    if (context === this.context && this.scoring) return;
    this.context = context;
    this.contextHash = createHash('sha1').update(context).digest('hex');
    this.keys.clear();
    this.scoring = scoringContext(model);
    this.config = model.config;
    // Every thread's facts are recomputed: forget them all, and walk every thread.
    for (const path of [...this.facts.keys()]) this.replace(path, undefined);
    this.inputs.clear();
    this.changed = undefined;
    this.seen = undefined;
  }

  /** The thread's facts: the seed's when computed from the same sources and context, else computed now. */
  private factsOf(thread: ThreadRecord): ThreadFacts | undefined {
    const sources = this.threadKey?.(thread);
    if (sources === undefined) {
      this.keys.delete(thread.path);
      this.recomputed += 1;
      return this.compute(thread);
    }
    const key = `${this.contextHash}:${sources}`;
    this.keys.set(thread.path, key);
    const cached = this.seedFacts?.get(thread.path);
    this.seedFacts?.delete(thread.path);
    const meta = metaOf(thread);
    if (cached && cached.key === key && meta) {
      // The same meta.json text as the state's (the key says so): its parsed value goes back in.
      // The cached object was deserialized for this derivation alone: completed in place, not copied.
      cached.facts.meta = meta;
      return cached.facts as ThreadFacts;
    }
    this.recomputed += 1;
    return this.compute(thread);
  }

  /**
   * After the engine wrote these threads' meta.json, their facts are those of the files as
   * written: a sync writes only meta.json's derived fields, which are outputs of the facts,
   * never inputs (thread-facts.ts reads the source fields alone). Their facts take the new
   * meta.json and its key, so the next run's seed serves them instead of deriving them again
   * (a watcher started after a first sync of 10,000 threads would otherwise derive them all).
   *
   * The new meta.json goes into the facts in place, their contributions left as they are:
   * the facts and what a thread adds to the aggregates read meta.json's source fields
   * alone, which a sync never writes (DERIVED_META_FIELDS are all it writes) — taking
   * 10,000 threads' contributions out and putting them back cost a first sync 0.2 s for
   * nothing.
   */
  adoptWrittenMeta(model: WorkspaceModel, threads: Iterable<string>): void {
    for (const path of threads) {
      const thread = model.threads.get(path);
      const facts = this.facts.get(path);
      const meta = thread && metaOf(thread);
      // A field other than the derived ones that moved all the same (the file edited between
      // the plan's read and its write): the facts are not those of the file as written — derived anew next time.
      if (!thread || !facts || !meta || !sameSourceFields(facts.meta, meta)) continue;
      facts.meta = meta;
      this.changed?.add(path);
      this.inputs.set(path, [thread.meta, ...thread.stages]);
      const sources = this.threadKey?.(thread);
      if (sources === undefined) this.keys.delete(path);
      else this.keys.set(path, `${this.contextHash}:${sources}`);
    }
  }

  private compute(thread: ThreadRecord): ThreadFacts | undefined {
    return threadFacts(thread, this.config!, this.scoring!);
  }

  private replace(path: string, next: ThreadFacts | undefined): void {
    this.changed?.add(path);
    const previous = this.facts.get(path);
    if (previous) this.contribute(previous, -1);
    if (next) {
      this.facts.set(path, next);
      this.contribute(next, 1);
    } else this.facts.delete(path);
    if (!previous && next) this.order.add(path);
    else if (previous && !next) this.order.delete(path);
    if (previous && next && this.sortedFacts) {
      // Same place in path order: replaced there, not the 10,000-thread list rebuilt. The list
      // last handed out stays as it was: a copy is made once, at the first replacement after it.
      if (this.sortedFactsHandedOut) this.sortedFacts = this.sortedFacts.slice();
      this.sortedFactsHandedOut = false;
      this.sortedFacts[this.order.position(path)] = next;
    } else this.sortedFacts = undefined;
  }

  private contribute(t: ThreadFacts, sign: 1 | -1): void {
    const apply = (group: Group): void => (sign > 0 ? group.add(t) : group.remove(t));
    if (sign > 0) this.overall.add(t);
    else this.overall.remove(t);
    if (sign > 0) this.closed.add(t);
    else this.closed.remove(t);
    if (t.meta.segment) apply(groupOf(this.segments, t.meta.segment));
    if (t.meta.goal_id) {
      apply(groupOf(this.goals, t.meta.goal_id));
      if (isOpenDeal(t)) {
        let pipeline = this.pipelines.get(t.meta.goal_id);
        if (!pipeline) this.pipelines.set(t.meta.goal_id, (pipeline = new GoalPipeline()));
        if (sign > 0) pipeline.set(t);
        else pipeline.delete(t.path);
      }
      if (t.meta.subgoal) apply(groupOf(this.subgoals, `${t.meta.goal_id}\0${t.meta.subgoal}`));
    }
    for (const v of t.validations) this.evidence.apply(v.assumption, t.path, v.result, sign);
    for (const id of new Set(t.tests)) {
      if (!testsOpenly(t, id)) continue;
      let testing = this.testedBy.get(id);
      if (!testing) this.testedBy.set(id, (testing = new SortedPaths()));
      if (sign > 0) testing.add(t.path);
      else testing.delete(t.path);
    }
    // Goals measure sales activity: content threads (opened on the day a sync runs) do not move the as-of date.
    if (t.meta.type !== 'marketing') {
      const count = (this.dates.get(t.updated) ?? 0) + sign;
      if (count > 0) this.dates.set(t.updated, count);
      else this.dates.delete(t.updated);
      // The latest date, kept unless it is the one that went (then found again at the next output).
      if (count > 0 && this.latestDate !== undefined && t.updated > this.latestDate) this.latestDate = t.updated;
      else if (count <= 0 && t.updated === this.latestDate) this.latestDate = undefined;
    }
    const opportunity = t.contentOpportunity;
    if (opportunity?.topic) {
      const slug = opportunity.slug ?? contentSlug(opportunity.topic, t.path.slice(t.path.lastIndexOf('/') + 1));
      this.askedFor = undefined;
      const askers = mapOf(this.opportunities, slug);
      if (sign > 0) askers.set(t.path, { topic: opportunity.topic, priority: opportunity.priority ?? 'medium' });
      else askers.delete(t.path);
      if (askers.size === 0) this.opportunities.delete(slug);
    }
  }

  private output(model: WorkspaceModel): DerivedWorkspace {
    const goals = goalsOf(model);
    this.pruneForecasts(goals);
    if (this.latestDate === undefined) {
      this.latestDate = '';
      for (const date of this.dates.keys()) if (date > this.latestDate) this.latestDate = date;
    }
    // A date still to come (a typo, or one written ahead: check reports it) does not move the
    // as-of date past today: one such date would otherwise turn every goal to `missed`.
    const now = this.today();
    let asOf = this.latestDate <= now ? this.latestDate : latestOnOrBefore(this.dates.keys(), now);
    // A goal is read from the day it was created — but one planned ahead (created after
    // today) must not carry every other goal to that day, past its deadline to `missed`.
    for (const g of goals) if (g.created > asOf && g.created <= now) asOf = g.created;
    // Nothing dated up to today and every goal still to begin: as of the first goal's start,
    // which is past no goal's start (nor its deadline).
    if (asOf === '' && goals.length > 0) asOf = goals.reduce((first, g) => (g.created < first ? g.created : first), goals[0]!.created);
    const assumptions = this.assumptions(model);
    const group = (groups: Map<string, Group>, key: string): GoalGroup => groups.get(key)?.state() ?? EMPTY_GROUP;
    return {
      changedThreads: this.changed,
      asOf,
      threads: this.threads(),
      assumptions,
      overall: figuresOf(this.overall),
      bySegment: segmentsOf(model).map((s) => ({ id: s.id, figures: group(this.segments, s.id).figures })),
      goals: goals.map((g) => {
        const linked = group(this.goals, g.id);
        return goalState(g, linked, (sg) => group(this.subgoals, `${g.id}\0${sg}`), asOf, this.forecastOf(g, linked, asOf, model.config));
      }),
      marketing: this.marketing(assumptions),
    };
  }

  /**
   * A goal's forecast: unchanged while its linked deals, the calibration (any closed deal),
   * the as-of date, the goal and the forecast settings stay put; otherwise its draws are
   * updated, redrawing only the deals whose odds moved. Each deal's draws depend on the seed,
   * its path and its odds alone (forecast/draws.ts), so a warm and a cold run agree.
   */
  private forecastOf(goal: Goal, linked: GoalGroup, asOf: string, config: Config): GoalForecast | null {
    // The stage probabilities are the prior means: a change to them recalibrates, closed deals or not.
    const settings = JSON.stringify([config.forecast, config.pipeline.stages]);
    if (this.calibration?.version !== this.closed.version || this.calibration.settings !== settings) {
      this.calibration = { version: this.closed.version, settings, value: calibrate(config.pipeline.stages, this.closed, config.forecast) };
    }
    const key = JSON.stringify([this.closed.version, settings, asOf, goal]);
    const known = this.forecasts.get(goal.id);
    if (known && known.key === key && known.group === linked) return known.forecast;
    const metrics = forecastMetrics(goal);
    if (metrics.length === 0) {
      this.forecasts.set(goal.id, { key, group: linked, forecast: null, draws: undefined });
      return null;
    }
    // Only the deals that moved are redrawn (forecast/goal-pipeline.ts): not the goal's 10,000 linked threads walked.
    const draws = drawsFor(config.forecast, known?.draws);
    const pipeline = this.pipelines.get(goal.id) ?? new GoalPipeline();
    pipeline.feed(draws, this.calibration.value, asOf, goal.deadline);
    const figures = linked.figures;
    const { forecast } = goalForecast(goal, metrics, closedSoFar(figures), draws, pipeline.size, asOf, config.forecast);
    this.forecasts.set(goal.id, { key, group: linked, forecast, draws });
    return forecast;
  }

  /** Lets go of the draws of goals that are gone. */
  private pruneForecasts(goals: readonly Goal[]): void {
    if (this.forecasts.size <= goals.length) return;
    const ids = new Set(goals.map((g) => g.id));
    for (const id of [...this.forecasts.keys()]) if (!ids.has(id)) this.forecasts.delete(id);
  }

  private assumptions(model: WorkspaceModel): AssumptionState[] {
    const states = new Map<string, { from: readonly unknown[]; state: AssumptionState }>();
    const out = assumptionsOf(model).map((a) => {
      const from = [a, this.evidence.list(a.id), this.testedBy.get(a.id)?.list() ?? NO_PATHS, model.config] as const;
      const known = this.assumptionStates.get(a.id);
      const state = known && known.from.every((input, i) => input === from[i]) ? known.state : assumptionState(a, from[1], from[2] as string[], model.config, this.evidence.countsOf(a.id));
      states.set(a.id, { from, state });
      return state;
    });
    this.assumptionStates = states;
    return out;
  }

  private threads(): ThreadFacts[] {
    this.sortedFacts ??= this.order.map((path) => this.facts.get(path)!);
    this.sortedFactsHandedOut = true;
    return this.sortedFacts;
  }

  private marketing(assumptions: readonly AssumptionState[]): MarketingOpening[] {
    this.askedFor ??= [...this.opportunities].map(([slug, askers]) => {
      const sources = [...askers.keys()].sort();
      const first = askers.get(sources[0]!)!;
      return { slug, topic: first.topic, priority: first.priority, sources, reason: `content opportunity in ${sources[0]}/6-learning.md` };
    });
    const bySlug = new Map<string, MarketingOpening>(this.askedFor.map((o) => [o.slug, o]));
    for (const a of assumptions) {
      if (a.status !== 'validated' || a.retired) continue;
      const words = slugOfTextWithin(a.statement, 48);
      const slug = words ? `${a.id.toLowerCase()}-${words}` : a.id.toLowerCase();
      if (!bySlug.has(slug)) {
        bySlug.set(slug, { slug, topic: `Proof: ${a.statement}`, priority: 'high', sources: a.evidence.map((e) => e.thread), reason: `assumption ${a.id} validated (confidence ${formatFixed(a.confidence)}, n=${a.n})`, assumption: a.id });
      }
    }
    return [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  }
}

/** Whether a thread's files are the parsed files its facts were computed from (by identity: a changed file is a new object). */
function sameInputs(known: readonly unknown[] | undefined, thread: ThreadRecord): boolean {
  if (!known || known.length !== thread.stages.length + 1 || known[0] !== thread.meta) return false;
  for (let i = 0; i < thread.stages.length; i++) if (known[i + 1] !== thread.stages[i]) return false;
  return true;
}

function groupOf(groups: Map<string, Group>, key: string): Group {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = new Group()));
  return group;
}

function mapOf<K, V>(maps: Map<string, Map<K, V>>, key: string): Map<K, V> {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map()));
  return map;
}

/** The latest of `dates` not after `day`; '' when there is none. */
function latestOnOrBefore(dates: Iterable<string>, day: string): string {
  let latest = '';
  for (const date of dates) if (date <= day && date > latest) latest = date;
  return latest;
}
