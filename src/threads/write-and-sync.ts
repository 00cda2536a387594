import { commitPaths, type CommitOutcome } from '../git/commit.js';
import type { StageWriteResult } from './write-stage.js';
import { TRAILERS } from '../sync/message.js';
import { syncModel, type SyncResult } from '../sync/run.js';
import { loadWorkspace } from '../workspace/load.js';

export interface WriteSyncOptions {
  /** false: write the source files only; the next sync or watch cycle derives from them. */
  sync?: boolean;
  /** false: write but do not commit. */
  commit?: boolean;
}

/** Source files a write produced on someone's behalf (an agent's stage, a new deal). */
export interface SourceWrite {
  /** Workspace-relative paths written; empty when the write changed nothing. */
  paths: readonly string[];
  /** The thread they belong to, for the commit's trailer. */
  thread?: string | undefined;
  /** What happened, for the commit subject: `write threads/sales/acme/2-hypothesis.md`. */
  summary: string;
}

export interface AfterWrite {
  /** What the write changed downstream (derived before → after); null with `sync: false`. */
  sync: SyncResult | null;
  /** The commit holding the written files (and the derived changes), if one was made. */
  commit: CommitOutcome | null;
}

/**
 * Finishes a write as one unit of work: sync, then one commit holding the written source
 * files with everything they changed, so history shows a write with its consequences.
 * A write that changes nothing derived is committed on its own. The caller holds the
 * workspace lock, so no watcher cycle or other writer slips in between.
 */
export async function syncAfterWrite(root: string, write: SourceWrite, options: WriteSyncOptions = {}): Promise<AfterWrite> {
  if (options.sync === false) return { sync: null, commit: null };
  const model = await loadWorkspace(root);
  const sync = await syncModel(model, { commit: options.commit, triggers: write.paths });
  const { config } = model;
  if (options.commit === false || !config.git.commit || write.paths.length === 0 || sync.commit?.committed) return { sync, commit: sync.commit };
  const message = [
    `threadwork: ${write.summary}`,
    '',
    'Written through the threadwork API; nothing derived changed.',
    '',
    ...write.paths.map((path) => `${TRAILERS.trigger}: ${path}`),
    ...(write.thread ? [`${TRAILERS.thread}: ${write.thread}`] : []),
  ].join('\n');
  return { sync, commit: await commitPaths({ cwd: root, paths: [...write.paths], message, author: config.git.author }) };
}

/** A stage write and what it changed. */
export interface StageWriteOutcome extends AfterWrite {
  write: StageWriteResult;
}
