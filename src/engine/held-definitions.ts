import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Locators } from '../check/locators.js';
import { diagnostic, START, type Diagnostic, type Position } from '../diagnostics.js';
import { readAtHead, renamedInHistory } from '../git/head-files.js';
import { canvasPath, classifyPath, LAYOUT, threadOf } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { parseFile } from '../workspace/parse-file.js';

/** The definitions held with the threads that still name an id they lost, and why. */
export interface DefinitionHold {
  /** Staged at their version in HEAD (null: absent): what derivation reads while held. */
  changes: Map<string, string | null>;
  /** Never edited, never committed while held (a goal file renamed, its old name, the segments canvas). */
  paths: string[];
  diagnostics: Diagnostic[];
  /**
   * The ids the workspace defines on disk that the held definitions do not: a segment only
   * the held-back 04-segments.md lacks, a goal whose file is not committed. A thread naming
   * one would be committed naming an id HEAD does not define (holdThreadsNamingHeldAwayIds).
   */
  heldAway: {
    segments: ReadonlySet<string> | undefined;
    goals: ReadonlySet<string>;
    /** Each goal file held for a subgoal it lost: the subgoal ids its version in HEAD defines. */
    subgoals: ReadonlyMap<string, ReadonlySet<string>>;
    why: { segment?: string; goal?: string; subgoal?: string };
  };
}

const SEGMENTS = canvasPath('04-segments');

/**
 * A goal, a subgoal or a segment whose id was renamed (or removed) while threads still name
 * the old one: those threads have `unknown-goal` / `unknown-subgoal` / `unknown-segment`
 * errors and are held at HEAD,
 * where they name the old id. Committing the definition as it is now would commit the goal
 * at 0 % or the segment with no deals — figures without the threads that make them, in
 * history until the references are fixed. So the definition is held too, as a renamed
 * thread folder is: the goal file HEAD has under the old id (`goals/<old>.md`) stays as
 * committed, its deletion not committed; a goal file HEAD does not have (the renamed one)
 * is neither edited nor committed; the segments canvas is held at HEAD when HEAD has the id.
 * Costs one `git cat-file` of a few files, only in a run with such an error.
 */
export async function holdDefinitionsLosingIds(root: string, model: WorkspaceModel, errors: readonly Diagnostic[], heldThreads: ReadonlySet<string>): Promise<DefinitionHold | undefined> {
  const goals = namedIds(model, errors, heldThreads, 'unknown-goal', 'goal_id');
  const segments = segmentUses(model, errors, heldThreads);
  const subgoals = namedSubgoals(model, errors, heldThreads);
  const lostGoals = [...goals.keys()].filter((id) => !model.goals.has(id));
  if (lostGoals.length === 0 && segments.size === 0 && subgoals.size === 0) return undefined;
  const onDisk = [...model.goals.values()].map((file) => file.path);
  const lostPaths = lostGoals.map((id) => `goals/${id}.md`);
  const atHead = await readAtHead(root, [...lostPaths, ...onDisk, ...(segments.size > 0 ? [SEGMENTS] : [])]);
  const hold: DefinitionHold = { changes: new Map(), paths: [], diagnostics: [], heldAway: { segments: undefined, goals: new Set(), subgoals: new Map(), why: {} } };
  const gone = lostGoals.filter((id) => atHead.has(`goals/${id}.md`));
  if (gone.length > 0) {
    // The goal files HEAD does not have: the renamed one (or one made meanwhile).
    const renamed = onDisk.filter((path) => !atHead.has(path));
    for (const id of gone) {
      hold.changes.set(`goals/${id}.md`, atHead.get(`goals/${id}.md`)!);
      hold.paths.push(`goals/${id}.md`);
    }
    hold.paths.push(...renamed);
    const names = gone.map((id) => `\`${id}\``).join(', ');
    hold.heldAway.goals = new Set(renamed.map((path) => path.slice('goals/'.length, -'.md'.length)));
    hold.heldAway.why.goal = `threads still name goal ${names}`;
    const naming = [...new Set(gone.flatMap((id) => goals.get(id)!))].sort();
    const message = goalHeldMessage(gone, renamed, naming);
    // On every file held, the deleted one too: a file without its warning was listed as one to commit by hand (`git rm`).
    const told = renamed.length > 0 ? renamed : [`goals/${gone[0]}.md`];
    for (const path of told) hold.diagnostics.push(diagnostic(path, idAt(model, path), 'warning', 'derived-held', message));
    for (const id of gone.filter((id) => !told.includes(`goals/${id}.md`))) {
      const why = `Held: goals/${id}.md is held at its version in HEAD, its deletion not committed, while threads still name goal \`${id}\` (the Held line of ${told[0]} says what releases it)`;
      hold.diagnostics.push(diagnostic(`goals/${id}.md`, START, 'warning', 'derived-held', why));
    }
  }
  await holdGoalsRenamedInHistory(root, model, lostGoals.filter((id) => !atHead.has(`goals/${id}.md`)), goals, onDisk, atHead, hold);
  holdGoalsLosingSubgoals(model, subgoals, atHead, hold);
  const headSegments = segments.size > 0 ? segmentIdsIn(atHead.get(SEGMENTS)) : new Set<string>();
  const lostSegments = [...segments.keys()].filter((id) => headSegments.has(id));
  if (lostSegments.length > 0) {
    hold.changes.set(SEGMENTS, atHead.get(SEGMENTS)!);
    hold.paths.push(SEGMENTS);
    const names = lostSegments.map((id) => `\`${id}\``).join(', ');
    hold.heldAway.segments = headSegments;
    hold.heldAway.why.segment = `files still name segment ${names}`;
    const uses = lostSegments.flatMap((id) => segments.get(id)!);
    const added = [...segmentIdsOf(model.files.get(SEGMENTS)?.value)].filter((id) => !headSegments.has(id));
    hold.diagnostics.push(diagnostic(SEGMENTS, segmentsHeldAt(model, added), 'warning', 'derived-held', segmentHeldMessage(lostSegments, added, uses, strategyFilesOf(root, model, lostSegments))));
  }
  return hold.paths.length > 0 ? hold : undefined;
}

