import type * as z from 'zod';
import { today } from '../clock.js';
import { diagnostic, START, type Diagnostic, type RuleId } from '../diagnostics.js';
import { sentTouchesOnce, type SentTouches } from '../derive/sent-touches.js';
import { PRESET_NAMES, resolveSequence, type SequenceInput } from '../outreach/sequences.js';
import { suppressionKeys } from '../outreach/contact-stop.js';
import { DRAFT_TEMPLATES } from '../outreach/draft-templates.js';
import { normalizeEmail, normalizeLinkedin, normalizePhone, prospectId, prospectIdField, prospectLabel, type ProspectContacts } from '../outreach/prospect-id.js';
import { CANVAS_SECTIONS, type CanvasSection } from '../schema/canvas.js';
import { nearestWord } from '../schema/misspelt-keys.js';
import { assumptionIdSchema, goalIdSchema, isoDateSchema, slugSchema, subgoalIdSchema, threadSourceSchema } from '../schema/common.js';
import { THREAD_ID } from '../schema/meta.js';
import { STAGE_FILES } from '../schema/stages.js';
import { canvasPath, LAYOUT, SUPPRESSION_FILE, THREAD_TYPE_BY_FAMILY } from '../workspace/layout.js';
import { listKeySlip, nearSegments, stageOf, suppressionValue, workspaceCurrency, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import { formatDataPath } from '../workspace/validate.js';
import { freeSlug, slugOfText } from '../workspace/slug.js';
import { checkCampaignResults } from './experiments.js';
import type { Locators } from './locators.js';
import { checkClosedMidSequence, checkLearning } from './learning.js';
import { checkQueuedAfterSend } from './queued-after-send.js';
import { checkReplyWithoutSend } from './reply-without-send.js';
import { reportOtherCurrency, writtenAmounts, type WrittenAmount } from './deal-currency.js';
import { checkGoalCurrency } from './goal-currency.js';
import type { Goal } from '../schema/goal.js';
import { checkReplyDate, checkThreadDates, todayForDates, type Today } from './thread-dates.js';
import { ThreadMemo } from './thread-memo.js';
import { checkValidationSegments } from './validation-segment.js';

type Data = Record<string, unknown>;

interface Known {
  segments: Set<string>;
  /**
   * Whether the segments section is there but cannot be read (saved half-way, invalid YAML,
   * `segments` not a list): its ids are unknown, not absent, as for the assumptions. A
   * section that defines none (`segments: []`, the key gone) makes every reference unknown.
   */
  segmentsUnknown: boolean;
  assumptions: Set<string>;
  /**
   * Whether the assumptions section is there but cannot be read (saved half-way, invalid
   * YAML): its ids are unknown, not absent, and no reference to one is reported against it.
   */
  assumptionsUnknown: boolean;
  /**
   * The ids of assumption rows the schema refuses (`id: a1`), upper-cased: a reference to
   * `A1` is to that row, whose own error says "did you mean A1?" — not to an assumption
   * that is not there ("none are defined yet" while the row is on screen).
   */
  assumptionsRefused: Set<string>;
  /** Each goal's subgoals; undefined for a goal file that cannot be read (its id is its file name). */
  goals: Map<string, Set<string> | undefined>;
  /** Goal files saved under a name that is not `.md`, by the id their name gives (WorkspaceModel.misnamedGoals). */
  misnamedGoals: ReadonlyMap<string, string>;
  /** Meta.json files saved under another name, by thread folder (WorkspaceModel.misnamedMetas). */
  misnamedMetas: ReadonlyMap<string, string>;
  /** The campaigns' folder names: asked only for a `source: campaign:…` (a warning), so made on first use. */
  campaigns: () => Set<string>;
  /** Whether a `source: thread:…` path is a thread folder of the workspace. */
  isThread: (path: string) => boolean;
  /** The suppression list's addresses, lower-cased: asked only of a closed campaign, so made on first use. */
  suppressed: () => ReadonlySet<string>;
  /** Per campaign, per prospect, the last touch a draft marked sent records (lastSentByCampaign): asked only of a closed campaign, so made on first use. */
  sent: SentTouches;
  /** The ids above as one string (knownIdsKey), made on first use. */
  idsKey: () => string;
  /** The currency the workspace counts in (workspaceCurrency). */
  currency: string;
  /** Each assumption's segment, by id (those with one), made on first use. */
  assumptionSegments: () => ReadonlyMap<string, string>;
  /**
   * Why no segment or assumption is read when none is, if it is a slip of the list's key
   * (`segmentz:`): said instead of "none are defined yet", which sent the user to add what
   * they had written.
   */
  noneRead: { segments?: string; assumptions?: string };
}

/**
 * Cross-file rules: ids that must exist, ids that must be unique, stage files that need
 * their predecessor. Works on whatever parsed, so one bad file does not hide the rest.
 */
export function checkReferences(model: WorkspaceModel, locators: Locators, inScope: (thread: string) => boolean = () => true, sent: SentTouches = sentTouchesOnce(model)): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = reporter(out, locators);
  for (const section of CANVAS_SECTIONS) {
    if (!model.canvas.has(section)) report(canvasPath(section), [], 'canvas-missing', `Missing canvas section ${section}.md: expected all 16 sections in ${LAYOUT.canvas}/ (\`threadwork init\` scaffolds them)`, 'warning');
  }
  const known = checkCanvasAndGoals(model, report, locators, true, sent);
  const day = todayForDates(today());
  const checked = threadsToCheck(model);
  // Each id's holder is the thread whose folder has that name, as sync's cross-file check
  // has it (referenceErrors); else the first in path order — never the order the model met
  // the threads in (a warm session meets a thread added since last, a cold load in the
  // scan's order), and whether or not it is in the scope: the one in scope may be its duplicate.
  const firstHolder = new Map<string, string>();
  for (const thread of checked) {
    const id = threadIdOf(thread);
    if (id === undefined) continue;
    const held = firstHolder.get(id);
    if (held === undefined || holdsBefore(thread.path, held, id)) firstHolder.set(id, thread.path);
  }
  const firstWithId = (id: string, path: string): string | undefined => {
    const first = firstHolder.get(id);
    return first !== undefined && first !== path ? first : undefined;
  };
  for (const thread of checked) if (inScope(thread.path)) checkThread(thread, model.broken, known, firstWithId, report, day);
  // Reply records are no thread's stage: nothing is derived from them, so only check (and a
  // write, judged like check) reads their dates, in one pass as checkDrafts does.
  for (const file of model.files.values()) {
    if (file.kind.kind !== 'reply') continue;
    checkReplyDate(file, day, report);
    if (inScope(file.kind.thread)) checkReplyWithoutSend(model, file, sent().get(file.kind.thread), report);
  }
  checkSuppressionEntries(model.files.get(SUPPRESSION_FILE), locators, report);
  return out;
}

