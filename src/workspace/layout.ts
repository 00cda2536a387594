import { CANVAS_SECTIONS, STAGE_FILES, type CanvasSection } from '../schema/names.js';

/** The folders of a workspace, relative to its root, always with forward slashes. */
export const LAYOUT = {
  config: 'threadwork.config.yaml',
  canvas: 'strategy/canvas',
  goals: 'goals',
  icp: 'research/customer/icp',
  threads: 'threads',
  deals: 'threads/sales',
  campaigns: 'threads/sales/campaigns',
  marketing: 'threads/marketing',
  artifacts: 'artifacts/sales',
} as const;

/** The workspace's do-not-contact list, read and validated like every other source file. */
export const SUPPRESSION_FILE = `${LAYOUT.campaigns}/suppression.yaml`;

export type FileKind =
  | { kind: 'config' }
  | { kind: 'canvas'; section: CanvasSection }
  | { kind: 'canvas-unknown'; name: string }
  /** A file of a thread named almost like a stage file (`6-learnings.md`, `4-Decision.md`): read by nothing, reported. */
  | { kind: 'stage-misnamed'; thread: string; expected: string }
  /** A thread's meta.json under a name a desktop or an editor gave it (`meta (1).json`, `meta.json.txt`, `Meta.json`): read by nothing, reported. */
  | { kind: 'meta-misnamed'; thread: string }
  | { kind: 'goal'; id: string }
  /** A goal file saved with a name that is not `.md` (`g-x.md.txt`, `g-x.txt`, `g-x.markdown`): read by nothing, reported. */
  | { kind: 'goal-misnamed'; id: string }
  | { kind: 'icp'; segment: string }
  | { kind: 'thread-meta'; thread: string; family: ThreadFamily }
  | { kind: 'stage'; thread: string; family: ThreadFamily; stage: number }
  | { kind: 'draft'; thread: string }
  | { kind: 'reply'; thread: string }
  | { kind: 'suppression' }
  | { kind: 'other' };

/** A file named like one the engine reads but under another name (stage, meta.json, goal): read by nothing, reported. */
export type MisnamedFileKind = Extract<FileKind, { kind: 'stage-misnamed' | 'meta-misnamed' | 'goal-misnamed' }>;

export function isMisnamedFile(kind: FileKind | undefined): kind is MisnamedFileKind {
  return kind?.kind === 'stage-misnamed' || kind?.kind === 'meta-misnamed' || kind?.kind === 'goal-misnamed';
}

/** Where a thread folder sits, which decides the `type` its meta.json must carry. */
export type ThreadFamily = 'deal' | 'campaign' | 'marketing';

const canvasNames = new Set<string>(CANVAS_SECTIONS);
const stageNumber = new Map(STAGE_FILES.map((name, i) => [name, i + 1]));

/** Classifies a workspace-relative path (forward slashes) by what the engine reads it as. */
export function classifyPath(rel: string): FileKind {
  const deal = dealFileKind(rel);
  if (deal) return deal;
  if (rel === LAYOUT.config) return { kind: 'config' };
  if (rel === SUPPRESSION_FILE) return { kind: 'suppression' };
  const parts = rel.split('/');
  if (parts[0] === 'strategy' && parts[1] === 'canvas' && parts.length === 3 && rel.endsWith('.md')) {
    const name = parts[2]!.slice(0, -3);
    return canvasNames.has(name) ? { kind: 'canvas', section: name as CanvasSection } : { kind: 'canvas-unknown', name };
  }
  if (parts[0] === 'goals' && parts.length === 2 && rel.endsWith('.md') && parts[1] !== 'README.md') {
    return { kind: 'goal', id: parts[1]!.slice(0, -3) };
  }
  if (parts[0] === 'goals' && parts.length === 2) {
    // `g-x (1).md` is a goal file already: its id not matching its name is `goal-id-filename`.
    const id = nameBeforeSaveAndCopySuffixes(parts[1]!);
    if (id && !parts[1]!.endsWith('.md') && id.toLowerCase() !== 'readme') return { kind: 'goal-misnamed', id };
  }
  if (rel.startsWith(`${LAYOUT.icp}/`) && parts.length === 4 && rel.endsWith('-icp.yaml')) {
    return { kind: 'icp', segment: parts[3]!.slice(0, -'-icp.yaml'.length) };
  }
  if (parts[0] === 'threads' && parts[1] === 'sales' && parts[2] === 'campaigns' && parts.length === 6 && rel.endsWith('.md')) {
    if (parts[4] === 'drafts') return { kind: 'draft', thread: parts.slice(0, 4).join('/') };
    if (parts[4] === 'replies') return { kind: 'reply', thread: parts.slice(0, 4).join('/') };
  }
  const thread = threadOf(parts);
  if (thread) {
    const file = parts[parts.length - 1]!;
    if (file === 'meta.json') return { kind: 'thread-meta', thread: thread.thread, family: thread.family };
    const stage = stageNumber.get(file);
    if (stage) return { kind: 'stage', thread: thread.thread, family: thread.family, stage };
    const expected = misnamedStage(file);
    if (expected) return { kind: 'stage-misnamed', thread: thread.thread, expected };
    if (isMisnamedMeta(file)) return { kind: 'meta-misnamed', thread: thread.thread };
  }
  return { kind: 'other' };
}