// A Held line of a definition sits at what was renamed, where an editor shows it: at 1:1 it sat on the `---` line.

/** Where a goal file's `id` is written: the id a rename changed (line 1 for a file gone from disk). */
function idAt(model: WorkspaceModel, path: string): Position {
  return new Locators((file) => model.text(file)).range(path, ['id']).start;
}

/** Where the segments canvas holds the renamed segment's `id` (the one id it adds), else its `segments` key. */
function segmentsHeldAt(model: WorkspaceModel, added: readonly string[]): Position {
  const locators = new Locators((file) => model.text(file));
  const segments = (model.files.get(SEGMENTS)?.value as { segments?: { id?: unknown }[] } | undefined)?.segments ?? [];
  const index = added.length === 1 ? segments.findIndex((segment) => segment?.id === added[0]) : -1;
  return index >= 0 ? locators.range(SEGMENTS, ['segments', index, 'id']).start : locators.key(SEGMENTS, ['segments']).start;
}

/**
 * A goal renamed in a commit (`git mv`, the id edited, committed) while threads still name
 * the old id: HEAD has the renamed file with the figures those threads gave it, and the
 * threads, held at HEAD, count toward a goal no file defines. Derived as it is, the renamed
 * goal went into history at 0 and back once the threads were fixed — a drop that never
 * happened. So the renamed file is held as committed (never edited or committed) until the
 * threads name it; git's rename detection says which file it became, asked only in such a run.
 */
