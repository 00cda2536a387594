import { diagnostic, type Diagnostic, type RuleId } from '../diagnostics.js';
import { campaignExperiments } from '../derive/experiments.js';
import type { Config } from '../schema/config.js';
import { resolveSequence, type SequenceInput } from '../outreach/sequences.js';
import { assumptionsOf, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';
import { hasValue, type ParsedFile } from '../workspace/parse-file.js';
import { formatDataPath } from '../workspace/validate.js';
import type { Locators } from './locators.js';

type Data = Record<string, unknown>;
export type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: Diagnostic['severity']) => void;

/** The counts per variant that must stay within the campaign's totals. */
const COUNTED = ['sent', 'delivered', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed', 'meetings'] as const;
/** The counts whose rates are over delivered. */
const OVER_DELIVERED = ['opened', 'clicked', 'replied', 'unsubscribed', 'meetings'] as const;

/**
 * Campaign experiments (docs/experiments.md): a design that can be run — unique names,
 * a touch that exists and is tested once, unique variant ids whose splits sum to 1, a
 * supported variant that exists — and Stage 6 results per variant that name a known
 * experiment and variant and stay within the campaign's totals.
 */
export function checkExperiments(model: WorkspaceModel, locators: Locators, inScope: (thread: string) => boolean = () => true): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report: Report = (file, dataPath, rule, message, severity = 'error') => {
    out.push(diagnostic(file, locators.range(file, dataPath), severity, rule, message, formatDataPath(dataPath)));
  };
  // A section that cannot be read defines ids unknown, not none: nothing is reported against it.
  const section = model.canvas.get('10-assumptions');
  const assumptions = section && !hasValue(section) ? undefined : new Set(assumptionsOf(model).map((a) => a.id));
  for (const thread of model.threads.values()) if (thread.family === 'campaign' && inScope(thread.path)) checkCampaign(thread, assumptions, model.config, report);
  return out;
}

function checkCampaign(thread: ThreadRecord, assumptions: Set<string> | undefined, config: Config, report: Report): void {
  const actionsFile = thread.stages[4];
  const actions = dataOf(actionsFile);
  const experiments = listOf(actions?.experiments);
  const designs = new Map<string, Set<string>>();
  if (actions && experiments.length) checkValidationsFromWinners(thread.stages[5], actions, config, report);
  if (actionsFile && actions && experiments.length) {
    const touches = resolveSequence((actions.sequence ?? null) as SequenceInput | null);
    const tests = new Set(listOf(dataOf(thread.stages[1])?.tests).filter((t): t is string => typeof t === 'string'));
    const byTouch = new Map<number, string>();
    experiments.forEach((raw, i) => {
      const e = (raw ?? {}) as Data;
      const at = (...path: PropertyKey[]): PropertyKey[] => ['experiments', i, ...path];
      const name = typeof e.name === 'string' ? e.name : `#${i + 1}`;
      const ids = new Set<string>();
      if (designs.has(name)) report(actionsFile.path, at('name'), 'experiment-design', `Duplicate experiment name \`${name}\`: expected each experiment of a campaign to have its own name (Stage 6 records its results under it)`);
      else designs.set(name, ids);
      if (typeof e.touch === 'number') {
        if (e.touch > touches.length) {
          report(actionsFile.path, at('touch'), 'experiment-design', touches.length ? `Touch ${e.touch} is not in the sequence: expected 1 to ${touches.length} (touches count from 1, in order of day)` : `Touch ${e.touch} cannot be tested: the campaign has no sequence yet (expected \`sequence.touches\` or a \`preset\`)`);
        }
        const other = byTouch.get(e.touch);
        if (other !== undefined) report(actionsFile.path, at('touch'), 'experiment-design', `Touch ${e.touch} is already tested by \`${other}\`: expected one experiment per touch (two at once could not tell which change made the difference)`);
        else byTouch.set(e.touch, name);
      }
      const variants = listOf(e.variants);
      let total = 0;
      variants.forEach((v, j) => {
        const { id, split } = (v ?? {}) as Data;
        if (typeof split === 'number') total += split;
        if (typeof id !== 'string') return;
        if (ids.has(id)) report(actionsFile.path, at('variants', j, 'id'), 'experiment-design', `Duplicate variant id \`${id}\` in experiment \`${name}\`: expected each variant to have its own id`);
        ids.add(id);
      });
      if (variants.length && Math.abs(total - 1) > 1e-6) {
        report(actionsFile.path, at('variants'), 'experiment-design', `Splits of experiment \`${name}\` sum to ${round(total)}: expected them to sum to 1 (e.g. 0.5 and 0.5), each the share of prospects a variant gets`);
      }
      const { assumption, supports } = e;
      if (typeof supports === 'string' && !ids.has(supports)) report(actionsFile.path, at('supports'), 'experiment-design', `Unknown variant \`${supports}\` in \`supports\`: expected one of ${[...ids].join(', ')}`);
      if (typeof assumption === 'string') {
        // An unknown id is reported with the other cross-file errors (references.ts), which sync reports and holds too.
        const unknown = assumptions !== undefined && !assumptions.has(assumption);
        if (!unknown && !tests.has(assumption)) report(actionsFile.path, at('assumption'), 'experiment-design', `Assumption \`${assumption}\` is not one this campaign tests: expected it in \`tests\` of 2-hypothesis.md, so the experiment's result speaks to the campaign's hypothesis`, 'warning');
        if (typeof supports !== 'string') report(actionsFile.path, at('assumption'), 'experiment-design', `Experiment \`${name}\` tests \`${assumption}\` without \`supports\`: expected \`supports: <variant id>\`, the variant whose win supports the assumption (any other's win invalidates it)`);
      } else if (typeof supports === 'string') {
        report(actionsFile.path, at('supports'), 'experiment-design', `\`supports\` without \`assumption\`: expected \`assumption: <id>\` naming what variant \`${supports}\` winning would support`, 'warning');
      }
    });
  }
}

