import { vi } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import { dueCommand } from '../../src/cli/commands/due.js';
import { qualifyCommand } from '../../src/cli/commands/qualify.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { syncCommand } from '../../src/cli/commands/sync.js';
import { exampleWorkspaceCopy } from './example.js';
import { git } from './git.js';
import { commandJsonAsCli, commandText, type InProcessAnswer } from './in-process.js';
import { copyOfPrepared } from './prepared.js';
import { replaceInFile, writeFiles } from './testdir.js';
import { campaignFiles } from './workspace.js';

/*
 * What the served-workspace test files (test/serve-*.test.ts) share. Each served answer is
 * a real CLI process asking a real MCP server or watcher; the cold answer it is compared
 * with is the reference, and where it is a read or a sync from the workspace folder it is
 * the command's own function in this process, with THREADWORK_NO_SERVER=1 as the cold CLI
 * run had it (so it never asks the server running on the same folder). Each `cold…` helper
 * undoes its environment (vi.unstubAllEnvs) once the command has answered: the CLI runs a
 * test starts next inherit this process's environment, and must ask the server.
 */

export const LEARNING = 'threads/sales/brightcart/6-learning.md';
export const COLD = { THREADWORK_NO_SERVER: '1' };
/**
 * The git environment the MCP helper starts its server with (helpers/git.ts: no user or
 * system config): the CLI asks with the same one, as a person's terminal and the server
 * their agent started share theirs. A server declines a CLI whose git environment differs.
 */
export const SAME_GIT = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

/** A deal closed-won with an ARR: the assumptions, metrics and goal derived from it all move. */
export const CAMPAIGN = 'threads/sales/campaigns/2027-01-12-month-end';
/** The day the campaign's outreach below is drafted, approved and replied to: the server and the CLI agree on it. */
export const ON_THE_DAY = { THREADWORK_TODAY: '2027-01-14' };
export const ADA_REPLY = ['--text', 'Sounds interesting, happy to talk next week', '--date', '2027-01-14'];
export const adaDraft = (touch: number): string => `drafts/ada-at-analytical-example-touch-${touch}.md`;

/** The example workspace plus a committed campaign at Stage 5 with one prospect who passes every gate (built once per file). */
export function campaignWorkspace(): string {
  return copyOfPrepared('campaign', () => {
    const dir = exampleWorkspaceCopy();
    const ada = ['  - name: Ada Lovelace', '    email: ada@analytical.example', '    company: Analytical Payments', '    title: Controller', '    industry: payments', '    employees: 500', '    email_status: verified', '    data_date: 2027-01-10', '    signals: [{type: funding, detail: Series B}, hiring 5 analysts]'];
    writeFiles(dir, campaignFiles(CAMPAIGN, '2027-01-12', ['sequence: {preset: five-touch-cold, start: 2027-01-12}', 'prospects:', ...ada].join('\n')));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'a campaign at Stage 5');
    return dir;
  });
}

export function winTheDeal(dir: string): void {
  replaceInFile(dir, LEARNING, 'outcome: closed-lost', 'outcome: closed-won');
  replaceInFile(dir, LEARNING, 'arr: null', 'arr: 48000');
}

export function withoutServed(json: Record<string, unknown>): Record<string, unknown> {
  const { served: _served, ...rest } = json;
  return rest;
}

/** A write's JSON as cold and served runs agree on it: all but who answered and the commit's id (its time differs). */
export function sameWrite(json: Record<string, unknown>): unknown {
  const { served: _served, commit, sync, ...rest } = json as Record<string, unknown> & { commit: Record<string, unknown>; sync: Record<string, unknown> };
  const { commit: _id, ...committed } = commit;
  const { commit: _syncCommit, ...synced } = sync;
  return { ...rest, commit: committed, sync: synced };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `THREADWORK_NO_SERVER=1 threadwork check --json` in `dir`, without a process. */
export const coldCheck = <T = Record<string, unknown>>(dir: string): Promise<InProcessAnswer<T>> => cold(() => commandJsonAsCli<T>(() => checkCommand({}, { dir, json: true }), COLD));

/** `THREADWORK_NO_SERVER=1 threadwork sync --json` in `dir` (with `env`), without a process. */
export const coldSync = <T = Record<string, unknown>>(dir: string, env: Record<string, string> = {}): Promise<InProcessAnswer<T>> =>
  cold(() => commandJsonAsCli<T>(() => syncCommand({ commit: true }, { dir, json: true }), { ...COLD, ...env }));

/** `THREADWORK_NO_SERVER=1 threadwork report <name> --json` in `dir`, without a process. */
export const coldReport = <T = Record<string, unknown>>(dir: string, name: string): Promise<InProcessAnswer<T>> => cold(() => commandJsonAsCli<T>(() => reportCommand(name, {}, { dir, json: true }), COLD));

/** `THREADWORK_NO_SERVER=1 threadwork due [--date <date>] --json` in `dir`, without a process. */
export const coldDue = <T = Record<string, unknown>>(dir: string, date?: string): Promise<InProcessAnswer<T>> =>
  cold(() => commandJsonAsCli<T>(() => dueCommand(date === undefined ? {} : { date }, { dir, json: true }), COLD));

/** `THREADWORK_NO_SERVER=1 threadwork qualify <deal> --json` in `dir`, without a process. */
export const coldQualify = <T = Record<string, unknown>>(dir: string, deal: string): Promise<InProcessAnswer<T>> => cold(() => commandJsonAsCli<T>(() => qualifyCommand(deal, { dir, json: true }), COLD));

/** What `THREADWORK_NO_SERVER=1 threadwork report <name> [--md]` or `… due [--date <date>]` prints in `dir`, without a process. */
export function coldText(dir: string, command: { report: string; md: boolean } | { due: string | undefined }): Promise<{ code: 0 | 1; stdout: string }> {
  for (const [name, value] of Object.entries({ GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...COLD })) vi.stubEnv(name, value);
  return cold(() =>
    commandText(() =>
      'report' in command ? reportCommand(command.report, { md: command.md }, { dir, json: false }) : dueCommand(command.due === undefined ? {} : { date: command.due }, { dir, json: false }),
    ),
  );
}

/** Runs a cold call, then undoes the environment it stubbed. */
async function cold<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } finally {
    vi.unstubAllEnvs();
  }
}