async function holdGoalsRenamedInHistory(root: string, model: WorkspaceModel, lost: readonly string[], naming: ReadonlyMap<string, string[]>, onDisk: readonly string[], atHead: ReadonlyMap<string, string>, hold: DefinitionHold): Promise<void> {
  if (lost.length === 0) return;
  const renames = await renamedInHistory(root, lost.map((id) => `goals/${id}.md`));
  const goals = new Set(hold.heldAway.goals);
  for (const id of lost) {
    const rename = renames.get(`goals/${id}.md`);
    if (!rename || !onDisk.includes(rename.to) || hold.paths.includes(rename.to)) continue;
    // On disk, so read at HEAD with the other goal files already.
    const committed = atHead.get(rename.to);
    if (committed !== undefined) hold.changes.set(rename.to, committed);
    hold.paths.push(rename.to);
    goals.add(rename.to.slice('goals/'.length, -'.md'.length));
    hold.heldAway.why.goal ??= `threads still name goal \`${id}\``;
    const to = rename.to.slice('goals/'.length, -'.md'.length);
    const files = namedFiles([...(naming.get(id) ?? [])].sort());
    // Released, no figure moves (the same threads count toward the same file): a sync commits only what moves one, so the thread files are the person's to commit.
    const message =
      `Held: ${rename.to} is neither edited nor committed while threads still name goal \`${id}\`, which commit ${rename.commit.slice(0, 10)} renamed to it: its state block keeps the figures those threads gave it. ` +
      `To finish the rename, write \`${to}\` for \`${id}\` in their \`goal_id\` (${files}): the next sync then ends the hold, and commits those files only with a figure they move — the id alone moves none, so commit them yourself with \`git add\` and \`git commit\`. ` +
      `To undo it, rename ${rename.to} back to goals/${id}.md, with \`id: ${id}\`: the next sync then commits the file back under its old name`;
    hold.diagnostics.push(diagnostic(rename.to, idAt(model, rename.to), 'warning', 'derived-held', message));
  }
  hold.heldAway.goals = goals;
}

/**
 * A subgoal removed (or its id renamed) from a goal file while threads still name it: the
 * goal file is held at its version in HEAD, as a removed goal's is — committed as it is,
 * HEAD's threads would name a subgoal HEAD's goal does not define (`unknown-subgoal` in
 * history), and the subgoal's figures would leave the goal before its threads did. Only
 * a subgoal HEAD's version defines holds it: one never committed has nothing to hold.
 */
function holdGoalsLosingSubgoals(model: WorkspaceModel, named: ReadonlyMap<string, ReadonlyMap<string, string[]>>, atHead: ReadonlyMap<string, string>, hold: DefinitionHold): void {
  const subgoals = new Map(hold.heldAway.subgoals);
  for (const [goal, ids] of named) {
    const path = model.goals.get(goal)?.path;
    const committed = path === undefined ? undefined : atHead.get(path);
    if (path === undefined || committed === undefined || hold.paths.includes(path)) continue;
    const defined = subgoalIdsIn(path, committed);
    const gone = [...ids.keys()].filter((id) => defined.has(id));
    if (gone.length === 0) continue;
    hold.changes.set(path, committed);
    hold.paths.push(path);
    subgoals.set(goal, defined);
    const names = gone.map((id) => `\`${id}\``).join(', ');
    hold.heldAway.why.subgoal ??= `threads still name subgoal ${names} of goal \`${goal}\``;
    const naming = [...new Set(gone.flatMap((id) => ids.get(id)!))].sort();
    const which = gone.length === 1 ? 'it' : 'them';
    const message =
      `Held: threads still name subgoal ${names} of goal \`${goal}\`, gone from ${path} since HEAD (renamed, or removed): until none does, ${path} is held at its version in HEAD, so its threads keep counting toward ${which}, and ${path} is neither edited nor committed. ` +
      `Write the id of a subgoal ${path} defines in their \`subgoal\` (${namedFiles(naming)}), or remove \`subgoal\`: the next sync then commits ${path} with them. To undo it, put ${names} back in ${path}`;
    hold.diagnostics.push(diagnostic(path, new Locators((file) => model.text(file)).key(path, ['subgoals']).start, 'warning', 'derived-held', message));
  }
  hold.heldAway.subgoals = subgoals;
}

/**
 * The threads outside `held` whose meta.json names an id only the workspace on disk
 * defines while its definition is held (DefinitionHold.heldAway): a deal moved to the
 * renamed segment before the others, one opened in it, one linked to the renamed goal.
 * Valid on disk, each would be committed naming an id HEAD does not define, its values
 * derived without it (a lead score gone, a segment's figures short): so it is held with
 * the definition, at its version in HEAD, until the rename is whole. Each with why.
 */
