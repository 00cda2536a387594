import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportCommand } from '../src/cli/commands/report.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { REPORTS } from '../src/report/build.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandJson } from './helpers/in-process.js';

/**
 * A thread sync holds at HEAD — a stage file under a wrong name, a cross-file error — was
 * drawn by every report as it is on disk, with no word about it: a won deal reopened by a
 * `6-learnings.md`, a won ARR that sync refuses to commit. The reports now count what sync
 * counts, and say what is held (`held` in --json, sync's `derived-held` lines otherwise).
 */

const DEAL = 'threads/sales/harbor-lending';
const ENV = { THREADWORK_TODAY: '2026-11-20' };

type Report = { held: Diagnostic[] } & Record<string, unknown>;

/*
 * Speed: a CLI process costs about a second on a loaded two-core machine. The reports'
 * JSON is asked of the command's own function (what `report <name> --json` prints, with
 * THREADWORK_TODAY pinned in this process as ENV pins it in a child's); the CLI's text,
 * Markdown and JSON output each keep a real run.
 */
beforeEach(() => {
  for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function report(dir: string, name: string): Promise<Report> {
  const answer = await commandJson<Report>(() => reportCommand(name, {}, { dir, json: true }));
  expect(answer.code, name).toBe(0);
  return answer.json;
}

async function reports(dir: string): Promise<Map<string, Report>> {
  const out = new Map<string, Report>();
  for (const name of REPORTS) out.set(name, await report(dir, name));
  return out;
}

const withoutHeld = (report: Report | undefined): Record<string, unknown> => {
  const { held: _held, ...rest } = report ?? { held: [] };
  return rest;
};

describe('reports on a workspace where sync holds a thread', () => {
  it.each([
    [
      'a stage file under a wrong name',
      (dir: string) => renameSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, '6-learnings.md')),
      `${DEAL}/6-learnings.md`,
      `because of the error at ${DEAL}/6-learnings.md:1:1 (stage-file-name)`,
    ],
    [
      'a cross-file error (an unknown assumption) beside a new ARR',
      (dir: string) => {
        const path = join(dir, DEAL, '6-learning.md');
        writeFileSync(path, readFileSync(path, 'utf8').replace('arr: 36000', 'arr: 90000').replace('assumption: A1\n', 'assumption: A99\n'));
      },
      `${DEAL}/6-learning.md`,
      `because of the error at ${DEAL}/6-learning.md:9:17 (unknown-assumption)`,
    ],
  ])('%s: every report counts the thread as sync does, and names the hold', async (_what, damage, heldAt, because) => {
    const dir = exampleWorkspaceCopy();
    const before = await reports(dir);
    for (const report of before.values()) expect(report.held).toEqual([]);
    damage(dir);
    const after = await reports(dir);
    for (const name of REPORTS) {
      expect(withoutHeld(after.get(name)), name).toEqual(withoutHeld(before.get(name)));
      expect(after.get(name)!.held.map((d) => [d.path, d.severity, d.rule]), name).toEqual([[heldAt, 'warning', 'derived-held']]);
      expect(after.get(name)!.held[0]!.message).toContain(`values derived from ${DEAL} are held at its version in HEAD, ${because}`);
    }
    // The CLI prints that JSON.
    const json = await runJson<Report>(['report', 'pipeline'], { cwd: dir, env: ENV });
    expect(json.code).toBe(0);
    expect(json.json).toEqual(after.get('pipeline'));
    const text = await runCli(['report', 'pipeline'], { cwd: dir, env: ENV });
    expect(text.code).toBe(0);
    // At the error it names (`because of the error at <file>:9:17`), as an editor shows it.
    const at = /:(\d+:\d+) \(/.exec(because)![1];
    expect(text.stdout.split('\n')[0]).toBe(`${heldAt}:${at} warning ${after.get('pipeline')!.held[0]!.message} (derived-held)`);
    expect(text.stdout).toContain('won 2 (78,000 ARR)');
    const md = await runCli(['report', 'pipeline', '--md'], { cwd: dir, env: ENV });
    expect(md.stdout.startsWith('## ')).toBe(true);
    expect(md.stdout.trimEnd().split('\n').at(-1)).toBe(`- ⚠ ${heldAt}:${at} warning ${after.get('pipeline')!.held[0]!.message} (derived-held)`);
  });

  it('a report drawn from the caches (each thread\'s facts as sync keeps them) equals one drawn without them, after an edit', async () => {
    const dir = exampleWorkspaceCopy();
    expect((await commandJson(() => syncCommand({ dryRun: false, commit: true }, { dir, json: true }))).code).toBe(0); // the facts cache is written
    const path = join(dir, DEAL, '6-learning.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('arr: 36000', 'arr: 91000'));
    for (const name of REPORTS) {
      const cached = await report(dir, name);
      vi.stubEnv('THREADWORK_NO_CACHE', '1');
      const cold = await report(dir, name);
      vi.stubEnv('THREADWORK_NO_CACHE', undefined);
      expect(cached, name).toEqual(cold);
    }
    expect((await reportCommand('pipeline', {}, { dir, json: false })).text).toContain('133,000 ARR');
  });
});