const DEAL_FOLDERS = `${LAYOUT.deals}/`;

/**
 * classifyPath's answer for the path nine files in ten of a workspace have — a deal's
 * meta.json or stage file, `threads/sales/{deal}/{file}` — found without splitting the
 * path into an array and joining the thread's folder back from it (2–2.6% of a cold
 * check, one call a file); undefined for any other path, which the general rules classify.
 */
function dealFileKind(rel: string): FileKind | undefined {
  if (!rel.startsWith(DEAL_FOLDERS)) return undefined;
  const slash = rel.indexOf('/', DEAL_FOLDERS.length);
  if (slash <= DEAL_FOLDERS.length || rel.indexOf('/', slash + 1) >= 0) return undefined;
  const file = rel.slice(slash + 1);
  const stage = file === 'meta.json' ? 0 : stageNumber.get(file);
  if (stage === undefined) return undefined;
  const thread = rel.slice(0, slash);
  if (thread === LAYOUT.campaigns) return undefined;
  return stage === 0 ? { kind: 'thread-meta', thread, family: 'deal' } : { kind: 'stage', thread, family: 'deal', stage };
}

/** What the engine reads at a path, in words for a message: `the stage file 1-input.md of threads/sales/acme`. */
export function describeFile(rel: string): string {
  const kind = classifyPath(rel);
  switch (kind.kind) {
    case 'config':
      return 'the workspace config';
    case 'suppression':
      return 'the do-not-contact list';
    case 'canvas':
    case 'canvas-unknown':
      return `the canvas section ${rel.split('/').pop()}`;
    case 'stage-misnamed':
      return `a file of ${kind.thread} named like ${kind.expected}`;
    case 'meta-misnamed':
      return `a file of ${kind.thread} named like meta.json`;
    case 'goal':
      return `the goal file of ${kind.id}`;
    case 'goal-misnamed':
      return `a file named like the goal file of ${kind.id}`;
    case 'icp':
      return `the ICP of segment ${kind.segment}`;
    case 'thread-meta':
      return `the meta.json of ${kind.thread}`;
    case 'stage':
      return `the stage file ${STAGE_FILES[kind.stage - 1]} of ${kind.thread}`;
    case 'draft':
      return `a draft of ${kind.thread}`;
    case 'reply':
      return `a reply recorded in ${kind.thread}`;
    default:
      return 'a file';
  }
}

/**
 * The stage file a thread file's name is a slip of — its case (`6-Learning.md`,
 * `6-learning.MD`) or at most two letters (`6-learnings.md`, `4-decison.md`,
 * `6_learning.md`, `06-learning.md`) away from the stage of its number — else undefined. A slip makes the
 * stage vanish from the thread without a word; notes named on purpose
 * (`6-learning-notes.md`, `call-notes.md`) are further away and left alone.
 */
function misnamedStage(file: string): string | undefined {
  // A zero before the number (`06-learning.md`, padded as the canvas sections are) is one letter off.
  const stage = stageByDigit.get(/^0?([0-9])/.exec(file)?.[1] ?? '');
  const meant = stage && nameBeforeSaveAndCopySuffixes(file);
  if (!stage || meant === undefined) return undefined;
  return editDistanceAtMost(meant.toLowerCase(), stage.slice(0, -3), 2) ? stage : undefined;
}