export function threadsNamingHeldAwayIds(model: WorkspaceModel, hold: DefinitionHold, held: ReadonlySet<string>): Map<string, string> {
  const { segments, goals, subgoals, why } = hold.heldAway;
  const found = new Map<string, string>();
  if (segments === undefined && goals.size === 0 && subgoals.size === 0) return found;
  for (const [path, thread] of model.threads) {
    if (held.has(path)) continue;
    const meta = thread.meta?.value as { segment?: unknown; goal_id?: unknown; subgoal?: unknown } | undefined;
    const committedSubgoals = typeof meta?.goal_id === 'string' ? subgoals.get(meta.goal_id) : undefined;
    if (segments !== undefined && typeof meta?.segment === 'string' && !segments.has(meta.segment)) {
      found.set(path, `it names segment \`${meta.segment}\`, which ${SEGMENTS} defines on disk but not at the version held in HEAD while ${why.segment}`);
    } else if (typeof meta?.goal_id === 'string' && goals.has(meta.goal_id)) {
      found.set(path, `it names goal \`${meta.goal_id}\`, whose file is not committed while ${why.goal}`);
    } else if (committedSubgoals && typeof meta?.subgoal === 'string' && !committedSubgoals.has(meta.subgoal)) {
      found.set(path, `it names subgoal \`${meta.subgoal}\` of goal \`${meta.goal_id as string}\`, which goals/ defines on disk but not at the version held in HEAD while ${why.subgoal}`);
    }
  }
  return found;
}

/** The ids that held threads' files name under `key` and that `rule` reports unknown, each with the files naming it. */
function namedIds(model: WorkspaceModel, errors: readonly Diagnostic[], heldThreads: ReadonlySet<string>, rule: 'unknown-goal' | 'unknown-segment', key: string): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const error of errors) {
    if (error.rule !== rule || error.severity !== 'error') continue;
    const thread = threadOf(error.path.split('/'))?.thread;
    if (!thread || !heldThreads.has(thread)) continue;
    const id = (model.files.get(error.path)?.value as Record<string, unknown> | undefined)?.[key];
    if (typeof id !== 'string') continue;
    if (!ids.has(id)) ids.set(id, []);
    if (!ids.get(id)!.includes(error.path)) ids.get(id)!.push(error.path);
  }
  return ids;
}

/**
 * The segment ids `unknown-segment` reports in held threads' files and in the canvas (an
 * assumption's or a problem's `segment`), each with the errors at its uses: a segment
 * renamed in 04-segments.md is still named there too, and HEAD would hold those files
 * naming a segment its canvas lacks.
 */
function segmentUses(model: WorkspaceModel, errors: readonly Diagnostic[], heldThreads: ReadonlySet<string>): Map<string, Diagnostic[]> {
  const ids = new Map<string, Diagnostic[]>();
  for (const error of errors) {
    if (error.rule !== 'unknown-segment' || error.severity !== 'error') continue;
    const id = segmentNamedAt(model, error, heldThreads);
    if (id === undefined) continue;
    if (!ids.has(id)) ids.set(id, []);
    ids.get(id)!.push(error);
  }
  return ids;
}

/** The segment id an `unknown-segment` error is at: a held thread file's `segment`, or a canvas list entry's (`assumptions[2].segment`). */
function segmentNamedAt(model: WorkspaceModel, error: Diagnostic, heldThreads: ReadonlySet<string>): string | undefined {
  const value = model.files.get(error.path)?.value as Record<string, unknown> | undefined;
  const thread = threadOf(error.path.split('/'))?.thread;
  if (thread !== undefined) return heldThreads.has(thread) && typeof value?.segment === 'string' ? value.segment : undefined;
  const entry = /^(assumptions|problems)\[(\d+)\]\.segment$/.exec(error.field ?? '');
  const listed = entry ? (value?.[entry[1]!] as Record<string, unknown>[] | undefined)?.[Number(entry[2])] : undefined;
  return typeof listed?.segment === 'string' ? listed.segment : undefined;
}

/** What `threadwork strategy` generated for the segments (their ICP files, at the `segment` key; their artifacts folders): named by the old id, which no sync renames. */
function strategyFilesOf(root: string, model: WorkspaceModel, ids: readonly string[]): { icps: string[]; folders: string[] } {
  const locators = new Locators((path) => model.text(path));
  const icps = [...model.files.keys()].filter((path) => {
    const kind = classifyPath(path);
    return kind.kind === 'icp' && ids.includes(kind.segment);
  });
  const folders = ids.map((id) => `${LAYOUT.artifacts}/${id}`).filter((folder) => existsSync(join(root, folder)));
  return { icps: icps.sort().map((path) => located(path, locators.range(path, ['segment']).start)), folders };
}

