import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { gitText } from './git.js';
import { continueCommand, type GitOperation } from './operation.js';
import type { GitStop } from './unmerged.js';

/** What each side did to a path git left unmerged without markers to resolve in it (git status's "added by us", "deleted by them"…). */
type Unmarked = 'added-by-us' | 'added-by-them' | 'deleted-by-us' | 'deleted-by-them';

/** By the index stages present (1 base, 2 ours, 3 theirs); both modified or both added hold git's markers, which `merge-conflict` reports. */
const KIND_BY_STAGES: Record<string, Unmarked> = { '2': 'added-by-us', '3': 'added-by-them', '13': 'deleted-by-us', '12': 'deleted-by-them' };

/**
 * How a message names each side: git's "ours" is HEAD, which during a rebase is the branch
 * rebased onto, not the person's own commit (that is "theirs", being replayed).
 */
const SIDES: Record<GitOperation, { ours: string; theirs: string }> = {
  merge: { ours: 'your side (HEAD)', theirs: 'the side merged in' },
  rebase: { ours: 'the branch rebased onto (HEAD)', theirs: 'your commit being replayed' },
  squash: { ours: 'your side (HEAD)', theirs: 'the side merged in' },
  stash: { ours: 'HEAD', theirs: 'your stashed changes' },
  unmerged: { ours: 'HEAD', theirs: 'the other side' },
  am: { ours: 'the branch (HEAD)', theirs: 'the patch applied' },
  'cherry-pick': { ours: 'your branch (HEAD)', theirs: 'the commit picked' },
  revert: { ours: 'your branch (HEAD)', theirs: 'the commit reverted' },
};

/** The commit whose changes git was applying when it stopped: the other side of the conflict. */
const OTHER_SIDE: Record<GitOperation, string | undefined> = { merge: 'MERGE_HEAD', rebase: 'REBASE_HEAD', am: 'REBASE_HEAD', 'cherry-pick': 'CHERRY_PICK_HEAD', revert: 'REVERT_HEAD', squash: undefined, stash: 'refs/stash', unmerged: undefined };

/**
 * `merge-conflict` errors for the workspace's files git left unmerged with no markers in them:
 * a deal folder renamed on one side while a stage file was added (git moves it into the new
 * folder: "added by us") or edited on the other (a rename git did not recognise: "deleted by
 * them"). `check` read such a file as any other — nothing named the folder it came from, and
 * the merge could not be finished without `git add` or `git rm` of it. Each names both paths,
 * where the sides put the thread, and the commands that settle it.
 */
export async function unmarkedConflicts(root: string, listed: GitStop): Promise<Diagnostic[]> {
  const { operation } = listed;
  const stages = new Map<string, string>();
  for (const entry of listed.entries) stages.set(entry.path, `${stages.get(entry.path) ?? ''}${{ base: '1', ours: '2', theirs: '3' }[entry.side]}`);
  const unmarked = [...stages].flatMap(([path, present]) => {
    const kind = KIND_BY_STAGES[[...present].sort().join('')];
    return kind ? [{ path, kind }] : [];
  });
  if (unmarked.length === 0) return [];
  // No ref of the other side (a squash merge): a folder both sides renamed is read from the index's stages alone.
  const [ours, theirs] = OTHER_SIDE[operation]
    ? await Promise.all([folderRenames(listed.top, root, 'HEAD', operation), folderRenames(listed.top, root, OTHER_SIDE[operation], operation)])
    : renamedBothWays(stages, unmarked);
  const otherSide = OTHER_SIDE[operation];
  const threadsDeleted = await threadsDeletedOnOneSide(root, unmarked, otherSide);
  const said: Said = { ours, theirs, finish: continueCommand(operation), sides: SIDES[operation], otherSide, threadsDeleted };
  const sorted = unmarked.sort((a, b) => a.path.localeCompare(b.path));
  // A folder both sides renamed, each its own way, leaves every file of the thread unmerged twice: one error for the thread, not one a file.
  const twice = new Map<string, RenamedTwice>();
  const single = sorted.filter(({ path, kind }) => {
    const renamed = renamedTwice(path, kind, said);
    if (!renamed) return true;
    const seen = twice.get(renamed.from) ?? { ...renamed, paths: [] };
    seen.paths.push(path);
    twice.set(renamed.from, seen);
    return false;
  });
  return [
    ...[...twice.values()].map((renamed) => diagnostic(firstOfOurs(renamed), START, 'error', 'merge-conflict', renamedTwiceAdvice(root, renamed, said))),
    ...single.map(({ path, kind }) => diagnostic(path, START, 'error', 'merge-conflict', advice(path, kind, said))),
  ].sort((a, b) => a.path.localeCompare(b.path));
}