/**
 * A person listed twice on the suppression list — by their address, LinkedIn profile or
 * phone, each compared normalised as every campaign compares them (prospect-id.ts): harmless
 * to whom it protects, but a hand edit to take someone off the list would remove one entry
 * and leave them suppressed. A warning at the second entry's detail, naming the line of the
 * first. Only the same detail is compared: a national and an international phone number
 * may be one person, but nothing says so for certain.
 */
function checkSuppressionEntries(file: ParsedFile | undefined, locators: Locators, report: Report): void {
  const entries = (file?.value as { suppressed?: unknown } | undefined)?.suppressed;
  if (!file || !Array.isArray(entries)) return;
  const first = new Map<string, { index: number; field: string }>();
  const normalise: Record<'email' | 'linkedin' | 'phone', (value: string) => string> = { email: normalizeEmail, linkedin: normalizeLinkedin, phone: normalizePhone };
  entries.forEach((entry, i) => {
    for (const field of ['email', 'linkedin', 'phone'] as const) {
      const value = (entry as Data | null)?.[field];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const key = `${field}:${normalise[field](value)}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, { index: i, field });
        continue;
      }
      const line = locators.at(file.path, ['suppressed', earlier.index, earlier.field]).line;
      const what = field === 'email' ? 'address' : field === 'linkedin' ? 'LinkedIn profile' : 'phone number';
      report(file.path, ['suppressed', i, field], 'duplicate-suppression', `Duplicate suppression entry \`${value.trim()}\`: already listed on line ${line}. Keep one entry per ${what}, or taking it off the list by hand leaves the other`, 'warning');
      return;
    }
  });
}

/**
 * The cross-file errors a sync or a watch cycle reports (engine/transaction.ts): those of
 * the canvas and the goals, whole — a few files — and those of the threads `threadsFor`
 * names, given the key of the ids the canvas and goals define (knownIdsKey), not
 * of every thread: a cycle that re-checked 10,000 threads would cost what the workspace
 * holds, not what changed. Nothing here passes over every file or thread (warnings, which
 * need such passes, are left to `check`). A thread id is compared with the thread folders
 * of that name and with the ids of the threads named (two meta.json ids that collide
 * while both differ from their folders are each a `thread-id-folder` error already).
 */
export function referenceErrors(model: WorkspaceModel, locators: Locators, threadsFor: (idsKey: string) => Iterable<string>): { diagnostics: Diagnostic[]; idsKey: string } {
  const out: Diagnostic[] = [];
  // Only errors are returned: a warning is not located (a thread's file parsed again to
  // place it — 0.3 s of a first sync at 10,000 deals whose threads each had one) nor kept.
  const report = reporter(out, locators, 'error');
  const known = checkCanvasAndGoals(model, report, locators, false, sentTouchesOnce(model));
  const named = [...new Set(threadsFor(known.idsKey()))].flatMap((path) => model.threads.get(path) ?? []);
  const claimed = new Map<string, string>();
  // Another thread claims an id when its folder has that name (under any of the three
  // thread folders: a few lookups, not a pass over 10,000 threads) or it was checked first with it.
  const firstWithId = (id: string, path: string): string | undefined => {
    const owner = [`${LAYOUT.deals}/${id}`, `${LAYOUT.campaigns}/${id}`, `${LAYOUT.marketing}/${id}`].find((other) => other !== path && model.threads.has(other));
    if (owner !== undefined) return owner;
    const first = claimed.get(id);
    if (!first) claimed.set(id, path);
    // Asked twice by one thread (its folder's message, then its duplicate check), its own claim is no other's.
    return first !== path ? first : undefined;
  };
  const day = todayForDates(today());
  const holdsFiles = threadsHoldingFiles(model);
  for (const thread of named.sort((a, b) => (a.path < b.path ? -1 : 1))) if (thread.meta || holdsFiles(thread.path)) checkThread(thread, model.broken, known, firstWithId, report, day);
  return { diagnostics: out, idsKey: known.idsKey() };
}

/**
 * The ids threads may name — segments, assumptions, goals and their subgoals — as one
 * string: while it is what it was when every thread was last checked, a run need check
 * only the threads that changed (engine/transaction.ts chooses them from it).
 */
function knownIdsKey(known: Omit<Known, 'idsKey'>): string {
  return JSON.stringify([known.segmentsUnknown ? null : [...known.segments], known.assumptionsUnknown ? null : [...known.assumptions], [...known.assumptionsRefused], [...known.goals].map(([goal, subgoals]) => [goal, subgoals ? [...subgoals] : null]), known.noneRead, ...(known.misnamedGoals.size > 0 ? [[...known.misnamedGoals]] : []), ...(known.misnamedMetas.size > 0 ? [[...known.misnamedMetas]] : [])]);
}

/** With nothing read from `section`'s list, the slip of its key that is why (listKeySlip), in words; else undefined. */
function noneReadBecause(model: WorkspaceModel, section: CanvasSection, key: string): string | undefined {
  const data = dataOf(model.canvas.get(section));
  if (listOf(data, key).length > 0) return undefined;
  const slip = listKeySlip(model, section, key);
  return slip ? `none is read: \`${slip.field!}:\` at ${slip.path}:${slip.line}:${slip.column} looks like \`${key}:\`, the key threadwork reads — rename it` : undefined;
}

type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: Diagnostic['severity']) => void;

/** `only`: the one severity kept; every other report is dropped before it is located. */
function reporter(out: Diagnostic[], locators: Locators, only?: Diagnostic['severity']): Report {
  return (file, dataPath, rule, message, severity = 'error') => {
    if (only !== undefined && severity !== only) return;
    out.push(dataPath.length ? diagnostic(file, locators.range(file, dataPath), severity, rule, message, formatDataPath(dataPath)) : diagnostic(file, START, severity, rule, message));
  };
}

/**
 * The rules within and between the canvas, the goals and the ICP files; the ids the threads
 * may name. `icp`: whether to look at every ICP file (a warning; a pass over every file).
 */
