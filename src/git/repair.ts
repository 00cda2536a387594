import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRaw, isIndexLockError } from './git.js';
import { idsAsGitAdds } from './kept-crlf.js';
import { repositoryOf } from './repo.js';

/**
 * Interrupted commits. `commitPaths` builds its commit without the person's index, moves
 * HEAD (`update-ref`), then sets the committed paths in their real index to the commit's
 * entries (`git update-index --index-info`). If that last step cannot run — git's `index.lock`
 * held by another git command for longer than the retry, or the process killed right
 * there — HEAD has the new content but the index still has the old, and the person's
 * next plain `git commit` would silently put the old content back into history.
 *
 * So before moving HEAD, commitPaths records the commit and its paths in
 * `<git-dir>/threadwork-index-repair`; it removes the record once the index is
 * refreshed. A record left behind is repaired by the next threadwork run
 * (`repairInterrupted`, called when the workspace lock is taken and before every commit).
 */
export const REPAIR_FILE = 'threadwork-index-repair';

export interface RepairEntry {
  commit: string;
  /** Repository-relative paths (from the top of the work tree). */
  paths: string[];
  recorded: string;
}

export interface RepairOutcome {
  /** Paths whose index entry was refreshed to HEAD. */
  repaired: string[];
  /** True when a repair is still needed (the index is locked right now). */
  pending: boolean;
}

function readEntries(gitDir: string): RepairEntry[] {
  try {
    const data = JSON.parse(readFileSync(join(gitDir, REPAIR_FILE), 'utf8')) as { entries?: RepairEntry[] };
    return Array.isArray(data.entries) ? data.entries.filter((e) => typeof e.commit === 'string' && Array.isArray(e.paths)) : [];
  } catch {
    return [];
  }
}