interface Said {
  /** Thread folders of "deleted by" files that the deleting side has no file of: the whole thread deleted there. */
  threadsDeleted: ReadonlySet<string>;
  /** The ref of the side applied (MERGE_HEAD…); none for a squash merge. */
  otherSide: string | undefined;
  ours: Renames;
  theirs: Renames;
  finish: string;
  sides: { ours: string; theirs: string };
}

/** A thread folder renamed on both sides, each its own way: git keeps each side's files under its own name. */
interface RenamedTwice {
  from: string;
  ours: string;
  theirs: string;
  /** Its unmerged paths, in both folders. */
  paths: string[];
}

/**
 * The thread folders of files one side edited and the other deleted, where the deleting side has
 * no file left (`git ls-tree`, one a folder): the thread was deleted whole, and its other files
 * went with the merge — keeping the one file git stopped on would keep a thread without them.
 */
async function threadsDeletedOnOneSide(root: string, unmarked: readonly { path: string; kind: Unmarked }[], otherSide: string | undefined): Promise<Set<string>> {
  const deleting = new Map<string, string>();
  for (const { path, kind } of unmarked) {
    const folder = posix.dirname(path);
    const ref = kind === 'deleted-by-them' ? otherSide : kind === 'deleted-by-us' ? 'HEAD' : undefined;
    if (ref && folder.startsWith('threads/')) deleting.set(folder, ref);
  }
  const gone = await Promise.all([...deleting].map(async ([folder, ref]) => ((await gitText(root, ['ls-tree', '-r', '--name-only', ref, '--', folder]).catch(() => 'unknown')).trim() === '' ? [folder] : [])));
  return new Set(gone.flat());
}

/** The two names of the folder of `path` when both sides renamed it, each its own way (git status's "added by us" in ours, "by them" in theirs). */
function renamedTwice(path: string, kind: Unmarked, said: Said): Omit<RenamedTwice, 'paths'> | undefined {
  if (kind !== 'added-by-us' && kind !== 'added-by-them') return undefined;
  const folder = posix.dirname(path);
  const byUs = kind === 'added-by-us';
  const [own, other] = byUs ? [said.ours, said.theirs] : [said.theirs, said.ours];
  // Moved there by git after the other side's rename: not a second name of its own.
  if (other.from.has(folder)) return undefined;
  const from = own.from.get(folder);
  const otherName = from === undefined ? undefined : other.to.get(from);
  if (from === undefined || otherName === undefined) return undefined;
  return byUs ? { from, ours: folder, theirs: otherName } : { from, ours: otherName, theirs: folder };
}

/** Where the thread's one error points: its `meta.json` in our folder, else the first of our files. */
function firstOfOurs(renamed: RenamedTwice): string {
  const ours = renamed.paths.filter((p) => posix.dirname(p) === renamed.ours);
  return ours.find((p) => posix.basename(p) === 'meta.json') ?? ours[0] ?? renamed.paths[0]!;
}

/**
 * One thread in two folders: both names, and the commands that keep one. `git rm -r` takes the
 * other folder and the old one's leftover entries (git's "both deleted") with it — so a file
 * only the other side has there (written after its rename) is named, to be moved over first.
 */