function checkCanvasAndGoals(model: WorkspaceModel, report: Report, locators: Locators, icp: boolean, sent: SentTouches): Known {
  const assumptionsRefused = new Set<string>();
  const known: Known = {
    segments: collectIds(model.canvas.get('04-segments'), 'segments', slugSchema, report, locators),
    segmentsUnknown: unreadable(model.canvas.get('04-segments')) || notAList(dataOf(model.canvas.get('04-segments')), 'segments'),
    assumptions: collectIds(model.canvas.get('10-assumptions'), 'assumptions', assumptionIdSchema, report, locators, assumptionsRefused),
    assumptionsRefused,
    assumptionsUnknown: unreadable(model.canvas.get('10-assumptions')) || notAList(dataOf(model.canvas.get('10-assumptions')), 'assumptions'),
    goals: collectGoals(model, report, locators),
    misnamedGoals: model.misnamedGoals ?? new Map(),
    misnamedMetas: model.misnamedMetas ?? new Map(),
    campaigns: once(() => new Set([...model.threads.values()].filter((t) => t.family === 'campaign').map((t) => folderOf(t.path)))),
    isThread: (path) => model.threads.has(path),
    suppressed: once(() => suppressionKeys(suppressionValue(model)?.suppressed ?? [])),
    sent,
    idsKey: once(() => knownIdsKey(known)),
    currency: workspaceCurrency(model),
    assumptionSegments: once(() => assumptionSegmentsOf(model)),
    noneRead: { segments: noneReadBecause(model, '04-segments', 'segments'), assumptions: noneReadBecause(model, '10-assumptions', 'assumptions') },
  };

  // An assumption or a problem naming a segment 04-segments.md lacks (a segment renamed there) belongs to none: the
  // segment's confidence, ICP and narratives go without it.
  for (const [section, key] of [['10-assumptions', 'assumptions'], ['05-problem', 'problems']] as const) {
    const file = model.canvas.get(section);
    listOf(dataOf(file), key).forEach((entry, i) => {
      const segment = (entry as Data | null)?.segment;
      if (typeof segment === 'string' && !knowsSegment(known, segment)) {
        report(file!.path, [key, i, 'segment'], 'unknown-segment', unknownMessage('segment', segment, known.segments, '04-segments.md', known.noneRead.segments));
      }
    });
  }

  for (const [id, file] of model.goals) {
    listOf(dataOf(file), 'assumptions').forEach((a, i) => {
      if (typeof a === 'string' && isUnknownAssumption(known, a)) report(file.path, ['assumptions', i], 'unknown-assumption', unknownMessage('assumption', a, known.assumptions, '10-assumptions.md', known.noneRead.assumptions));
    });
    // An id that is no goal id is the schema's error, at the same place: not this one too.
    const declared = dataOf(file)?.id;
    if (typeof declared === 'string' && declared !== id && goalIdSchema.safeParse(declared).success) report(file.path, ['id'], 'goal-id-filename', goalFileMessage(declared, id, model.goals.has(declared)));
    checkGoalDates(file, report);
    checkGoalCurrency(file.path, file.value as Goal | undefined, known.currency, report);
  }

  for (const [path, file] of icp ? model.files : []) {
    if (file.kind.kind !== 'icp') continue;
    const segment = file.kind.segment;
    // At the file's `segment:` value when it names the same segment (as generated), not at 1:1.
    const at = dataOf(file)?.segment === segment ? ['segment'] : [];
    if (!knowsSegment(known, segment)) report(path, at, 'unknown-segment', unknownMessage('segment', segment, known.segments, '04-segments.md', known.noneRead.segments), 'warning');
  }
  return known;
}

/**
 * A goal's dates before the day it was created (dates swapped, a year mistyped): its
 * deadline (the goal would be missed from its first day, and sync would commit it so), the
 * day it was abandoned, and a subgoal's `reached` day — nothing of a goal happens before it
 * begins. Each is an error at the date, as a deal's close date before its creation date is
 * (`closed-before-created`). The day it was abandoned and a `reached` day are days that
 * came: one more than a day after today is `date-in-future`, as for a thread's dates done.
 * Only valid dates are compared: one that is no date is the schema's error already, as is
 * a subgoal that is no map.
 */
function checkGoalDates(file: ParsedFile, report: Report): void {
  const goal = dataOf(file);
  const day = (value: unknown): string | undefined => (isoDateSchema.safeParse(value).success ? (value as string).slice(0, 10) : undefined);
  const created = day(goal?.created);
  if (!created) return;
  const deadline = day(goal?.deadline);
  if (deadline && deadline < created) report(file.path, ['deadline'], 'deadline-before-created', `Deadline ${deadline} is before the goal was created (${created}, \`created\`): expected a date on or after it. Until it is, the goal would be missed from its first day; if the dates are swapped, swap them back`);
  const abandoned = day(goal?.abandoned);
  if (abandoned && abandoned < created) report(file.path, ['abandoned'], 'abandoned-before-created', `Abandoned date ${abandoned} is before the goal was created (${created}, \`created\`): expected a date on or after it, or \`abandoned: true\``);
  // Each a day something happened, as a deal's close date is (thread-dates.ts): one to come is a typo, with the same day of grace.
  const { today: now, latest } = todayForDates(today());
  if (abandoned && abandoned > latest) report(file.path, ['abandoned'], 'date-in-future', `Abandoned date ${abandoned} is after today (${now}): expected the day the goal was given up, today or before, or \`abandoned: true\` — the goal counts as abandoned from now on either way`);
  listOf(goal, 'subgoals').forEach((subgoal, i) => {
    const { id, reached } = (subgoal ?? {}) as Data;
    const date = day(reached);
    if (!date) return;
    const which = typeof id === 'string' ? `subgoal ${id}` : `subgoals[${i}]`;
    if (date > latest) report(file.path, ['subgoals', i, 'reached'], 'date-in-future', `Reached date ${date} of ${which} is after today (${now}): expected the day its target was first reached, today or before — the subgoal counts as completed from now on. Fix the date, or remove \`reached\` to have the subgoal judged on its value again`);
    if (date >= created) return;
    report(file.path, ['subgoals', i, 'reached'], 'reached-before-created', `Reached date ${date} of ${which} is before the goal was created (${created}, \`created\`): expected a date on or after it — no subgoal is reached before its goal begins. Fix the date, or remove \`reached\` to have the subgoal judged on its value again`);
  });
}

const folderOf = (threadPath: string): string => threadPath.slice(threadPath.lastIndexOf('/') + 1);

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * A thread folder without its meta.json: here for an empty folder, from the workspace state for one with files (engine/state.ts holds its meta).
 * `misnamed`: the meta.json under a name a desktop gave it, beside (`meta (1).json`), named with what to do.
 */
export function missingMetaMessage(thread: string, misnamed?: string): string {
  const beside = misnamed ? `, which \`${misnamed.slice(misnamed.lastIndexOf('/') + 1)}\` beside it may hold: it is not read under that name — rename it to \`meta.json\`` : '';
  return `Missing meta.json in thread ${thread}: expected the thread's identity (id, type, title, segment, source, created)${beside}`;
}

/**
 * Whether a thread folder holds a file the engine reads, in it or in a folder below it (a
 * campaign's drafts). One holding none — a thread
 * deleted through git whose folder Finder's `.DS_Store` or an editor's swap and backup
 * files keep on disk — is no thread: it has nothing to be missing a meta.json for. The
 * set is built on first need, for a folder with no meta.json (rare): one pass over the files.
 */