function writeEntries(gitDir: string, entries: RepairEntry[]): void {
  const file = join(gitDir, REPAIR_FILE);
  if (entries.length === 0) {
    rmSync(file, { force: true });
    return;
  }
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ entries }, null, 2)}\n`);
  renameSync(temp, file);
}

/** Records that the index may lag `commit` for `paths`, until `clearIndexRepair` (called once it is refreshed). */
export function recordIndexRepair(gitDir: string, commit: string, paths: readonly string[]): void {
  writeEntries(gitDir, [...readEntries(gitDir).filter((e) => e.commit !== commit), { commit, paths: [...paths], recorded: new Date().toISOString() }]);
}

export function clearIndexRepair(gitDir: string, commit: string): void {
  const entries = readEntries(gitDir);
  if (entries.length === 0) return;
  writeEntries(gitDir, entries.filter((e) => e.commit !== commit));
}

/**
 * Repairs what an interrupted threadwork commit left behind, in the repository that
 * contains `cwd`; cheap when there is nothing to do (a directory listing and a missing
 * file). The engine calls it at the start of each write (withWorkspaceLock does).
 *
 * - For each path recorded in `threadwork-index-repair`: when its index entry differs
 *   from HEAD's and its work-tree content equals HEAD's (what threadwork committed and
 *   nobody changed since), the index entry is refreshed (`git reset -q HEAD -- path`).
 *   Paths edited since in the work tree are left as the person has them.
 * - Temporary files of a killed commit (`threadwork-index-<pid>-…`, `-paths-`,
 *   `-message-`) older than a minute whose process is gone are removed; git's
 *   `index.lock` at once when it is one of those files (a new index killed between
 *   taking the lock and renaming it: index-install.ts), and that file with it.
 *
 * Never throws for a locked index: the record stays and `pending` is true.
 */
export async function repairInterrupted(cwd: string): Promise<RepairOutcome> {
  const repo = await repositoryOf(cwd);
  if (!repo) return { repaired: [], pending: false };
  removeLeftoverTempFiles(repo.gitDir);
  return repairIndex(repo);
}

export async function repairIndex(repo: { top: string; gitDir: string }): Promise<RepairOutcome> {
  const entries = readEntries(repo.gitDir);
  if (entries.length === 0) {
    if (existsSync(join(repo.gitDir, REPAIR_FILE))) rmSync(join(repo.gitDir, REPAIR_FILE), { force: true });
    return { repaired: [], pending: false };
  }
  const paths = [...new Set(entries.flatMap((e) => e.paths))].sort();
  const [index, head] = await Promise.all([indexBlobs(repo.top, paths), headBlobs(repo.top, paths)]);
  const lagging = paths.filter((p) => index.get(p) !== head.get(p));
  const work = await workTreeBlobs(repo.top, lagging);
  const refresh = lagging.filter((p) => work.get(p) === head.get(p));
  if (refresh.length > 0) {
    try {
      await resetToHead(repo, refresh);
    } catch (error) {
      if (isIndexLockError(error)) return { repaired: [], pending: true };
      throw error;
    }
  }
  // Only what was read above is settled: an entry recorded meanwhile stays.
  const settled = new Set(entries.map((e) => e.commit));
  writeEntries(repo.gitDir, readEntries(repo.gitDir).filter((e) => !settled.has(e.commit)));
  return { repaired: refresh, pending: false };
}

const LITERAL = { GIT_LITERAL_PATHSPECS: '1' };
const CHUNK = 200;

async function inChunks(paths: readonly string[], run: (chunk: string[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < paths.length; i += CHUNK) await run(paths.slice(i, i + CHUNK));
}

/** path → blob id in the index (stage 0). */
async function indexBlobs(top: string, paths: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  await inChunks(paths, async (chunk) => {
    const out = await gitRaw(top, ['ls-files', '-s', '-z', '--', ...chunk], LITERAL);
    for (const record of out.split('\0')) {
      const m = /^\d+ ([0-9a-f]+) 0\t(.*)$/s.exec(record);
      if (m) found.set(m[2]!, m[1]!);
    }
  });
  return found;
}

/** path → blob id in HEAD. */
async function headBlobs(top: string, paths: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  await inChunks(paths, async (chunk) => {
    let out: string;
    try {
      out = await gitRaw(top, ['ls-tree', '-r', '-z', '--full-tree', 'HEAD', '--', ...chunk], LITERAL);
    } catch {
      return; // no HEAD
    }
    for (const record of out.split('\0')) {
      const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(record);
      if (m) found.set(m[2]!, m[1]!);
    }
  });
  return found;
}

/**
 * path → blob id of the work-tree file as `git add` would store it (filters applied, and a
 * CRLF file whose committed version has CRs kept as it is: kept-crlf.ts); absent for a
 * missing file. Plain `hash-object` converts such a file to LF under `core.autocrlf=true`,
 * where the commit kept its CRLF: its id was never HEAD's, and the index was left lagging.
 */
async function workTreeBlobs(top: string, paths: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const files = paths.filter((p) => {
    try {
      return lstatSync(join(top, p)).isFile();
    } catch {
      return false;
    }
  });
  await inChunks(files, async (chunk) => {
    const hashed = (await gitRaw(top, ['hash-object', '--', ...chunk])).trim().split('\n');
    if (hashed.length !== chunk.length) return;
    const ids = await idsAsGitAdds(top, chunk, hashed, (i) => readFileSync(join(top, chunk[i]!)), false);
    chunk.forEach((p, i) => found.set(p, ids[i]!));
  });
  return found;
}

async function resetToHead(repo: { top: string; gitDir: string }, paths: readonly string[]): Promise<void> {
  const pathsFile = join(repo.gitDir, `threadwork-paths-${process.pid}-${Date.now()}-repair`);
  try {
    writeFileSync(pathsFile, paths.join('\0'));
    await gitRaw(repo.top, ['reset', '-q', 'HEAD', `--pathspec-from-file=${pathsFile}`, '--pathspec-file-nul'], LITERAL);
  } finally {
    rmSync(pathsFile, { force: true });
  }
}

const TEMP_FILE = /^threadwork-(?:index|paths|message)-(\d+)-\d+/;
const TEMP_MAX_AGE_MS = 60_000;

/** Removes the temporary files a killed threadwork commit left in the git directory (see repairInterrupted). */
export function removeLeftoverTempFiles(gitDir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(gitDir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || pidExists(pid)) continue;
    try {
      const stat = statSync(join(gitDir, name));
      // A new index a killed process had taken git's lock with (index-install.ts), killed
      // before renaming it into place: the lock is the same file, so it is that process's,
      // and goes at once — every git command of the person fails while it is there.
      const lock = statSync(join(gitDir, 'index.lock'), { throwIfNoEntry: false });
      const heldLock = lock !== undefined && lock.ino === stat.ino && lock.dev === stat.dev;
      if (!heldLock && now - stat.mtimeMs < TEMP_MAX_AGE_MS) continue;
      if (heldLock) {
        rmSync(join(gitDir, 'index.lock'), { force: true });
        removed.push('index.lock');
      }
      rmSync(join(gitDir, name), { force: true });
      removed.push(name);
    } catch {
      // Gone already.
    }
  }
  return removed;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
