import { join } from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { checkInProcess } from './check.js';
import { runCli } from './cli.js';
import { gitEnv } from './git.js';
import type { InProcessAnswer } from './in-process.js';
import { preparedCopy } from './prepared.js';
import { read, testdir } from './testdir.js';

/*
 * The goal `threadwork init` scaffolds, as the goal-file tests start from it: made on
 * 2026-11-22 (its `created` day), with its deadline 90 days on and its two subgoals.
 */

/** The environment every command of these tests runs in: today is the goal's created day. */
export const INIT_ENV = { ...gitEnv(), THREADWORK_TODAY: '2026-11-22' };
export const INIT_GOAL = 'goals/g-first-customers.md';
/** The scaffolded goal's second subgoal, as init writes it. */
export const INIT_SG2 = "    title: Win one customer through the founders' network\n    metric: won_count\n    target: 1\n";

/**
 * A workspace from `threadwork init`, its goal created today (2026-11-22). Initialised by a
 * real CLI run once per test file and copied for each caller (a copy of the folder and its
 * repository, which is what init leaves): each test edits a workspace of its own.
 */
export function initialisedWorkspace(): Promise<string> {
  return preparedCopy('initialised-goal', initialise);
}

async function initialise(): Promise<string> {
  const dir = join(testdir(), 'gtm');
  const init = await runCli(['init', dir, '--company', 'Acme'], { env: INIT_ENV });
  expect(init.code).toBe(0);
  expect(read(dir, INIT_GOAL)).toContain('\ncreated: 2026-11-22\n');
  expect(read(dir, INIT_GOAL)).toContain(INIT_SG2);
  return dir;
}

/** Each diagnostic as `path:line:column severity rule field`. */
export const located = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.rule} ${d.field}`);

/**
 * What `threadwork check --json` prints in the workspace, as of its created day, from
 * check's own function: the goal file's diagnostics are what these tests look at, and
 * the CLI's check is tested as a process elsewhere (json-contract.test.ts and others).
 */
export const checkInitialised = (dir: string): Promise<InProcessAnswer<{ diagnostics: Diagnostic[] }>> => checkInProcess(dir, { THREADWORK_TODAY: INIT_ENV.THREADWORK_TODAY });
