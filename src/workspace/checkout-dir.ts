import * as fs from 'node:fs';
import { dirname, join } from 'node:path';
import { gitMark } from '../git/git-mark.js';
import { gitText } from '../git/git.js';
import writeFileAtomic from 'write-file-atomic';

/** Where one checkout of a workspace keeps its own records, and the name its records carry. */
export interface CheckoutDir {
  /** The checkout's git directory (`.git`, or `.git/worktrees/<name>` for a linked worktree); `.threadwork/` outside git. */
  dir: string;
  /** The workspace's folder inside its checkout (`''` at the top, `gtm/` for a workspace in a subfolder). */
  workspace: string;
}

/** Both folders a workspace keeps records in, found with one `git rev-parse` (every command asks). */
export interface GitDirs {
  /** The repository's common git directory (shared by its worktrees): the lock and the caches (lock.ts). */
  common: string;
  checkout: CheckoutDir;
  /** The repository's top, as `git rev-parse --show-toplevel` names it (git/repo.ts); absent outside git, or where git names none. */
  top?: string;
}

const known = new Map<string, Promise<GitDirs>>();

/**
 * Where a workspace keeps the records that describe its own files — the snapshot of what
 * its derived blocks showed, the journal of an interrupted transaction — and how those
 * records tell workspaces apart. Both survive moving, renaming or copying the folder:
 *
 * - the folder is the checkout's own git directory, not the common one the lock uses
 *   (lock.ts): the worktrees of one repository share that, but each has its own files,
 *   index and HEAD, and each one's records are about its own files;
 * - records carry the workspace's path inside its checkout, not its absolute path, so two
 *   workspaces in subfolders of one repository stay apart, and one moved with its `.git`
 *   (or a linked worktree moved with `git worktree move`) still finds its own.
 */
export async function checkoutDir(root: string): Promise<CheckoutDir> {
  return (await gitDirs(root)).checkout;
}

/** The repository's common git directory (`.threadwork/` outside git): where the lock and the caches live. */
export async function commonGitDir(root: string): Promise<string> {
  return (await gitDirs(root)).common;
}

function gitDirs(root: string): Promise<GitDirs> {
  let found = known.get(root);
  if (!found) {
    found = findGitDirs(root);
    known.set(root, found);
  }
  return found;
}

/** Asks for `root`'s folders afresh (no answer kept in this process; one kept in the git directory may serve). */
export async function findGitDirs(root: string): Promise<GitDirs> {
  const remembered = rememberedAnswer(root);
  if (remembered) return ignoringStateLeftOutsideGit(root, remembered.dirs);
  try {
    // Spawned directly: on the path of every command, where simple-git's first call costs 6 ms more.
    const [common = '', dir = '', workspace = '', top] = await askGit(root);
    if (!common || !dir) throw new Error('git named no git directory');
    const dirs: GitDirs = top ? { common, checkout: { dir, workspace }, top } : { common, checkout: { dir, workspace } };
    remember(root, dirs);
    return ignoringStateLeftOutsideGit(root, dirs);
  } catch {
    const dir = join(root, '.threadwork');
    fs.mkdirSync(dir, { recursive: true });
    ignoreOwnState(dir);
    return { common: dir, checkout: { dir, workspace: '' } };
  }
}

/** git's folders for `root`, its top last; asked again without the top where git names none (a `GIT_DIR` without a work tree). */
async function askGit(root: string): Promise<string[]> {
  const args = ['rev-parse', '--path-format=absolute', '--git-common-dir', '--git-dir', '--show-prefix'];
  try {
    return (await gitText(root, [...args, '--show-toplevel'])).split('\n');
  } catch {
    return (await gitText(root, args)).split('\n');
  }
}

/**
 * The repository at `root` (its top, and its git directory) from git's answer kept between
 * processes, when one stands (see rememberedAnswer): git/repo.ts then spawns no `git
 * rev-parse` of its own (~20 ms of every command that takes the workspace lock).
 */
export function rememberedRepository(root: string): { top: string; gitDir: string } | undefined {
  const dirs = rememberedAnswer(root)?.dirs;
  return dirs?.top ? { top: dirs.top, gitDir: dirs.checkout.dir } : undefined;
}

/**
 * Outside git, `.threadwork/` holds threadwork's own state (caches, snapshot, journal, lock,
 * socket) beside the templates a person puts in `.threadwork/templates/`. A workspace put in
 * a repository later (`git init`, `git add -A`) would commit that state, which is never
 * committed inside git (it lives in the git directory there): a `.gitignore` in the folder
 * leaves it out, and only it. Written once; one already there is the person's and kept.
 */
function ignoreOwnState(dir: string): void {
  try {
    fs.writeFileSync(join(dir, '.gitignore'), '# threadwork\'s own state outside git (caches, snapshot, lock): never committed.\n# Templates in .threadwork/templates/ are yours to commit.\nthreadwork-*\n', { flag: 'wx' });
  } catch {
    // There already, or a folder that cannot be written: nothing to add.
  }
}

const OWN_STATE = 'threadwork-*';

/**
 * Inside git threadwork keeps its state in the git directory, never in `.threadwork/`; state
 * found there was written while the workspace was outside git, by a version that wrote no
 * `.threadwork/.gitignore` (or beside one of the person's own that does not leave it out).
 * Untouched, `git status` listed it as untracked for good and `git add -A` committed it.
 *
 * It is left out in the repository's `info/exclude`, not in a `.gitignore`: the state exists
 * in this clone only (untracked, it was never cloned), and so does `info/exclude`; a
 * `.gitignore` written now would itself show as untracked and ask to be committed for files
 * no other clone has, or mean editing one the person wrote. One anchored line is appended
 * (`/<workspace>/.threadwork/threadwork-*`), once: what is there is kept byte for byte.
 * Only `threadwork-*` is left out: templates in `.threadwork/templates/` are the person's.
 */