/**
 * A Markdown file's name without what a desktop, an editor or a sync client adds to it when
 * saving or copying: an extension Windows hid or Notepad added (`4-decision.md.txt`,
 * `4-decision.txt`, `4-decision.md.md`, `.markdown`), and the suffix of a copy or of a second
 * download (`2-hypothesis - Copy.md`, `2-hypothesis copy.md`, `2-hypothesis (1).md`, Dropbox's
 * `2-hypothesis (Ana's conflicted copy 2026-12-07).md`). Such a stage file was ignored without
 * a word — a Windows user's decision, saved from Notepad, counted for nothing. Undefined for
 * any other file (`1-input.md~`, `.swp`: an editor's own, left alone).
 */
function nameBeforeSaveAndCopySuffixes(file: string): string | undefined {
  const extension = /\.(?:md|markdown|txt)(?:\.(?:md|txt))?$/i.exec(file);
  if (!extension) return undefined;
  return file.slice(0, extension.index).replace(COPY_SUFFIX, '');
}

/** What a desktop, a download or a sync client appends to the name of a copy (nameBeforeSaveAndCopySuffixes). */
const COPY_SUFFIX = /(?: - copy(?: \(\d+\))?| copy(?: \d+)?| \(\d+\)| \([^()]*conflicted copy[^()]*\)| \(copy\))$/i;

/**
 * Whether a thread file is its meta.json under a name a desktop or an editor gave it: another
 * case (`Meta.json`), an extension Notepad added or Windows hid (`meta.json.txt`,
 * `meta.txt`), a copy's or a second download's suffix (`meta (1).json`, `meta - Copy.json`).
 * The thread was reported as missing its meta.json while the file sat there, never named.
 */
function isMisnamedMeta(file: string): boolean {
  if (file === 'meta.json') return false;
  const extension = /\.(?:json|txt)(?:\.(?:json|txt))?$/i.exec(file);
  return extension !== null && file.slice(0, extension.index).replace(COPY_SUFFIX, '').toLowerCase() === 'meta';
}

const stageByDigit = new Map(STAGE_FILES.map((name) => [name[0]!, name]));

/** Whether `a` becomes `b` in at most `max` insertions, deletions or substitutions (Levenshtein, one row). */
function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]! <= max;
}

/** For a path inside a thread folder, the thread's folder path and family. */
export function threadOf(parts: readonly string[]): { thread: string; family: ThreadFamily } | undefined {
  if (parts[0] !== 'threads') return undefined;
  if (parts[1] === 'sales' && parts[2] === 'campaigns' && parts.length === 5) {
    return { thread: parts.slice(0, 4).join('/'), family: 'campaign' };
  }
  if (parts[1] === 'sales' && parts[2] !== 'campaigns' && parts.length === 4) {
    return { thread: parts.slice(0, 3).join('/'), family: 'deal' };
  }
  if (parts[1] === 'marketing' && parts.length === 4) return { thread: parts.slice(0, 3).join('/'), family: 'marketing' };
  return undefined;
}

/**
 * The family of a thread folder (`threads/sales/acme`), as threadOf gives it for a file in
 * it, without splitting the path: a load asks it of every thread folder (10,000).
 */
export function threadFamilyOf(dir: string): ThreadFamily | undefined {
  const slash = dir.lastIndexOf('/');
  const parent = dir.slice(0, slash);
  if (slash < 0 || slash === dir.length - 1) return undefined;
  if (parent === 'threads/sales') return dir.slice(slash + 1) === 'campaigns' ? undefined : 'deal';
  if (parent === 'threads/sales/campaigns') return 'campaign';
  if (parent === 'threads/marketing') return 'marketing';
  return undefined;
}

export const THREAD_TYPE_BY_FAMILY = {
  deal: 'sales-deal',
  campaign: 'sales-campaign',
  marketing: 'marketing',
} as const;

export function canvasPath(section: CanvasSection): string {
  return `${LAYOUT.canvas}/${section}.md`;
}
