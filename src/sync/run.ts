import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { commitPaths, type CommitOutcome } from '../git/commit.js';
import { changedPaths } from '../git/status.js';
import type { ThreadFactsCache } from '../derive/facts-cache.js';
import { loadWorkspace } from '../workspace/load.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { writeFileIfChanged } from '../workspace/write.js';
import { deriveWorkspace } from './derive-all.js';
import { clearPending, readPending, recordPending } from './journal.js';
import { commitMessage } from './message.js';
import { openMarketingThread } from './open-marketing.js';
import { planSync, type DerivedChange, type FileEdit } from './plan.js';

export interface SyncOptions {
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** false: write but do not commit (also off when the config says `git.commit: false`). */
  commit?: boolean;
  /** Watch mode keeps thread facts between cycles. */
  factsCache?: ThreadFactsCache;
  /** Source files just written on someone's behalf (an agent's stage write): always committed with the derived changes. */
  triggers?: readonly string[];
}

export interface SyncResult {
  dryRun: boolean;
  /** Files written (or, in a dry run, that would be). */
  written: string[];
  edits: { path: string; created: boolean }[];
  changes: DerivedChange[];
  /** Source problems and held-back blocks; the rest of the sync went ahead. */
  diagnostics: Diagnostic[];
  triggers: string[];
  commit: CommitOutcome | null;
}

/** Folders whose changes can trigger a sync: the sources, not the derived artifacts. */
const SOURCE_FOLDERS = ['threads', 'strategy', 'goals', 'threadwork.config.yaml'];

/**
 * One sync: read every source, derive, write what differs, commit it. The second run
 * finds nothing to write and commits nothing: that is the fixed point.
 */
export async function runSync(root: string, options: SyncOptions = {}): Promise<SyncResult> {
  const model = await loadWorkspace(root);
  return syncModel(model, options);
}

/** The part of a sync after reading, shared with watch mode, which keeps its own model up to date. */
export async function syncModel(model: WorkspaceModel, options: SyncOptions = {}): Promise<SyncResult> {
  const committing = options.commit !== false && model.config.git.commit;
  const recovered = !options.dryRun && committing ? await commitInterrupted(model) : null;
  const derived = deriveWorkspace(model, options.factsCache);
  const plan = planSync(model, derived, (path) => readOrUndefined(model.root, path));
  const diagnostics = [...model.diagnostics.filter((d) => d.severity === 'error'), ...plan.diagnostics];
  const marketingFiles = plan.marketing.flatMap((m) => [`threads/marketing/${m.slug}/meta.json`, `threads/marketing/${m.slug}/1-input.md`]);
  const planned = [...plan.edits.map((e) => ({ path: e.path, created: e.before === null })), ...marketingFiles.map((path) => ({ path, created: true }))];
  const result: SyncResult = { dryRun: options.dryRun === true, written: [], edits: planned, changes: plan.changes, diagnostics, triggers: [], commit: recovered };
  if (options.dryRun) {
    result.written = planned.map((e) => e.path);
    return result;
  }
  if (planned.length === 0) return result;

  let message = '';
  if (committing) {
    result.triggers = [...new Set([...(options.triggers ?? []), ...(await triggersFor(model.root, planned.map((e) => e.path), plan.changes))])];
    message = commitMessage(plan.changes, result.triggers, derived);
    await recordPending({ root: model.root, paths: [...planned.map((e) => e.path), ...result.triggers], message });
  }
  result.written = writeEdits(model.root, plan.edits);
  for (const opening of plan.marketing) {
    try {
      result.written.push(...openMarketingThread(model, derived, opening));
    } catch (error) {
      // One thread that cannot be opened (a broken template override) must not stop the sync.
      result.diagnostics.push(diagnostic(`threads/marketing/${opening.slug}`, { line: 1, column: 1 }, 'error', 'marketing-open', `Cannot open the content thread: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
  if (committing) {
    if (result.written.length > 0) {
      result.commit = await commitPaths({ cwd: model.root, paths: [...result.written, ...result.triggers], message, author: model.config.git.author });
    }
    await clearPending(model.root);
  }
  return result;
}

/** Commits what an interrupted sync wrote but did not commit (see journal.ts). */
async function commitInterrupted(model: WorkspaceModel): Promise<CommitOutcome | null> {
  const pending = await readPending(model.root);
  if (!pending) return null;
  const outcome = await commitPaths({ cwd: model.root, paths: pending.paths, message: pending.message, author: model.config.git.author });
  if (outcome.committed || outcome.reason === 'nothing-to-commit') await clearPending(model.root);
  return outcome.committed ? outcome : null;
}

function writeEdits(root: string, edits: readonly FileEdit[]): string[] {
  return edits.filter((e) => writeFileIfChanged(root, e.path, e.after)).map((e) => e.path);
}

/**
 * The changed source files committed with the derived ones. When only thread metadata
 * moved, those threads' files; when an aggregate moved (assumptions, metrics, goals),
 * every changed source, since any of them may have caused it.
 */
async function triggersFor(root: string, written: readonly string[], changes: readonly DerivedChange[]): Promise<string[]> {
  const changed = (await changedPaths(root, SOURCE_FOLDERS)).filter((p) => !written.includes(p));
  const aggregate = changes.some((c) => c.kind === 'assumption' || c.kind === 'metrics' || c.kind === 'goal' || c.kind === 'strategy');
  if (aggregate) return changed;
  const threads = new Set(changes.filter((c) => c.kind === 'thread' || c.kind === 'marketing').map((c) => c.subject));
  return changed.filter((p) => [...threads].some((t) => p.startsWith(`${t}/`)));
}

function readOrUndefined(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}
