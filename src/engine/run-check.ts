import { writeCache } from './cache.js';
import { WorkspaceState } from './state.js';
import { checkModel, type CheckResult } from '../check/check.js';
import { checkKey, type StoredCheck } from './stored-check.js';

/**
 * `check`: the stored result when there is one (stored-check.ts), else every file
 * validated — the load reusing the fingerprint's scan — and the result stored for the
 * next run unless a file is too fresh to trust its times or a cache was damaged.
 */
export async function checkWorkspace(root: string, options: { cache?: boolean | undefined }, stored: StoredCheck): Promise<CheckResult> {
  if (stored.result) return stored.result;
  const result = checkModel((await WorkspaceState.load(root, { cache: options.cache, prescan: stored.print?.scan })).currentModel());
  const damaged = stored.warning !== undefined || result.diagnostics.some((d) => d.rule === 'cache-discarded');
  if (stored.print && !stored.print.racy && !damaged) await writeCache(root, 'check', checkKey(stored.print), result);
  if (stored.warning) return Object.assign({}, result, { warnings: result.warnings + 1, diagnostics: [...result.diagnostics, stored.warning] });
  return result;
}