function threadsHoldingFiles(model: WorkspaceModel): (dir: string) => boolean {
  let folders: Set<string> | undefined;
  return (dir) => {
    if (!folders) {
      folders = new Set();
      for (const path of model.files.keys()) for (let end = path.lastIndexOf('/'); end > 0; end = path.lastIndexOf('/', end - 1)) folders.add(path.slice(0, end));
    }
    return folders.has(dir);
  };
}

/**
 * How many of the model's thread folders are threads: one with a meta.json, or one holding
 * a file the engine reads. A folder left holding only a `.DS_Store` is not reported, so it
 * is not counted either (check's summary).
 */
export function threadCount(model: WorkspaceModel): number {
  return threadsToCheck(model).length;
}

/** The model's thread folders that are threads (threadCount): those check looks at. */
function threadsToCheck(model: WorkspaceModel): ThreadRecord[] {
  const holdsFiles = threadsHoldingFiles(model);
  return [...model.threads.values()].filter((thread) => thread.meta || holdsFiles(thread.path));
}

/**
 * A thread folder with its meta.json and no stage file: not a thread yet, and counted
 * nowhere (derive/thread-facts.ts). A stage file that is there but broken (held as absent
 * while it was never valid) is not "no stage file": its own errors say what is wrong.
 */
function reportNoStage(thread: ThreadRecord, broken: ReadonlySet<string>, report: Report): void {
  if (!thread.meta || stageOf(thread) > 0 || STAGE_FILES.some((file) => broken.has(`${thread.path}/${file}`))) return;
  report(`${thread.path}/meta.json`, [], 'thread-stage-missing', noStageMessage(thread.path));
}

/**
 * A file name that is not a goal id (`G-Fintech-Beachhead.md`) cannot become the id: the
 * schema refuses it, so only the rename is offered. A file of that name already there (a
 * goal copied to start another) leaves only the id to change: a rename onto it would
 * replace the goal copied.
 */
function goalFileMessage(declared: string, name: string, declaredFileExists: boolean): string {
  const mismatch = `Goal id \`${declared}\` does not match its file name: expected`;
  if (goalIdSchema.safeParse(name).success) return declaredFileExists ? `${mismatch} \`id: ${name}\` (goals/${declared}.md is another goal)` : `${mismatch} \`id: ${name}\` or the file renamed to goals/${declared}.md`;
  return `${mismatch} the file renamed to goals/${declared}.md (\`${name}\` is not a goal id: \`g-\` then lower-case letters, digits and single hyphens)`;
}

/**
 * A folder name that is not a thread id (`Keel-Neobank`, renamed in another case) cannot
 * become the id: the schema refuses it, so the folder's rename is offered, as for a
 * goal's file name. When a thread folder of the id's name is there already, the folder is
 * a copy made by hand to start another thread (`MVZ Nürnberg Süd`, copied from
 * `mvz-arztehaus-furth`): a rename onto the id cannot be done, so the copy is told the
 * folder name made from its own (as `deal new` makes one) and to write it as its id.
 */
function threadFolderMessage(threadPath: string, id: string, folder: string, idFolderTaken: string | undefined): string {
  const mismatch = `Thread id \`${id}\` does not match its folder: expected`;
  if (THREAD_ID.test(folder)) return `${mismatch} \`"id": "${folder}"\``;
  const parent = threadPath.slice(0, threadPath.length - folder.length);
  const notAnId = `\`${folder}\` is not a thread id: lower-case letters, digits and single hyphens`;
  if (idFolderTaken === undefined) return `${mismatch} the folder renamed to ${parent}${id} (${notAnId})`;
  const made = slugOfText(folder);
  const own = made && freeSlug(made, (candidate) => candidate === id);
  const rename = made ? `the folder renamed to ${parent}${made === id ? own : made} and \`"id": "${made === id ? own : made}"\`` : 'the folder renamed to a thread id of its own (lower-case letters, digits and single hyphens) and that name as its `"id"`';
  return `${mismatch} ${rename} — ${idFolderTaken} is another thread, this folder a copy of it (${notAnId})`;
}

function noStageMessage(thread: string): string {
  return `Thread ${thread} has no stage file: expected ${STAGE_FILES[0]} beside its meta.json (a thread begins at Stage 1; until it has one it is left out of the pipeline, the metrics, the goals and the assumptions)`;
}

/** Whether thread `a` holds `id` before thread `b`: the one whose folder is named so, then path order. */
function holdsBefore(a: string, b: string, id: string): boolean {
  const aOwns = folderOf(a) === id;
  return aOwns !== (folderOf(b) === id) ? aOwns : a < b;
}

/** The id a thread's meta.json gives it (its folder's name when it names none); undefined while the file cannot be read. */
function threadIdOf(thread: ThreadRecord): string | undefined {
  const meta = dataOf(thread.meta);
  if (!thread.meta || !meta) return undefined;
  return typeof meta.id === 'string' ? meta.id : folderOf(thread.path);
}

/** What a check of a thread does again each time: a step that reads other threads (ids claimed, `source:` links) or the day. */
interface Live {
  thread: ThreadRecord;
  known: Known;
  firstWithId: (id: string, path: string) => string | undefined;
  report: Report;
  day: Today;
}
type Step = Parameters<Report> | ((live: Live) => void);

const keptSteps = new ThreadMemo<Step[]>();
/** Judged against the day of each check (thread-dates.ts keeps its own findings per day). */
const DATES = (live: Live): void => checkThreadDates(live.thread, live.day, live.report);

/**
 * A thread's checks. What they find from the thread's own files, the canvas's and goals'
 * ids and which of its files are broken is kept while those are the same (thread-memo.ts;
 * a warm session's check after one edit recomputes one thread); what reads other threads
 * — a duplicate id, a `source:` naming a campaign or thread — and the day is kept as a
 * step run again at each check, in its place, so the findings come out in the same order.
 */
function checkThread(thread: ThreadRecord, broken: ReadonlySet<string>, known: Known, firstWithId: (id: string, path: string) => string | undefined, report: Report, day: Today): void {
  const steps = keptThreadSteps(thread, broken, known);
  const live: Live = { thread, known, firstWithId, report, day };
  for (const step of steps) {
    if (typeof step === 'function') step(live);
    else report(...step);
  }
}

/** A thread's kept steps (thread-memo.ts), made now when its files, the ids or its broken files moved. */
function keptThreadSteps(thread: ThreadRecord, broken: ReadonlySet<string>, known: Known): Step[] {
  // The ids key itself while no file is broken: the same string, compared at once, not one made per thread.
  const context = broken.size === 0 ? known.idsKey() : `${known.idsKey()}\n${brokenMarks(thread, broken)}`;
  return keptSteps.get(thread, context, () => threadSteps(thread, broken, known));
}