function renamedTwiceAdvice(root: string, renamed: RenamedTwice, said: Said): string {
  const { from, ours, theirs } = renamed;
  const count = renamed.paths.filter((p) => posix.dirname(p) === ours).length;
  const only = (folder: string): string[] => filesIn(root, folder).filter((file) => !renamed.paths.includes(`${folder}/${file}`));
  const [onlyOurs, onlyTheirs] = [only(ours), only(theirs)];
  const moveFirst = (folder: string, files: string[], to: string): string =>
    files.length ? ` — \`${folder}\` also holds ${files.map((f) => `\`${f}\``).join(', ')}, not in the other folder: \`git mv\` ${files.length === 1 ? 'it' : 'them'} into \`${to}\` first if you keep that one` : '';
  return `git left the thread folder \`${from}\` renamed two ways: to \`${ours}\` on ${said.sides.ours} and to \`${theirs}\` on ${said.sides.theirs}, so the thread is in both (${count === 1 ? '1 file' : `${count} files`} unmerged in each). ` +
    `Choose one name: keep \`${ours}\` (\`git add ${ours} && git rm -rq ${from} ${theirs}\`) or \`${theirs}\` (\`git add ${theirs} && git rm -rq ${from} ${ours}\`), then \`${said.finish}\`` +
    moveFirst(theirs, onlyTheirs, ours) + moveFirst(ours, onlyOurs, theirs);
}

