import { expect } from 'vitest';
import { runCli } from './cli.js';
import { gitInit } from './git.js';
import { preparedCopy } from './prepared.js';
import { md, read, writeFiles } from './testdir.js';
import { dealMeta, workspace } from './workspace.js';

/** A 6-learning.md closing the deal won with `arr`, validating A1. */
export const learning = (arr: number): string => md(`outcome: closed-won\nclosed: 2026-05-01\narr: ${arr}\nvalidations:\n  - {assumption: A1, result: validated, evidence: six days saved}`);

/**
 * A git repository of one deal (acme, stages 1–5, testing A1, on g-first-customers SG1), synced and committed: what a watch test saves into.
 * A copy of one built once per test file: building it (a workspace, seven git processes and a
 * real `sync` process) cost 1.7–3.6 s of each of ~55 watch tests on a loaded 2-core machine; a copy costs one git process.
 */
export async function repo(): Promise<string> {
  return preparedCopy('won-deal-repo', build);
}

async function build(): Promise<string> {
  const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', { goal_id: 'g-first-customers', subgoal: 'SG1' }) });
  for (const [i, name] of ['1-input', '2-hypothesis', '3-implication', '4-decision', '5-actions'].entries()) writeFiles(dir, { [`threads/sales/acme/${name}.md`]: md(i === 1 ? 'tests: [A1]' : 'date: 2026-03-01') });
  gitInit(dir);
  expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
  return dir;
}

/** The won ARR 13-metrics.md shows, as written in its table; `(none)` before a sync wrote one. */
export const wonArr = (dir: string): string => /\| won ARR \| ([^|]+) \|/.exec(read(dir, 'strategy/canvas/13-metrics.md'))?.[1]?.trim() ?? '(none)';