/**
 * What `checkReferences` keeps of a thread, made ahead of it (check/early-checks.ts): a
 * cold check makes each thread's steps while the parse workers read the threads after it,
 * and locates what they report in `locators`, the check's own. The ids are read from the
 * canvas and goals at the first thread (the scan lists them before any thread folder);
 * the check finds the steps kept only while its own ids, the thread's files and its broken
 * files are those they were made with (keptSteps' context), else makes them again: what
 * it reports never depends on whether this ran.
 */
export function threadStepsAhead(model: WorkspaceModel, locators: Locators): (thread: ThreadRecord) => void {
  let known: Known | undefined;
  const day = todayForDates(today());
  const locate: Report = (file, dataPath) => {
    if (dataPath.length > 0) locators.range(file, dataPath);
  };
  return (thread) => {
    known ??= checkCanvasAndGoals(model, () => undefined, locators, false, sentTouchesOnce(model));
    // Only a folder checkReferences looks at (threadsToCheck): one with its meta.json.
    if (!thread.meta) return;
    for (const step of keptThreadSteps(thread, model.broken, known)) if (typeof step !== 'function') locate(...step);
    // The dates, a step run at each check, keep their findings per day (thread-dates.ts).
    checkThreadDates(thread, day, locate);
  };
}

/** Which of a thread's files are broken (held as absent). */
function brokenMarks(thread: ThreadRecord, broken: ReadonlySet<string>): string {
  return ['meta.json', ...STAGE_FILES].map((file) => (broken.has(`${thread.path}/${file}`) ? '1' : '0')).join('');
}

function threadSteps(thread: ThreadRecord, broken: ReadonlySet<string>, known: Known): Step[] {
  const steps: Step[] = [];
  const report: Report = (...call) => steps.push(call);
  const again = (step: (live: Live) => void): number => steps.push(step);
  const folder = folderOf(thread.path);
  const metaPath = `${thread.path}/meta.json`;
  const meta = dataOf(thread.meta);
  reportNoStage(thread, broken, report);
  if (!thread.meta) {
    // One never valid is held as absent (engine/state.ts): its own errors — a stand-in's
    // `thread-meta-missing` for one deleted — already say what is wrong with it.
    if (!broken.has(metaPath)) report(metaPath, [], 'thread-meta-missing', missingMetaMessage(thread.path, known.misnamedMetas.get(thread.path)));
  } else if (meta) {
    if (typeof meta.id === 'string' && meta.id !== folder) {
      const declared = meta.id;
      // Whether a folder of the id's name is there reads other threads: asked again at each check.
      if (THREAD_ID.test(folder)) report(metaPath, ['id'], 'thread-id-folder', threadFolderMessage(thread.path, declared, folder, undefined));
      else again((live) => {
        const holder = live.firstWithId(declared, live.thread.path);
        live.report(metaPath, ['id'], 'thread-id-folder', threadFolderMessage(thread.path, declared, folder, holder !== undefined && folderOf(holder) === declared ? holder : undefined));
      });
    }
    const expectedType = THREAD_TYPE_BY_FAMILY[thread.family];
    if (typeof meta.type === 'string' && meta.type !== expectedType) report(metaPath, ['type'], 'thread-type-folder', `Thread type \`${meta.type}\` does not match its folder: expected \`"type": "${expectedType}"\` for a thread under ${thread.path.split('/').slice(0, -1).join('/')}/`);
    const id = threadIdOf(thread)!;
    again(duplicateIdStep(id, metaPath));
    checkLinks(metaPath, meta, known, report, again);
    if (thread.family === 'deal' && (meta.goal_id === undefined || meta.goal_id === null) && known.goals.size > 0) {
      const goals = [...known.goals.keys()];
      report(metaPath, [], 'deal-without-goal', `Deal ${id} counts toward no goal: expected \`"goal_id"\` in its meta.json naming one of ${goals.slice(0, 12).join(', ')}${goals.length > 12 ? ', …' : ''}`, 'warning');
    }
  }

  thread.stages.forEach((stage, i) => {
    if (!stage) return;
    // A predecessor that is there but never valid (held as absent) is not missing: its own errors say what is wrong.
    if (i > 0 && !thread.stages[i - 1] && !broken.has(`${thread.path}/${STAGE_FILES[i - 1]}`)) {
      report(stage.path, [], 'stage-order', `Stage file ${STAGE_FILES[i]} has no predecessor: expected ${STAGE_FILES[i - 1]} in ${thread.path} (threads advance one stage at a time)`);
    }
    // Only these stages name ids (a hypothesis's tests, a learning's validations, a campaign's
    // links and prospects): the others' values are never asked for (the parse cache keeps them as bytes).
    const namesIds = i === 1 || i === 5 || (thread.family === 'campaign' && (i === 0 || i === 4));
    const data = namesIds ? dataOf(stage) : undefined;
    if (!data) return;
    const listed = new Map<string, number>();
    listOf(data, 'tests').forEach((id, j) => {
      if (typeof id !== 'string') return;
      if (isUnknownAssumption(known, id)) report(stage.path, ['tests', j], 'unknown-assumption', unknownMessage('assumption', id, known.assumptions, '10-assumptions.md', known.noneRead.assumptions));
      const earlier = listed.get(id);
      if (earlier === undefined) listed.set(id, j);
      else report(stage.path, ['tests', j], 'test-repeated', `Assumption \`${id}\` is listed twice in \`tests\` (tests[${earlier}]): a thread tests an assumption once. Remove this entry`, 'warning');
    });
    listOf(data, 'validations').forEach((v, j) => {
      const id = (v as Data | null)?.assumption;
      if (typeof id === 'string' && isUnknownAssumption(known, id)) report(stage.path, ['validations', j, 'assumption'], 'unknown-assumption', unknownMessage('assumption', id, known.assumptions, '10-assumptions.md', known.noneRead.assumptions));
    });
    // An experiment's winner validates or invalidates the assumption it names, as a written
    // validation does: an unknown one is the same cross-file error, held by sync as such.
    if (thread.family === 'campaign' && i === 4) {
      listOf(data, 'experiments').forEach((e, j) => {
        const id = (e as Data | null)?.assumption;
        if (typeof id === 'string' && isUnknownAssumption(known, id)) report(stage.path, ['experiments', j, 'assumption'], 'unknown-assumption', unknownMessage('assumption', id, known.assumptions, '10-assumptions.md', known.noneRead.assumptions));
      });
    }
    if (thread.family === 'campaign' && i === 0) {
      checkLinks(stage.path, data, known, report, again);
      if (meta) checkLinksAgree(stage.path, data, meta, report);
    }
    if (thread.family === 'campaign' && i === 4) {
      checkProspects(stage.path, data, report);
      checkSequence(stage.path, data, report);
      checkTouchChannels(stage.path, data, report);
    }
  });
  // Results that cannot be are what every derived figure of the campaign reads: held by sync, as a cross-file error is.
  if (thread.family === 'campaign') checkCampaignResults(thread, report);
  again(DATES);
  checkLearning(thread, (id) => knowsAssumption(known, id), report);
  // Which segment an assumption is about is the canvas's to say: asked again at each check.
  if (thread.stages[5]) again(VALIDATION_SEGMENTS);
  // Which currency is another is the canvas's to say: asked again at each check.
  const amounts = writtenAmounts(thread);
  if (amounts.length > 0) again(otherCurrencyStep(amounts));
  if (thread.family === 'campaign') again(CLOSED_MID_SEQUENCE);
  // The drafts marked sent are other files: asked again at each check, as the close above is.
  if (thread.family === 'campaign') again(QUEUED_AFTER_SEND);
  // Exactly as long as it is: grown by push it keeps room for 16, and 10,000 threads keep one each.
  return steps.slice();
}