/** The files directly in a workspace folder; none when it is not there. */
function filesIn(root: string, folder: string): string[] {
  try {
    return readdirSync(join(root, folder), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** What to say of one path: where each side has the thread, and how to keep it in one folder. */
function advice(path: string, kind: Unmarked, said: Said): string {
  const folder = posix.dirname(path);
  const file = posix.basename(path);
  const unmerged = `git left \`${path}\` unmerged (${kind.replaceAll('-', ' ')})`;
  const byUs = kind === 'added-by-us' || kind === 'deleted-by-them';
  // The side that added or edited the file, and the one that renamed (or deleted) its folder.
  const [wrote, renamed] = byUs ? [said.sides.ours, said.sides.theirs] : [said.sides.theirs, said.sides.ours];
  const renames = byUs ? said.theirs : said.ours;
  if (kind === 'added-by-us' || kind === 'added-by-them') {
    // git moves a file added in a folder the other side renamed into the new folder.
    const from = renames.from.get(folder);
    const where = from ? `: added as \`${from}/${file}\` on ${wrote}, in the thread folder ${renamed} renamed to \`${folder}\`, and git moved it there` : `: added on ${wrote} only`;
    return `${unmerged}${where}. Keep it in \`${folder}\`, one thread under its new name: \`git add ${path}\` (or drop it: \`git rm ${path}\`), then \`${said.finish}\``;
  }
  // A file edited on one side whose folder the other side renamed: git saw a deletion.
  const to = renames.to.get(folder);
  if (to) {
    return `${unmerged}: edited on ${wrote}, while ${renamed} renamed its thread folder to \`${to}\` — git took the rename for a deletion. ` +
      `Bring the edit into \`${to}/${file}\` (this file holds the edited version), then \`git rm ${path} && git add ${to}/${file}\` and \`${said.finish}\``;
  }
  // The whole thread deleted on one side while the other edited a file of it: keeping that one file would leave a thread without its other files.
  const editedSide = byUs ? 'HEAD' : said.otherSide;
  if (editedSide && said.threadsDeleted.has(folder)) {
    return `${unmerged}: edited on ${wrote}, while ${renamed} deleted the whole thread \`${folder}\`. ` +
      `Keep the thread (\`git checkout ${editedSide} -- ${folder}\`, which brings back every file of it as ${wrote} had it, the edit included) or delete it (\`git rm -r ${folder}\`), then \`${said.finish}\``;
  }
  return `${unmerged}: edited on ${wrote}, deleted on ${renamed}. Keep it (\`git add ${path}\`) or delete it (\`git rm ${path}\`), then \`${said.finish}\``;
}

interface Renames {
  /** New folder → old folder. */
  from: Map<string, string>;
  /** Old folder → new folder. */
  to: Map<string, string>;
}

/**
 * The thread folders both sides renamed, each its own way, as git's index shows them without
 * a ref of the other side (a squash merge keeps none): the old folder's files are "both
 * deleted" (stage 1 alone), and the same file names are "added by us" in one folder and "added
 * by them" in another. A folder one side renamed leaves no such trace (git moves the other
 * side's new file into it, stage 2 or 3 alone): those paths are named without the other name.
 */
function renamedBothWays(stages: ReadonlyMap<string, string>, unmarked: readonly { path: string; kind: Unmarked }[]): [Renames, Renames] {
  const ours: Renames = { from: new Map(), to: new Map() };
  const theirs: Renames = { from: new Map(), to: new Map() };
  const oldFolders = new Set([...stages].filter(([path, present]) => present === '1' && path.startsWith('threads/')).map(([path]) => posix.dirname(path)));
  for (const old of oldFolders) {
    const names = new Set([...stages.keys()].filter((path) => posix.dirname(path) === old).map((path) => posix.basename(path)));
    // The one folder each side holds the old folder's files in; none, or several, is not a rename git can be read as.
    const folderOn = (kind: Unmarked): string | undefined => {
      const folders = new Set(unmarked.filter((u) => u.kind === kind && names.has(posix.basename(u.path)) && posix.dirname(u.path) !== old).map((u) => posix.dirname(u.path)));
      return folders.size === 1 ? [...folders][0] : undefined;
    };
    const [byUs, byThem] = [folderOn('added-by-us'), folderOn('added-by-them')];
    if (!byUs || !byThem || byUs === byThem) continue;
    ours.from.set(byUs, old);
    ours.to.set(old, byUs);
    theirs.from.set(byThem, old);
    theirs.to.set(old, byThem);
  }
  return [ours, theirs];
}

/**
 * The thread folders (workspace-relative) one side renamed since the merge base, by the files
 * git sees renamed: `side` against the base of the conflict (the merge base of a merge; the
 * commit's parent when one commit is applied: a rebase, cherry-pick, revert or `git am`).
 */
async function folderRenames(top: string, root: string, side: string | undefined, operation: GitOperation): Promise<Renames> {
  const renames: Renames = { from: new Map(), to: new Map() };
  const other = OTHER_SIDE[operation];
  // A squash merge keeps no ref of the side merged in: the paths are named without the folder's other name.
  if (!side || !other) return renames;
  try {
    const base = operation === 'merge' ? (await gitText(root, ['merge-base', 'HEAD', other])).trim() : (await gitText(root, ['rev-parse', `${other}^`])).trim();
    const prefix = (await gitText(root, ['rev-parse', '--show-prefix'])).trim();
    const listed = await gitText(top, ['diff', '--name-status', '-z', '-M', '--diff-filter=R', base, side]);
    const fields = listed.split('\0');
    for (let at = 0; at + 2 < fields.length; at += 3) {
      const [from, to] = [fields[at + 1]!, fields[at + 2]!];
      if (!from.startsWith(prefix) || !to.startsWith(prefix)) continue;
      const [oldFolder, newFolder] = [posix.dirname(from.slice(prefix.length)), posix.dirname(to.slice(prefix.length))];
      if (oldFolder !== newFolder && oldFolder.startsWith('threads/')) {
        renames.from.set(newFolder, oldFolder);
        renames.to.set(oldFolder, newFolder);
      }
    }
  } catch {
    // No base to compare with (an unrelated history, a commit without parent): the paths are named without the folder's other name.
  }
  return renames;
}
