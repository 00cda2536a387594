import { writeCache } from './cache.js';
import { WorkspaceState } from './state.js';
import { checkModel, type CheckResult } from '../check/check.js';
import { earlyChecks } from '../check/early-checks.js';
import { loadParserForBlocks } from '../check/managed-blocks.js';
import { checkKey, racyAsRead, type CheckRecord, type StoredCheck } from './stored-check.js';

/**
 * `check`: the stored result when there is one (stored-check.ts), else every file
 * validated — the load reusing the fingerprint's scan — and the result stored for the
 * next run, with the content of each file too fresh to trust its times, unless a cache was
 * damaged (or too many files are that fresh, or one of them was not read).
 */
export async function checkWorkspace(root: string, options: { cache?: boolean | undefined }, stored: StoredCheck): Promise<CheckResult> {
  if (stored.result) return stored.result;
  // Each thread's own checks run as soon as its files are parsed, beside the parse workers (check/early-checks.ts).
  const early = earlyChecks();
  const state = await WorkspaceState.load(root, { cache: options.cache, prescan: stored.print?.scan, threadLoaded: early.threadLoaded });
  await loadParserForBlocks(state.currentModel());
  const result = checkModel(state.currentModel(), undefined, early.locators());
  const damaged = stored.warning !== undefined || result.diagnostics.some((d) => d.rule === 'cache-discarded');
  const racy = stored.print ? racyAsRead(state, stored.print.racyFiles) : undefined;
  if (stored.print && racy && !damaged) await writeCache<CheckRecord>(root, 'check', checkKey(stored.print), { result, racy });
  if (stored.warning) return Object.assign({}, result, { warnings: result.warnings + 1, diagnostics: [...result.diagnostics, stored.warning] });
  return result;
}