// The steps a thread keeps are made here, outside threadSteps: a closure made inside it would
// keep that call's whole scope alive (V8 gives a function one context for every variable its
// closures use) — the thread, its data, `known`, the steps list and two closures, ~1 KB a
// thread, 11.5 MB of a watcher's heap at 10,000 deals. These keep only what they read.

/** A thread id claimed by another thread first: which one claims it first is asked at each check. */
function duplicateIdStep(id: string, metaPath: string): (live: Live) => void {
  return (live) => {
    const first = live.firstWithId(id, live.thread.path);
    if (first) live.report(metaPath, ['id'], 'duplicate-id', `Duplicate thread id \`${id}\`: already used by ${first}`);
  };
}

/** Amounts in another currency than the canvas's, which the canvas may change. */
function otherCurrencyStep(amounts: readonly WrittenAmount[]): (live: Live) => void {
  return (live) => reportOtherCurrency(amounts, live.known.currency, live.report);
}

const VALIDATION_SEGMENTS = (live: Live): void => checkValidationSegments(live.thread, live.known.assumptionSegments(), live.report);
const CLOSED_MID_SEQUENCE = (live: Live): void => checkClosedMidSequence(live.thread, live.report, live.known.suppressed(), live.known.sent().get(live.thread.path));
const QUEUED_AFTER_SEND = (live: Live): void => checkQueuedAfterSend(live.thread, live.report, live.known.sent().get(live.thread.path));

/**
 * Every campaign's `campaign-links-disagree` warnings, for a sync and so a watch cycle: the
 * link written in Stage 1 alone is one the goals sync counts leave out, so it is said where
 * that count is made, not only by check. Asked of every campaign at each run (campaigns are
 * few, and only a disagreement is located), not of the threads that changed: a warning a
 * second sync dropped would read as fixed.
 */
export function campaignLinkWarnings(model: WorkspaceModel, locators: Locators): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = reporter(out, locators, 'warning');
  for (const thread of model.threads.values()) {
    // Only campaigns repeat their links in Stage 1; a deal's meta.json is not read at all.
    if (thread.family !== 'campaign') continue;
    const input = thread.stages[0];
    const stage = input && !model.broken.has(input.path) ? dataOf(input) : undefined;
    const meta = stage && dataOf(thread.meta);
    if (input && stage && meta) checkLinksAgree(input.path, stage, meta, report);
  }
  return out;
}

/**
 * A campaign's Stage 1 repeats its links for the reader; meta.json's are the ones counted
 * (as a deal's are), so one edited in Stage 1 alone would count nowhere without a word.
 */
function checkLinksAgree(file: string, stage: Data, meta: Data, report: Report): void {
  for (const key of ['goal_id', 'segment'] as const) {
    const written = stage[key];
    const counted = meta[key];
    const what = key === 'goal_id' ? 'goal' : 'segment';
    // `null` written is "none" to whoever reads Stage 1, while meta.json's link goes on counting: a disagreement too.
    // (A key left out repeats nothing, and disagrees with nothing.)
    if (written === null && typeof counted === 'string') {
      report(file, [key], 'campaign-links-disagree', `Campaign Stage 1 names no ${what} (\`${key}: null\`) but its meta.json names \`${counted}\`, the one counted: the campaign counts toward \`${counted}\`; expected \`${key}: ${counted}\` here, or \`"${key}"\` removed from meta.json if it counts toward no ${what}`, 'warning');
      continue;
    }
    if (typeof written !== 'string' || written === counted) continue;
    // meta.json naming another is as likely the edit (the docs say to move a campaign there)
    // as Stage 1 is: "expected Stage 1's value in meta.json" told whoever moved it to undo the move.
    const message =
      typeof counted === 'string'
        ? `Campaign Stage 1 names ${what} \`${written}\` but its meta.json names \`${counted}\`, the one counted: the campaign counts toward \`${counted}\`; expected the same ${what} in both — \`${key}: ${counted}\` here if the campaign moved to it, or \`"${key}": "${written}"\` in meta.json if it did not`
        : `Campaign Stage 1 names ${what} \`${written}\` but its meta.json names none: the campaign counts toward no ${what}; expected \`"${key}": "${written}"\` in meta.json, the link the ${what}s count (or \`${key}: null\` here)`;
    report(file, [key], 'campaign-links-disagree', message, 'warning');
  }
}

/** A stage's or meta.json's links; those to other threads (`source:`) are checked `again` at each check. */
function checkLinks(file: string, data: Data, known: Known, report: Report, again: (step: (live: Live) => void) => void): void {
  const { segment, goal_id: goalId, subgoal, source } = data;
  if (typeof segment === 'string' && !knowsSegment(known, segment)) {
    report(file, ['segment'], 'unknown-segment', unknownMessage('segment', segment, known.segments, '04-segments.md', known.noneRead.segments));
  }
  if (typeof goalId === 'string') {
    const subgoals = known.goals.get(goalId);
    // An id of the wrong form (`G-MRR-50K`) is the schema's error already, which names the id it looks like.
    if (!known.goals.has(goalId)) {
      if (goalIdSchema.safeParse(goalId).success) report(file, ['goal_id'], 'unknown-goal', unknownGoalMessage(goalId, known));
    } else if (subgoals && typeof subgoal === 'string' && !subgoals.has(subgoal)) report(file, ['subgoal'], 'unknown-subgoal', unknownMessage(`subgoal of ${goalId}`, subgoal, subgoals, `goals/${goalId}.md`));
  } else if (typeof subgoal === 'string') {
    report(file, ['subgoal'], 'subgoal-without-goal', `Subgoal \`${subgoal}\` without a goal: expected \`goal_id\` naming the goal it belongs to`);
  }
  // A source of the wrong form (`thread:threads\sales\acme`) is the schema's error, which names the one to write.
  if (typeof source === 'string' && threadSourceSchema.safeParse(source).success && (source.startsWith('campaign:') || source.startsWith('thread:'))) again((live) => checkSource(file, source, live.known, live.report));
}

