import { readBlobs, repositoryIn } from '../git/head-files.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import { classifyPath, LAYOUT } from '../workspace/layout.js';

/** One commit of an assumption's trail and the source files it names as its triggers. */
export interface TriggeredCommit {
  commit: string;
  triggers: readonly string[];
}

/**
 * What moved an assumption in each commit. A sync commits the sources of every change it
 * derived — one run over nine deals names forty files — and each file was named as a
 * trigger of every assumption that moved, the deals that never test it included. A thread
 * moves an assumption only through its hypothesis (`tests`), its learning (`validations`,
 * and the outcome that closes the thread that tests it) and a campaign's experiments
 * (`5-actions.md`), and only when one of those names the assumption at that commit or the
 * one before it (an id taken out of `tests` moves it too). So a thread's files are kept
 * when they are such a file of a thread that names the assumption, and of the files outside
 * the threads those that can move one (outsideCanMove). When that leaves none, every trigger is kept:
 * the change came some way this does not foresee, and naming all is better than none.
 */
export async function assumptionTriggers(cwd: string, id: string, commits: readonly TriggeredCommit[]): Promise<string[][]> {
  const repo = await repositoryIn(cwd);
  const threadsOf = commits.map(({ triggers }) => [...new Set(triggers.flatMap((t) => threadMoving(t)?.thread ?? []))]);
  const specs = commits.flatMap(({ commit }, i) => threadsOf[i]!.flatMap((thread) => [commit, `${commit}^`].flatMap((rev) => NAMING_FILES.map((file) => `${rev}:${repo?.prefix ?? ''}${thread}/${file}`))));
  const texts = repo ? await readBlobs(repo.top, specs) : [];
  let next = 0;
  return commits.map(({ triggers }, i) => {
    const naming = new Set<string>();
    for (const thread of threadsOf[i]!) {
      const read = texts.slice(next, next + 2 * NAMING_FILES.length);
      next += 2 * NAMING_FILES.length;
      if (read.some((text) => text !== undefined && namesAssumption(text, id))) naming.add(thread);
    }
    const kept = triggers.filter((t) => (t.startsWith(`${LAYOUT.threads}/`) ? naming.has(threadMoving(t)?.thread ?? '') : outsideCanMove(t)));
    return kept.length > 0 ? kept : [...triggers];
  });
}

/**
 * Whether a file outside the threads can move an assumption: the canvas's assumptions and
 * segments (its entry, its prior, the segment it is scoped to) and the config (the
 * confidence settings) can; a goal and the other canvas sections derive from assumptions
 * or beside them, never into them.
 */
function outsideCanMove(path: string): boolean {
  const kind = classifyPath(path);
  if (kind.kind === 'goal') return false;
  return kind.kind !== 'canvas' || kind.section === '10-assumptions' || kind.section === '04-segments';
}

/** The stage files through which a thread names an assumption: Stage 2's `tests`, Stage 5's experiments (a campaign's), Stage 6's `validations`. */
const NAMING_FILES = ['2-hypothesis.md', '5-actions.md', '6-learning.md'] as const;

/** The thread of a stage file that can move an assumption (Stage 2, a campaign's Stage 5, Stage 6), or undefined for any other file. */
function threadMoving(path: string): { thread: string } | undefined {
  const kind = classifyPath(path);
  if (kind.kind !== 'stage') return undefined;
  return kind.stage === 2 || kind.stage === 6 || (kind.stage === 5 && kind.family === 'campaign') ? { thread: kind.thread } : undefined;
}

/** Whether a stage file's front matter names assumption `id` in `tests`, a validation or an experiment. */
function namesAssumption(text: string, id: string): boolean {
  let data: Record<string, unknown> | undefined | null;
  try {
    data = parseFrontMatter(text).data as Record<string, unknown> | undefined | null;
  } catch {
    return false; // a version that did not parse names nothing threadwork read
  }
  if (!data || typeof data !== 'object') return false;
  const listed = (key: string): unknown[] => (Array.isArray(data[key]) ? (data[key] as unknown[]) : []);
  const names = (entry: unknown): boolean => (entry as { assumption?: unknown } | null)?.assumption === id;
  return listed('tests').includes(id) || listed('validations').some(names) || listed('experiments').some(names);
}