function ignoringStateLeftOutsideGit(root: string, dirs: GitDirs): GitDirs {
  try {
    const own = join(root, '.threadwork');
    if (!fs.existsSync(own) || !fs.readdirSync(own).some((name) => name.startsWith('threadwork-'))) return dirs;
    if (linesOf(join(own, '.gitignore')).includes(OWN_STATE)) return dirs;
    const rule = `/${gitignoreLiteral(`${dirs.checkout.workspace}.threadwork/`)}${OWN_STATE}`;
    // A folder name git's patterns cannot spell (a line break) is left as it is.
    if (rule.includes('\n') || rule.includes('\r')) return dirs;
    const exclude = join(dirs.common, 'info', 'exclude');
    if (linesOf(exclude).includes(rule)) return dirs;
    const text = fs.existsSync(exclude) ? fs.readFileSync(exclude, 'utf8') : '';
    fs.mkdirSync(dirname(exclude), { recursive: true });
    const separator = text === '' || text.endsWith('\n') ? '' : '\n';
    fs.appendFileSync(exclude, `${separator}# threadwork's state from before this workspace was in git: never committed\n${rule}\n`);
  } catch {
    // A folder that cannot be read or written: git lists the state, as it did.
  }
  return dirs;
}

/** `path` as a gitignore pattern matches it literally: its wildcards and backslashes escaped. */
function gitignoreLiteral(path: string): string {
  return path.replace(/[\\*?[\]]/g, '\\$&');
}

/** The lines of a text file; none when there is no such file. */
function linesOf(path: string): string[] {
  return fs.existsSync(path) ? fs.readFileSync(path, 'utf8').split(/\r?\n/) : [];
}

/**
 * git's answer for a workspace, kept between processes in the repository's git directory:
 * asking costs a process (10–20 ms on these machines, most of a `check` with nothing to
 * do), and every command asks. The answer follows from the folders between the workspace
 * and its repository's top (which of them has a `.git`, and that `.git` itself — inode and
 * birth time, so a repository made anew is another one), the repository's config (a
 * `core.worktree` moves the top) and git's environment; the key holds all of them, and any
 * change asks git again. A linked worktree or submodule (a `.git` file) always asks.
 */
interface RememberedAnswer {
  key: string;
  dirs: GitDirs;
}

const ANSWERS = 'threadwork-cache/git-dirs.json';
/** git's environment that decides where a repository is and whether git trusts it. */
const DISCOVERY_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'HOME', 'XDG_CONFIG_HOME'];

/** The key of git's answer for `root` as things are now, with the `.git` folder holding it; undefined when it cannot be remembered. */
function answerKey(root: string): { key: string; gitDir: string } | undefined {
  const marks: string[] = [];
  for (let folder = root; ; ) {
    const mark = gitMark(folder);
    marks.push(mark);
    if (mark.startsWith('d:')) {
      const gitDir = join(folder, '.git');
      const env = DISCOVERY_ENV.map((name) => process.env[name] ?? '\0');
      return { key: JSON.stringify([root, marks, statMark(join(gitDir, 'config')), statMark(join(gitDir, 'commondir')), env]), gitDir };
    }
    if (mark !== '') return undefined; // a `.git` file, or one that cannot be read: git decides
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function rememberedAnswer(root: string): RememberedAnswer | undefined {
  const found = answerKey(root);
  if (!found) return undefined;
  try {
    const answers = JSON.parse(fs.readFileSync(join(found.gitDir, ANSWERS), 'utf8')) as Record<string, RememberedAnswer>;
    const answer = answers[root];
    // An answer kept without the top (by an earlier engine) is asked again, and kept with it.
    return answer?.key === found.key && typeof answer.dirs?.common === 'string' && typeof answer.dirs.checkout?.dir === 'string' && typeof answer.dirs.checkout.workspace === 'string' && typeof answer.dirs.top === 'string' ? answer : undefined;
  } catch {
    return undefined; // none yet, or damaged: git is asked, and the answer written again
  }
}

/** Keeps git's answer where the next process looks for it: in the `.git` folder found from `root`, when git named that very one. */
function remember(root: string, dirs: GitDirs): void {
  const found = answerKey(root);
  if (!found || !sameFolder(found.gitDir, dirs.checkout.dir) || !sameFolder(found.gitDir, dirs.common)) return;
  try {
    let answers: Record<string, RememberedAnswer> = {};
    try {
      answers = JSON.parse(fs.readFileSync(join(found.gitDir, ANSWERS), 'utf8')) as Record<string, RememberedAnswer>;
    } catch {
      // none yet, or damaged: started afresh
    }
    // A few workspaces per repository at most (subfolders, copies): the oldest go past sixteen.
    const kept = Object.entries(answers).filter(([path]) => path !== root).slice(-15);
    const text = JSON.stringify(Object.fromEntries([...kept, [root, { key: found.key, dirs }]]));
    fs.mkdirSync(join(found.gitDir, 'threadwork-cache'), { recursive: true });
    writeFileAtomic.sync(join(found.gitDir, ANSWERS), text);
  } catch {
    // not kept (a read-only repository): the next process asks git again
  }
}

function sameFolder(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

/** A file's identity and content stamp ('' when there is none). */
function statMark(path: string): string {
  const stat = fs.lstatSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}` : '';
}