function checkSource(file: string, source: string, known: Known, report: Report): void {
  if (source.startsWith('campaign:') && !known.campaigns().has(source.slice(9))) {
    report(file, ['source'], 'unknown-campaign', unknownMessage('campaign', source.slice(9), known.campaigns(), LAYOUT.campaigns + '/'), 'warning');
  }
  if (source.startsWith('thread:') && !known.isThread(source.slice(7))) {
    report(file, ['source'], 'unknown-source-thread', `Unknown thread \`${source.slice(7)}\` in \`source\`: no thread folder there; expected the path of one (threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug})`, 'warning');
  } else if (source === `thread:${file.slice(0, file.lastIndexOf('/'))}`) {
    // A deal copied from another, or a slip of the path: nothing leads to a thread but another.
    report(file, ['source'], 'unknown-source-thread', `Unexpected \`source\`: \`${source.slice(7)}\` is this thread itself; expected the path of the thread it came from (threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug}), or how it came (inbound, outbound, referral, partner, event)`, 'warning');
  }
}

function checkProspects(file: string, data: Data, report: Report): void {
  const seen = new Set<string>();
  listOf(data, 'prospects').forEach((p, i) => {
    if (!p || typeof p !== 'object') return;
    const id = prospectId(p as ProspectContacts);
    if (id === '') return;
    const label = prospectLabel(p as ProspectContacts);
    // Nurture stops the sequence and `due` brings the prospect back at `revisit`: without one (set by hand; `campaign reply` always writes it), never.
    const { status, revisit } = p as Data;
    if (typeof status === 'string' && status.trim().toLowerCase() === 'nurture' && (revisit === undefined || revisit === null || revisit === '')) {
      report(file, ['prospects', i, 'status'], 'nurture-without-revisit', `Prospect \`${label}\` is in nurture without a \`revisit\` date: nurture stops the sequence and \`due\` lists the prospect again on its revisit date, so this one is never brought back. Add \`revisit: YYYY-MM-DD\`, the day to contact them again`, 'warning');
    }
    if (seen.has(id)) report(file, ['prospects', i, prospectIdField(p as ProspectContacts)], 'duplicate-id', `Duplicate prospect \`${label}\`: each prospect is listed once per campaign`);
    seen.add(id);
  });
}

/**
 * A sequence with no touch — no `touches` and a `preset` that is none of the built-in ones
 * (`follow-upp`), or none at all: `due` lists nothing and `campaign draft` writes nothing
 * for any prospect, and nothing said why.
 */
function checkSequence(file: string, data: Data, report: Report): void {
  const sequence = data.sequence as SequenceInput | null | undefined;
  if (resolveSequence(sequence).length > 0) return;
  const preset = typeof sequence?.preset === 'string' ? sequence.preset.trim() : '';
  const meant = preset ? nearestWord(preset, PRESET_NAMES) : undefined;
  const what = preset ? `Unknown sequence preset \`${preset}\`${meant ? ` (did you mean ${meant}?)` : ''} and no \`touches\`` : 'A sequence with no `touches` and no `preset`';
  report(file, preset ? ['sequence', 'preset'] : sequence ? ['sequence'] : [], 'sequence-empty', `${what}: the campaign has no touch to send, so \`due\` lists none and \`campaign draft\` writes none; expected \`preset\` one of ${PRESET_NAMES.join(', ')}, or \`touches\` listed`, 'warning');
}

/**
 * A touch whose template is written for another channel (`channel: email` with
 * `template: follow-up-2-call`): the template's channel won without a word — the draft
 * came out a call script while `due` listed an email and counted it against the email cap.
 * A warning at the touch's channel naming both, which is used for what, and the fix.
 */
function checkTouchChannels(file: string, data: Data, report: Report): void {
  const touches = (data.sequence as SequenceInput | null | undefined)?.touches;
  if (!Array.isArray(touches)) return;
  touches.forEach((touch, i) => {
    const { channel, template } = (touch ?? {}) as { channel?: unknown; template?: unknown };
    if (typeof template !== 'string' || typeof channel !== 'string' || !Object.hasOwn(DRAFT_TEMPLATES, template)) return;
    const own = DRAFT_TEMPLATES[template]!.channel;
    if (own === channel) return;
    const same = Object.keys(DRAFT_TEMPLATES).filter((name) => DRAFT_TEMPLATES[name]!.channel === channel);
    const message = `Touch \`${template}\` (day ${String((touch as { day?: unknown }).day)}) says \`channel: ${channel}\`, but \`${template}\` is a ${own} template: \`campaign draft\` writes it as ${own === 'email' ? 'an' : 'a'} ${own}, while \`due\` lists it and counts the daily cap as ${channel === 'email' ? 'an' : 'a'} ${channel}. Set \`channel: ${own}\`, or name ${channel === 'email' ? 'an' : 'a'} ${channel} template${same.length ? ` (${same.join(', ')})` : ''}`;
    report(file, ['sequence', 'touches', i, 'channel'], 'template-channel-mismatch', message, 'warning');
  });
}

/** What an item of each list of ids is called in a message: `assumptions` → assumption. */
const ITEM_NAMES: Record<string, string> = { segments: 'segment', assumptions: 'assumption', subgoals: 'subgoal' };

/**
 * The ids of a list (segments, assumptions, subgoals), each duplicate reported at its `id`.
 * Its message said "already used by assumptions[1]", an index the person had to count the
 * list for: it gives the line and column of both, the duplicate's and the first's.
 */
function collectIds(file: ParsedFile | undefined, key: string, idSchema: z.ZodType<string>, report: Report, locators: Locators, refused?: Set<string>): Set<string> {
  const ids = new Set<string>();
  const firstIndex = new Map<string, number>();
  const where = (i: number): string => {
    const { line, column } = locators.at(file!.path, [key, i, 'id']);
    return `line ${line}, column ${column}`;
  };
  listOf(dataOf(file), key).forEach((item, i) => {
    const id = (item as Data | null)?.id;
    if (typeof id !== 'string') return;
    const first = firstIndex.get(id);
    if (first !== undefined) report(file!.path, [key, i, 'id'], 'duplicate-id', `Duplicate ${ITEM_NAMES[key] ?? key} id \`${id}\` on ${where(i)}: first used on ${where(first)}; expected each ${ITEM_NAMES[key] ?? 'item'} to have its own id`);
    else firstIndex.set(id, i);
    // An id its own row refuses (`a7`, `Retail`: the schema's error there) is no id a thread
    // may name: "expected one of A1, a7" would offer it as a fix.
    if (idSchema.safeParse(id).success) ids.add(id);
    else refused?.add(id.trim().toUpperCase());
  });
  return ids;
}