/**
 * A campaign's Stage 6 results that cannot be (`campaign-results`: 900 meetings of 231
 * delivered) or that do not fit its experiments (`experiment-results`). They are the
 * figures every derived block reads — the campaign's rates, the metrics, the goals'
 * meetings — so they are checked with the cross-file rules (references.ts): reported by
 * check, and the thread held by sync like any thread in error, never committed. (Checked
 * by check alone, sync committed `meetings 6 → 900` and a goal at 900/40.)
 */
export function checkCampaignResults(thread: ThreadRecord, report: Report): void {
  checkTotals(thread.stages[5], report);
  const actionsFile = thread.stages[4];
  const actions = dataOf(actionsFile);
  // A 5-actions.md that cannot be read, or whose experiments are no list (the schema's
  // error), defines experiments unknown, not none: results are not judged against it.
  const unknown = actionsFile !== undefined && (actions === undefined || (actions.experiments !== undefined && actions.experiments !== null && !Array.isArray(actions.experiments)));
  if (!unknown) checkResults(thread.stages[5], designsOf(actions), report);
}

/**
 * A declared winner adds a Stage 6 result for the assumption its experiment names
 * (docs/experiments.md, "A winner is a learning"); a result for the same assumption written
 * by hand in `validations` is counted as well — the one campaign counted twice towards the
 * assumption's confidence. A warning at the hand-written entry, while the winner stands
 * (no winner yet, no second result: the entry alone counts).
 */
function checkValidationsFromWinners(learningFile: ParsedFile | undefined, actions: Data, config: Config, report: Report): void {
  const learning = dataOf(learningFile);
  const validations = listOf(learning?.validations);
  if (!learningFile || !learning || validations.length === 0 || listOf(actions.experiments).length === 0) return;
  const fromWinners = new Map<string, { name: string; winner: string; result: string }>();
  for (const e of campaignExperiments(actions, learning, config)) {
    if (e.validation && e.winner && !fromWinners.has(e.validation.assumption)) fromWinners.set(e.validation.assumption, { name: e.name, winner: e.winner, result: e.validation.result });
  }
  if (fromWinners.size === 0) return;
  validations.forEach((v, j) => {
    const id = (v as Data | null)?.assumption;
    const from = typeof id === 'string' ? fromWinners.get(id) : undefined;
    if (!from) return;
    report(
      learningFile.path,
      ['validations', j, 'assumption'],
      'validation-from-experiment',
      `Assumption \`${String(id)}\` already has a result from experiment \`${from.name}\` (winner ${from.winner}: ${from.result}): a declared winner counts as a Stage 6 result, so this entry counts the campaign a second time towards ${String(id)}'s confidence. Remove this entry, or take \`assumption\` off the experiment to keep only this one`,
      'warning',
    );
  });
}

/** Each experiment's variant ids by its name, the first of a repeated name (`experiment-design` reports the others). */
function designsOf(actions: Data | undefined): Map<string, Set<string>> {
  const designs = new Map<string, Set<string>>();
  listOf(actions?.experiments).forEach((raw, i) => {
    const e = (raw ?? {}) as Data;
    const name = typeof e.name === 'string' ? e.name : `#${i + 1}`;
    if (designs.has(name)) return;
    designs.set(name, new Set(listOf(e.variants).flatMap((v) => (typeof (v as Data | null)?.id === 'string' ? [(v as Data).id as string] : []))));
  });
  return designs;
}

/**
 * The campaign's own totals, held to what the per-variant counts are held to: a count
 * that cannot be (52 delivered of 40 sent, more opened than delivered) gave a 133% open
 * rate in the block, the metrics and `report campaigns`.
 */
function checkTotals(learningFile: ParsedFile | undefined, report: Report): void {
  const results = dataOf(learningFile)?.results as Data | null | undefined;
  if (!learningFile || !results || typeof results.sent !== 'number') return;
  for (const { field, message } of impossibleCounts(results)) report(learningFile.path, ['results', field], 'campaign-results', message);
}

