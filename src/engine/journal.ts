import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkoutDir } from '../workspace/checkout-dir.js';
import { writeFileAtomicSync } from '../workspace/write.js';
import type { SourceChange } from './changes.js';
import type { CommitSubject } from './commit-message.js';

/** What the journal's message was built from, so that a later run can describe again what moved since (transaction.ts). */
export type JournalSubject = Omit<CommitSubject, 'derived'>;

/**
 * The write-ahead log of a transaction. Before its first write, a transaction records
 * the source files it is about to write (with their full content: they are small and
 * cannot be recomputed), the derived files it plans, and its commit message; after the
 * commit it removes the record. A process killed in between leaves the record, and the
 * next transaction first finishes that one — writes what is missing, derives again,
 * commits with the recorded message — so an interrupted run ends exactly where an
 * uninterrupted one would have.
 */
export interface Journal {
  root: string;
  message: string;
  sources: SourceChange[];
  /** Every path the interrupted transaction meant to commit (sources, derived, triggers). */
  paths: string[];
  /** What `message` was built from; absent in a journal an earlier version wrote. */
  subject?: JournalSubject | undefined;
}

/**
 * Kept in the checkout's git directory and named by the workspace's place in its checkout
 * (checkout-dir.ts), so a workspace moved after a kill still finishes its transaction, and
 * another worktree of the repository never finishes it.
 */
async function journalFile(root: string): Promise<string> {
  return join((await checkoutDir(root)).dir, 'threadwork-pending.json');
}

export async function recordJournal(journal: Journal): Promise<void> {
  const file = await journalFile(journal.root);
  const { workspace } = await checkoutDir(journal.root);
  writeFileAtomicSync(dirname(file), basename(file), `${JSON.stringify(Object.assign({}, journal, { workspace }))}\n`);
}

/** The record an interrupted transaction left; undefined when there is none (or it is not ours, or unreadable). */
export async function readJournal(root: string): Promise<Journal | undefined> {
  try {
    const journal = JSON.parse(readFileSync(await journalFile(root), 'utf8')) as Partial<Journal> & { workspace?: string };
    // `root`: a journal written before records named the workspace by its place in the checkout.
    const ours = journal.workspace === undefined ? journal.root === root : journal.workspace === (await checkoutDir(root)).workspace;
    if (!ours || typeof journal.message !== 'string' || !Array.isArray(journal.paths)) return undefined;
    return { root, message: journal.message, paths: journal.paths, sources: Array.isArray(journal.sources) ? journal.sources : [], subject: readableSubject(journal.subject) };
  } catch {
    return undefined;
  }
}

/** A recorded subject whose changes and triggers can be used again; undefined otherwise (the message is used as written). */
function readableSubject(value: unknown): JournalSubject | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const subject = value as Partial<JournalSubject>;
  const strings = (list: unknown): boolean => Array.isArray(list) && list.every((item) => typeof item === 'string');
  const changes = Array.isArray(subject.changes) && subject.changes.every((c: unknown) => c !== null && typeof c === 'object' && ['subject', 'kind', 'description', 'at'].every((key) => typeof (c as Record<string, unknown>)[key] === 'string'));
  return changes && strings(subject.triggers) ? (subject as JournalSubject) : undefined;
}

/** Whether an interrupted transaction waits to be finished (without reading its record). */
export async function hasJournal(root: string): Promise<boolean> {
  return existsSync(await journalFile(root));
}

export async function clearJournal(root: string): Promise<void> {
  rmSync(await journalFile(root), { force: true });
}

/**
 * Removes the temporary files a killed write leaves beside the files it was writing: an
 * atomic write goes to `name.<number>` (write-file-atomic) or `name.<pid>.<time>.tmp`
 * (an exclusive create) and is renamed into place; a kill in between leaves the temporary
 * file, which git would otherwise show as untracked. Only the names of the interrupted
 * transaction's own paths are looked at.
 */
export function removeLeftoverTemps(root: string, paths: readonly string[]): string[] {
  const removed: string[] = [];
  const byFolder = new Map<string, Set<string>>();
  for (const path of paths) {
    const folder = dirname(path);
    if (!byFolder.has(folder)) byFolder.set(folder, new Set());
    byFolder.get(folder)!.add(basename(path));
  }
  for (const [folder, names] of byFolder) {
    let entries: string[];
    try {
      entries = readdirSync(join(root, folder));
    } catch {
      continue;
    }
    for (const entry of entries) {
      const match = /^(.+?)\.(?:\d+|\d+\.\d+\.tmp)$/.exec(entry);
      if (!match || !names.has(match[1]!)) continue;
      rmSync(join(root, folder, entry), { force: true });
      removed.push(`${folder}/${entry}`);
    }
  }
  return removed;
}
