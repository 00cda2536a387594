import { expect } from 'vitest';
import { openWorkspace } from '../../src/api.js';
import type { NewDealOptions } from '../../src/threads/create.js';
import { asCliJson } from './in-process.js';

/** `threadwork check` exits 0, asked without a process: its exit code is the result's `ok` (src/cli/commands/check.ts). */
export async function expectCheckClean(dir: string): Promise<void> {
  const result = await (await openWorkspace(dir)).check();
  expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
}

/** `threadwork deal new <company> [flags]` as the API call the command makes; only the flags the thread tests give. */
const DEAL_FLAGS: Record<string, string> = { '-s': 'segment', '--segment': 'segment', '--slug': 'slug', '--goal': 'goal', '--subgoal': 'subgoal', '--source': 'source', '--date': 'date' };
export function dealNewInProcess(dir: string, company: string, flags: readonly string[]): Promise<{ code: 0 | 1; json: { error: { code: string; message: string } } }> {
  const request: Record<string, string> = { company };
  for (let i = 0; i < flags.length; i += 2) request[DEAL_FLAGS[flags[i]!] ?? `unmapped ${flags[i]}`] = flags[i + 1]!;
  expect(Object.keys(request).filter((k) => k.startsWith('unmapped'))).toEqual([]);
  return asCliJson(async () => (await openWorkspace(dir)).createDeal(request as unknown as NewDealOptions));
}