function located(path: string, at: Position): string {
  return `${path}:${at.line}:${at.column}`;
}

/** At most this many thread files are named in a held segment's message; the rest are counted (each has its error line). */
const NAMED_THREAD_FILES = 10;

/**
 * Every file naming a lost segment, each at its first use (`path:line:column`, then the
 * line and column of the other uses in it; files apart by `;`): the canvas files first, then the threads' files, the first
 * NAMED_THREAD_FILES of them, the rest counted.
 */
function namedUses(uses: readonly Diagnostic[]): string {
  const byPath = new Map<string, Diagnostic[]>();
  for (const use of [...uses].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column)) {
    if (!byPath.has(use.path)) byPath.set(use.path, []);
    byPath.get(use.path)!.push(use);
  }
  const inThread = (path: string): boolean => threadOf(path.split('/')) !== undefined;
  const paths = [...byPath.keys()];
  const canvas = paths.filter((path) => !inThread(path));
  const threads = paths.filter(inThread);
  const named = [...canvas, ...threads.slice(0, NAMED_THREAD_FILES)].map((path) => {
    const [first, ...more] = byPath.get(path)!;
    return [located(path, first!), ...more.map((d) => `${d.line}:${d.column}`)].join(', ');
  });
  const rest = threads.length - NAMED_THREAD_FILES;
  return `${named.join('; ')}${rest > 0 ? `; and ${rest} more thread ${rest === 1 ? 'file' : 'files'}, each at its \`unknown-segment\` error above` : ''}`;
}

/** At most this many files are named in a held definition's message; the rest are counted. */
const NAMED_FILES = 3;

/** The first few of `paths`, the rest counted. */
function namedFiles(paths: readonly string[]): string {
  const more = paths.length > NAMED_FILES ? `, and ${paths.length - NAMED_FILES} more` : '';
  return `${paths.slice(0, NAMED_FILES).join(', ')}${more}`;
}

/**
 * What a goal file gone since HEAD holds, and what releases it, in so many words: the
 * files to change and the id to write (the goal file HEAD lacks, when there is one: the
 * rename), what the next sync then commits, and how to undo it instead. It said "fix
 * their `goal_id` (or the id back)" beside "held… its removal is not committed".
 */
function goalHeldMessage(gone: readonly string[], renamed: readonly string[], naming: readonly string[]): string {
  const goalPath = (id: string): string => `goals/${id}.md`;
  const names = gone.map((id) => `\`${id}\``).join(', ');
  const old = gone.map(goalPath).join(', ');
  const files = namedFiles(naming);
  const held = `${old} ${gone.length === 1 ? 'is' : 'are'} held at ${gone.length === 1 ? 'its version' : 'their versions'} in HEAD (its threads keep counting toward it)`;
  if (gone.length === 1 && renamed.length === 1) {
    const id = renamed[0]!.slice('goals/'.length, -'.md'.length);
    return `Held: threads still name goal ${names}, whose file is gone from goals/ since HEAD: until none does, ${renamed[0]} is neither edited nor committed, and ${held}. To finish the rename, write \`${id}\` for \`${gone[0]}\` in their \`goal_id\` (${files}): the next sync then commits ${renamed[0]} with them. To undo it, rename ${renamed[0]} back to ${old}, with \`id: ${gone[0]}\``;
  }
  const unsure = renamed.length > 0 ? `, and ${renamed.join(', ')} ${renamed.length === 1 ? 'is' : 'are'} neither edited nor committed` : '';
  return `Held: threads still name goal ${names}, whose file is gone from goals/ since HEAD (renamed, or deleted): until none does, ${held}, ${gone.length === 1 ? 'its' : 'their'} removal not committed${unsure}. Write the id of a goal in goals/ in their \`goal_id\` (${files}), or remove \`goal_id\` to link them to none: the next sync then commits the change with them. To undo it, restore ${old}`;
}

/**
 * What a segment gone from the segments canvas since HEAD holds, and what releases it: the
 * files to change and the id to write (the one id the canvas on disk defines and HEAD's
 * lacks, when there is one: the rename), what the next sync then commits, and how to undo
 * it. It said "Fix their `segment` (or the id back)", naming neither files nor id.
 */
