import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryOf } from './repo.js';

export type OperationInProgress = 'merge-in-progress' | 'rebase-in-progress';

/** A merge (cherry-pick and revert included) or rebase git has stopped in, by the files it keeps while it does. */
export function operationInProgress(gitDir: string): OperationInProgress | undefined {
  if (existsSync(join(gitDir, 'rebase-merge')) || existsSync(join(gitDir, 'rebase-apply'))) return 'rebase-in-progress';
  if (['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'].some((f) => existsSync(join(gitDir, f)))) return 'merge-in-progress';
  return undefined;
}

/** operationInProgress of the repository holding `dir`; undefined outside git. */
export async function operationAt(dir: string): Promise<OperationInProgress | undefined> {
  const repo = await repositoryOf(dir);
  return repo ? operationInProgress(repo.gitDir) : undefined;
}

/** How a message names it: "a rebase", "a merge". */
export function operationName(operation: OperationInProgress): string {
  return operation === 'merge-in-progress' ? 'merge' : 'rebase';
}