/**
 * The counts of one set of results — a campaign's totals or one variant's — that cannot
 * be: more bounced than sent, more delivered than sent less bounced (bounds that apply
 * where `sent` is written), more opened, clicked, replied, unsubscribed or meetings than
 * delivered. Delivered is `delivered`, or sent − bounced when it is absent or 0, as every
 * rate reads it (src/outreach/rates.ts). A variant's sends per delivery scale its "more
 * sends", and its sends decide the minimum sample: 120 delivered of 50 sent would ask
 * too few.
 */
function impossibleCounts(counts: Data): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const bounced = num(counts.bounced);
  const recorded = typeof counts.delivered === 'number' && counts.delivered > 0 ? counts.delivered : undefined;
  if (typeof counts.sent === 'number') {
    const { sent } = counts;
    if (bounced > sent) out.push({ field: 'bounced', message: `${bounced} bounced of ${sent} sent: expected at most the sent count` });
    if (recorded !== undefined && recorded > sent - bounced) {
      const less = bounced > 0 ? ` less the ${bounced} bounced (${sent - bounced})` : ` (${sent})`;
      out.push({ field: 'delivered', message: `${recorded} delivered of ${sent} sent: expected at most the sent count${less}` });
    }
  }
  const delivered = Math.max(0, deliveredOf(counts));
  for (const field of OVER_DELIVERED) {
    const value = counts[field];
    if (typeof value === 'number' && value > delivered) {
      out.push({ field, message: `${value} ${field} of ${delivered} delivered: expected at most the delivered count (delivered is \`delivered\`, or sent − bounced)` });
    }
  }
  return out;
}

function checkResults(learningFile: ParsedFile | undefined, designs: Map<string, Set<string>>, report: Report): void {
  const results = dataOf(learningFile)?.results as Data | null | undefined;
  const perExperiment = results?.experiments;
  if (!learningFile || !results || !perExperiment || typeof perExperiment !== 'object') return;
  for (const [name, variants] of Object.entries(perExperiment as Data)) {
    const ids = designs.get(name);
    if (!ids) {
      report(learningFile.path, ['results', 'experiments', name], 'experiment-results', `Results for unknown experiment \`${name}\`: expected one of ${[...designs.keys()].join(', ') || 'none (5-actions.md defines no experiment)'}`);
      continue;
    }
    if (!variants || typeof variants !== 'object') continue;
    const sums: Record<string, number> = {};
    for (const [id, counts] of Object.entries(variants as Data)) {
      if (!ids.has(id)) report(learningFile.path, ['results', 'experiments', name, id], 'experiment-results', `Results for unknown variant \`${id}\` of \`${name}\`: expected one of ${[...ids].join(', ')}`);
      const c = (counts ?? {}) as Data;
      for (const field of COUNTED) {
        const value = c[field];
        if (typeof value === 'number') sums[field] = (sums[field] ?? 0) + value;
      }
      // Held to the bounds the campaign's totals are: the rates are over delivered, the
      // minimum sample and the sends still needed read sent.
      for (const { field, message } of impossibleCounts(c)) report(learningFile.path, ['results', 'experiments', name, id, field], 'experiment-results', `Variant \`${id}\` of \`${name}\` records ${message}`);
    }
    for (const field of COUNTED) {
      // A campaign's `delivered` of 0 is not recorded, as every rate reads it: sent − bounced.
      const total = field === 'delivered' ? (typeof results.sent === 'number' ? deliveredOf(results) : undefined) : results[field];
      const sum = sums[field];
      if (typeof total !== 'number' || sum === undefined || sum <= total) continue;
      if (total === 0 && field !== 'delivered') {
        // A total of 0 beside per-variant counts is one never filled in — the older template
        // wrote `clicked: 0` — not one the variants overshoot: said at the total, to fill in.
        report(learningFile.path, ['results', field], 'experiment-results', unfilledTotal(name, field, sum));
      } else {
        report(learningFile.path, ['results', 'experiments', name], 'experiment-results', `Variants of \`${name}\` record ${sum} ${field} in all, more than the campaign's ${total}: expected per-variant counts within the totals (they count the tested touch only)`);
      }
    }
  }
}

/**
 * The error for a campaign total left at 0 while an experiment's variants record that
 * count: "more than the campaign's 0" read as if the variants were wrong, and did not say
 * that the total is the one to fill in (a sum over every touch, so at least the variants').
 */
function unfilledTotal(experiment: string, field: string, sum: number): string {
  return `The campaign's \`${field}\` is 0, but the variants of \`${experiment}\` record ${sum} ${field}: expected the campaign's total over every touch, at least ${sum} — fill in \`${field}\` from your sending tool (a 0 left from the template reads as none at all)`;
}

/** Delivered as every rate reads it (src/outreach/rates.ts): `delivered`, or sent − bounced when it is absent or 0. */
function deliveredOf(counts: Data): number {
  return typeof counts.delivered === 'number' && counts.delivered > 0 ? counts.delivered : num(counts.sent) - num(counts.bounced);
}

function dataOf(file: ParsedFile | undefined): Data | undefined {
  const data = file?.value ?? file?.raw;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

function round(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