/** A goal file's `id` when it is a goal id: the schema's error otherwise, at the same place. */
function declaredGoalId(data: Data | undefined): string | undefined {
  return typeof data?.id === 'string' && goalIdSchema.safeParse(data.id).success ? data.id : undefined;
}

/**
 * Which file holds each goal id: the file named by it (goals/g-fintech.md for `g-fintech`),
 * as a thread's id is held by its folder; else the first in path order. A goal copied to
 * start another (`g-apac.md`, its id not changed yet) sorts before its original and took
 * the id: the goal left untouched was the duplicate, held, its state no longer derived.
 */
function goalIdHolders(model: WorkspaceModel): Map<string, string> {
  const holders = new Map<string, string>();
  const files = [...model.goals].sort(([, a], [, b]) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const [fileId, file] of files) {
    const declared = declaredGoalId(dataOf(file));
    if (declared !== undefined && (!holders.has(declared) || declared === fileId)) holders.set(declared, file.path);
  }
  return holders;
}

function collectGoals(model: WorkspaceModel, report: Report, locators: Locators): Map<string, Set<string> | undefined> {
  const goals = new Map<string, Set<string> | undefined>();
  const owner = goalIdHolders(model);
  for (const [fileId, file] of model.goals) {
    const data = dataOf(file);
    // A goal file that cannot be read, or whose id is no goal id (`id: G-Fintech`: the
    // schema's error), is still the goal its name says, its subgoals unknown — when its
    // name is a goal id. Only ids may be offered as the known goals: "expected one of
    // G-Fintech" would send the person to the next error.
    const declared = declaredGoalId(data);
    if (!declared && !goals.has(fileId) && goalIdSchema.safeParse(fileId).success) goals.set(fileId, undefined);
    if (!declared) continue;
    if (owner.get(declared) !== file.path) {
      report(file.path, ['id'], 'duplicate-id', `Duplicate goal id \`${declared}\`: already used by ${owner.get(declared)}`);
      continue;
    }
    // Subgoals written as a map (`SG1:` lines) are the schema's error: their ids are unknown, not none.
    goals.set(declared, notAList(data, 'subgoals') ? undefined : collectIds(file, 'subgoals', subgoalIdSchema, report, locators));
  }
  return goals;
}

/** Whether `file` is there but gave no data to read ids from (a syntax error, a file saved half-way or emptied). */
function unreadable(file: ParsedFile | undefined): boolean {
  return file !== undefined && dataOf(file) === undefined;
}

/**
 * Whether `key` is written but is no list (`assumptions:` then `A1:` lines, or nothing
 * under it): the schema's error at the key. The ids it holds are unknown, not none — as
 * for a file that cannot be read, no reference to one is reported against it.
 */
function notAList(data: Data | undefined, key: string): boolean {
  const value = data?.[key];
  return value !== undefined && !Array.isArray(value);
}

/**
 * Whether a reference to segment `id` resolves, or cannot be judged while the segments
 * section is unreadable. A section read as defining none was no check at all: a
 * 04-segments.md whose `segments` was emptied (or whose front matter lost it) left every
 * deal's segment unknown with check clean, and sync wiped every ICP score and committed.
 */
function knowsSegment(known: Known, id: string): boolean {
  return known.segmentsUnknown || known.segments.has(id);
}

/**
 * Each assumption of 10-assumptions.md that names a segment, with it — read from the raw
 * list as the other checks here read it, so a section with one invalid entry still scopes
 * the valid ones (assumptionsOf would give none).
 */
function assumptionSegmentsOf(model: WorkspaceModel): Map<string, string> {
  const segments = new Map<string, string>();
  for (const entry of listOf(dataOf(model.canvas.get('10-assumptions')), 'assumptions')) {
    const { id, segment } = (entry ?? {}) as Data;
    if (typeof id === 'string' && typeof segment === 'string' && !segments.has(id)) segments.set(id, segment);
  }
  return segments;
}

/** Whether a reference to assumption `id` resolves, or cannot be judged while the assumptions section is unreadable. */
function knowsAssumption(known: Known, id: string): boolean {
  return known.assumptionsUnknown || known.assumptions.has(id) || known.assumptionsRefused.has(id.toUpperCase());
}

/**
 * Whether a reference to assumption `id` is an `unknown-assumption` error: an id of the
 * right form that the canvas does not define. One of the wrong form (`a7`) is the schema's
 * error already, which names the id it looks like: a second error at the same place would
 * say the same thing twice.
 */
function isUnknownAssumption(known: Known, id: string): boolean {
  return !knowsAssumption(known, id) && assumptionIdSchema.safeParse(id).success;
}

function dataOf(file: ParsedFile | undefined): Data | undefined {
  const data = file?.value ?? file?.raw;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : undefined;
}

function listOf(data: Data | undefined, key: string): unknown[] {
  const value = data?.[key];
  return Array.isArray(value) ? value : [];
}

/**
 * With none defined, what to do: add one where the ids live (as the CLI's unknown-segment
 * refusal says). "none are defined yet" alone left an agent on a fresh workspace, which has
 * no assumption and no segment, with nothing to try next.
 */
const ADD_ONE: Record<string, string> = {
  '04-segments.md': 'add one to strategy/canvas/04-segments.md (an item of `segments:` with its `id`)',
  '10-assumptions.md': 'add one to strategy/canvas/10-assumptions.md (an item of `assumptions:` with its `id`, `statement` and `prior`)',
};

/**
 * An unknown goal's message; for one whose file was saved under a name that is not `.md`
 * (`goals/g-x.md.txt`), that file, to rename: the list of known goals sent the person
 * looking for a typo in the thread while the goal's file sat in goals/ under another name.
 */
function unknownGoalMessage(id: string, known: Known): string {
  const misnamed = known.misnamedGoals.get(id);
  if (misnamed) return `Unknown goal \`${id}\` (not in goals/): ${misnamed} is not read under that name — rename it to goals/${id}.md`;
  return unknownMessage('goal', id, new Set(known.goals.keys()), 'goals/');
}

function unknownMessage(what: string, id: string, known: Set<string>, where: string, noneRead?: string): string {
  const list = [...known];
  const addOne = ADD_ONE[where];
  const expected = list.length ? `expected one of ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}` : (noneRead ?? `none are defined yet${addOne ? `: ${addOne}` : ''}`);
  // A slip of a known id (`saas-scaleup`, `krankenhauser-de` for `krankenhaeuser-de`) or a
  // segment's first word names the one meant, as the commands that take an id do: a list of
  // twelve ids left the person to spot the difference, and past twelve it was cut off.
  const near = what === 'segment' ? nearSegments(id, list) : [nearestWord(id, list)].filter((w): w is string => w !== undefined);
  return `Unknown ${what} \`${id}\` (not in ${where}): ${near.length ? `did you mean ${near.join(' or ')}? ` : ''}${expected}`;
}