function segmentHeldMessage(lost: readonly string[], added: readonly string[], uses: readonly Diagnostic[], generated: { icps: string[]; folders: string[] }): string {
  const names = lost.map((id) => `\`${id}\``).join(', ');
  const files = namedUses(uses);
  const held = `Held: files still name segment ${names}, which HEAD's ${SEGMENTS} has and this one does not: until none does, values derived from it are held at its version in HEAD, and ${SEGMENTS} is neither edited nor committed.`;
  const then = `the next sync then commits ${SEGMENTS} with them and the figures they move`;
  const rename = lost.length === 1 && added.length === 1;
  const finish = rename
    ? `To finish the rename, write \`${added[0]}\` for \`${lost[0]}\` in their \`segment\`, at ${files}: ${then}.`
    : `Write the id of a segment ${SEGMENTS} defines in their \`segment\`, at ${files}: ${then}.`;
  const undo = rename ? `To undo it, write \`id: ${lost[0]}\` back for \`${added[0]}\` in ${SEGMENTS}` : `To undo it, put ${names} back in ${SEGMENTS}`;
  return `${held} ${finish}${strategyFilesAdvice(lost, rename ? added[0] : undefined, generated)} ${undo}`;
}

/** What becomes of the strategy files generated for a lost segment: no sync renames or removes them. Empty when there are none. */
function strategyFilesAdvice(lost: readonly string[], renamedTo: string | undefined, { icps, folders }: { icps: string[]; folders: string[] }): string {
  const files = [...icps, ...folders.map((folder) => `${folder}/`)];
  if (files.length === 0) return '';
  const one = files.length === 1;
  const names = lost.map((id) => `\`${id}\``).join(', ');
  const generate = renamedTo === undefined ? '' : `\`threadwork strategy ${renamedTo}\` generates the new id's, and `;
  return ` ${files.join(' and ')} ${one ? 'is' : 'are'} the strategy of ${names} (its ICP, narratives and materials), which no sync renames or removes: once the next sync commits ${SEGMENTS}, ${generate}the old ${one ? 'one is' : 'ones are'} yours to remove with \`git rm\`.`;
}

/** The subgoal ids that held threads' files name and that `unknown-subgoal` reports, by the goal they name them under, each with the files naming it. */
function namedSubgoals(model: WorkspaceModel, errors: readonly Diagnostic[], heldThreads: ReadonlySet<string>): Map<string, Map<string, string[]>> {
  const named = new Map<string, Map<string, string[]>>();
  for (const error of errors) {
    if (error.rule !== 'unknown-subgoal' || error.severity !== 'error') continue;
    const thread = threadOf(error.path.split('/'))?.thread;
    if (!thread || !heldThreads.has(thread)) continue;
    const { goal_id: goal, subgoal } = (model.files.get(error.path)?.value ?? {}) as Record<string, unknown>;
    if (typeof goal !== 'string' || typeof subgoal !== 'string') continue;
    if (!named.has(goal)) named.set(goal, new Map());
    const ids = named.get(goal)!;
    if (!ids.has(subgoal)) ids.set(subgoal, []);
    if (!ids.get(subgoal)!.includes(error.path)) ids.get(subgoal)!.push(error.path);
  }
  return named;
}

/** The subgoal ids a committed goal file defines (none when it does not parse). */
function subgoalIdsIn(path: string, text: string): Set<string> {
  const parsed = parseFile(path, classifyPath(path), text).value as { subgoals?: { id?: unknown }[] } | undefined;
  return new Set((parsed?.subgoals ?? []).flatMap((s) => (typeof s?.id === 'string' ? [s.id] : [])));
}

/** The segment ids a committed 04-segments.md defines (none when it does not parse). */
function segmentIdsIn(text: string | undefined): Set<string> {
  if (text === undefined) return new Set();
  return segmentIdsOf(parseFile(SEGMENTS, classifyPath(SEGMENTS), text).value);
}

/** The segment ids a parsed 04-segments.md defines. */
function segmentIdsOf(value: unknown): Set<string> {
  const parsed = value as { segments?: { id?: unknown }[] } | undefined;
  return new Set((parsed?.segments ?? []).flatMap((s) => (typeof s?.id === 'string' ? [s.id] : [])));
}
