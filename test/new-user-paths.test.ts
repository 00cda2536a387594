import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { advanceCommand } from '../src/cli/commands/advance.js';
import { dealNewCommand } from '../src/cli/commands/deal.js';
import { initCommand } from '../src/cli/commands/init.js';
import { howToRun } from '../src/cli/how-to-run.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { REPO_ROOT, runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandJsonAsCli, commandText } from './helpers/in-process.js';
import { md, testdir } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/*
 * What a new user met in a first hour with the tool (a review session's findings): a deal
 * opened without --goal that counted toward no goal, a warning about the stage advance had
 * just closed heard only at the next check, init nesting a workspace in another, a folder
 * name that dropped ø, and errors that did not name the report or thread meant.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

const TODAY = { THREADWORK_TODAY: '2026-11-22' };
type JsonError = { ok: false; error: { code: string; message: string; meant?: string; workspace?: string } };
const rulesOf = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.rule);

describe('a deal linked to no goal', () => {
  it('is warned about by check while goals/ holds goals, at its meta.json, naming the goals', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound') });
    const result = await (await openWorkspace(dir)).check();
    const warning = result.diagnostics.find((d) => d.rule === 'deal-without-goal');
    expect(warning).toMatchObject({ path: 'threads/sales/acme/meta.json', line: 1, severity: 'warning' });
    expect(warning?.message).toBe('Deal acme counts toward no goal: expected `"goal_id"` in its meta.json naming one of g-first-customers');
    expect(result.ok).toBe(true);
  });

  it('is not warned about once linked, nor in a workspace without goals', async () => {
    const linked = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', { goal_id: 'g-first-customers' }), 'threads/sales/acme/1-input.md': md('source: inbound') });
    expect(rulesOf((await (await openWorkspace(linked)).check()).diagnostics)).not.toContain('deal-without-goal');
    const noGoals = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound') });
    const { rmSync } = await import('node:fs');
    rmSync(join(noGoals, 'goals'), { recursive: true });
    expect(rulesOf((await (await openWorkspace(noGoals)).check()).diagnostics)).not.toContain('deal-without-goal');
  });

  it('is said by deal new itself, before its commit line, and carried as `warnings` in its JSON', async () => {
    const dir = exampleWorkspaceCopy();
    const text = await commandText(() => dealNewCommand('Fjord Freight', { segment: 'ecommerce-finance' }, { dir, json: false }));
    const lines = text.stdout.split('\n');
    const warningAt = lines.findIndex((l) => l.includes('(deal-without-goal)'));
    expect(lines[warningAt]).toBe('threads/sales/fjord-freight/meta.json:1:1 warning Deal fjord-freight counts toward no goal: expected `"goal_id"` in its meta.json naming one of g-arr-500k-2026, g-fintech-beachhead (deal-without-goal)');
    expect(warningAt).toBeLessThan(lines.findIndex((l) => l.startsWith('committed ')));
    const linked = await commandJsonAsCli<{ warnings: Diagnostic[] }>(() => dealNewCommand('Grit Logistics', { segment: 'ecommerce-finance', goal: 'g-arr-500k-2026' }, { dir, json: true }));
    expect(linked.code).toBe(0);
    expect(linked.json.warnings).toEqual([]);
  });

  it('init says to open the first deal with the scaffold goal', async () => {
    const dir = join(testdir(), 'gtm');
    const out = await commandText(() => initCommand(dir, { git: false }));
    expect(out.stdout).toMatch(/`threadwork deal new "Company" --segment <id> --goal g-first-customers`/);
  });
});

describe('advance', () => {
  it('prints the warnings of the stage it closed (a QUALIFY below the framework threshold), and carries them in its JSON', async () => {
    const dir = exampleWorkspaceCopy();
    const decision = join(dir, 'threads/sales/keel-neobank/4-decision.md');
    writeFileSync(decision, readFileSync(decision, 'utf8').replace('decision: DEFER', 'decision: QUALIFY').replace(/^revisit: .*\n/m, ''));
    vi.stubEnv('THREADWORK_TODAY', TODAY.THREADWORK_TODAY);
    const text = await commandText(() => advanceCommand('keel-neobank', {}, { dir, json: false }));
    expect(text.stdout).toMatch(/^threads\/sales\/keel-neobank\/4-decision\.md:2:11 warning QUALIFY although the MEDDIC score 0\.37 is below the qualification threshold 0\.70.*\(decision-contradicts-score\)$/m);
    expect(existsSync(join(dir, 'threads/sales/keel-neobank/5-actions.md'))).toBe(true);
  });

  it('prints no warning line when the stage it closed has none', async () => {
    const dir = exampleWorkspaceCopy();
    const advanced = await commandJsonAsCli<{ warnings: Diagnostic[]; to: number }>(() => advanceCommand('meridian-pay', {}, { dir, json: true }), TODAY);
    expect(advanced.code, JSON.stringify(advanced.json)).toBe(0);
    expect(advanced.json.to).toBe(4);
    expect(advanced.json.warnings).toEqual([]);
  });

  it('takes a thread path written with backslashes, as Windows writes one', async () => {
    const dir = exampleWorkspaceCopy();
    const advanced = await commandJsonAsCli<{ thread: string; to: number }>(() => advanceCommand('threads\\sales\\meridian-pay', {}, { dir, json: true }), TODAY);
    expect(advanced.code, JSON.stringify(advanced.json)).toBe(0);
    expect(advanced.json).toMatchObject({ thread: 'threads/sales/meridian-pay', to: 4 });
  });
});

describe('init inside a workspace', () => {
  it('is refused, naming the workspace, and creates nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const refused = await commandJsonAsCli<JsonError>(() => initCommand(join(dir, 'research/nested'), { git: true }));
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'path-refused', workspace: dir });
    expect(refused.json.error.message).toContain(`it is inside the workspace at ${dir}`);
    expect(existsSync(join(dir, 'research/nested'))).toBe(false);
  });

  it('still restores the workspace run in its own folder', async () => {
    const dir = exampleWorkspaceCopy();
    const again = await commandJsonAsCli<{ kept: string[] }>(() => initCommand(dir, { git: true }));
    expect(again.code).toBe(0);
    expect(again.json.kept).toContain('threadwork.config.yaml');
  });
});

describe('deal new --domain', () => {
  it('refuses what is no domain, and writes a web address as its domain', async () => {
    const dir = exampleWorkspaceCopy();
    const refused = await commandJsonAsCli<JsonError>(() => dealNewCommand('Fjord Freight', { segment: 'ecommerce-finance', goal: 'g-arr-500k-2026', domain: 'not a domain!!' }, { dir, json: true }));
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('invalid-domain');
    expect(existsSync(join(dir, 'threads/sales/fjord-freight'))).toBe(false);
    const opened = await commandJsonAsCli(() => dealNewCommand('Fjord Freight', { segment: 'ecommerce-finance', goal: 'g-arr-500k-2026', domain: 'https://www.Fjord-Freight.no/about' }, { dir, json: true }));
    expect(opened.code).toBe(0);
    expect(readFileSync(join(dir, 'threads/sales/fjord-freight/1-input.md'), 'utf8')).toContain('domain: "fjord-freight.no"');
  });
});

describe('names a person types', () => {
  it('a folder name keeps the Latin letters NFKD leaves whole (ø, Ł, Æ)', async () => {
    const dir = exampleWorkspaceCopy();
    const opened = await commandJsonAsCli<{ id: string }>(() => dealNewCommand('Bjørn Ølsen AS', { segment: 'ecommerce-finance', goal: 'g-arr-500k-2026' }, { dir, json: true }));
    expect(opened.json.id).toBe('bjorn-olsen-as');
  });
});

describe('errors a new user meets on the command line', () => {
  it('an unknown report names the one it is a slip of, another case included', async () => {
    const dir = exampleWorkspaceCopy();
    for (const typed of ['piplene', 'Pipeline']) {
      const out = await runJson<JsonError>(['report', typed, '--dir', dir]);
      expect(out.code).toBe(1);
      expect(out.json.error).toMatchObject({ code: 'unknown-report', meant: 'pipeline' });
      expect(out.json.error.message).toContain('did you mean pipeline?');
    }
  });

  it('an unknown segment names the segment it is a slip of, in deal new and strategy alike', async () => {
    const dir = exampleWorkspaceCopy();
    const deal = await commandJsonAsCli<JsonError>(() => dealNewCommand('Fjord Freight', { segment: 'ecommerce_finance' }, { dir, json: true }));
    expect(deal.json.error).toMatchObject({ code: 'unknown-segment', meant: 'ecommerce-finance' });
    expect(deal.json.error.message).toContain('did you mean ecommerce-finance?');
    const strategy = await runJson<JsonError>(['strategy', 'Mid-Market-Fintech', '--dir', dir]);
    expect(strategy.json.error).toMatchObject({ code: 'unknown-segment', meant: 'mid-market-fintech' });
    // Nothing near: the list alone, as before.
    const far = await commandJsonAsCli<JsonError>(() => dealNewCommand('Fjord Freight', { segment: 'space' }, { dir, json: true }));
    expect(far.json.error.meant).toBeUndefined();
  });

  it('a segment typed by the start of its id is named, in score as in deal new', async () => {
    const dir = exampleWorkspaceCopy();
    const score = await runJson<JsonError>(['score', 'research/customer/lists/fintech-accounts-2026-11.csv', '--segment', 'ecom', '--dir', dir]);
    expect(score.code).toBe(1);
    expect(score.json.error).toMatchObject({ code: 'unknown-segment', meant: 'ecommerce-finance' });
    expect(score.json.error.message).toBe('Unknown segment "ecom": did you mean ecommerce-finance? expected one of mid-market-fintech, ecommerce-finance');
    const deal = await commandJsonAsCli<JsonError>(() => dealNewCommand('Fjord Freight', { segment: 'mid' }, { dir, json: true }));
    expect(deal.json.error).toMatchObject({ code: 'unknown-segment', meant: 'mid-market-fintech' });
    // Two letters begin too many words to be taken as one id.
    const short = await commandJsonAsCli<JsonError>(() => dealNewCommand('Fjord Freight', { segment: 'mi' }, { dir, json: true }));
    expect(short.json.error.meant).toBeUndefined();
  });

  it('an unknown thread names the thread it is a slip of', async () => {
    const dir = exampleWorkspaceCopy();
    const out = await commandJsonAsCli<JsonError>(() => advanceCommand('keel-neobnak', {}, { dir, json: true }));
    expect(out.json.error).toMatchObject({ code: 'unknown-thread', meant: 'threads/sales/keel-neobank' });
    // A slip of a deal's first word, as `northwind` is taken for its whole name.
    const word = await commandJsonAsCli<JsonError>(() => advanceCommand('nortwind', {}, { dir, json: true }));
    expect(word.json.error).toMatchObject({ code: 'unknown-thread', meant: 'threads/sales/northwind-payments' });
  });

  it('prints `error:` before a command error, as before a usage error', async () => {
    const dir = exampleWorkspaceCopy();
    const out = await runCli(['report', 'piplene', '--dir', dir]);
    expect(out.stderr).toMatch(/^error: Unknown report "piplene": did you mean pipeline\?/);
  });

  it('an unknown command is the error, the near command and where the list is — not the whole help', async () => {
    const out = await runCli(['sycn']);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe("error: unknown command 'sycn'\n(Did you mean sync?)\nRun `threadwork --help` for its commands.\n");
    const sub = await runCli(['deal', 'nwe']);
    expect(sub.stderr).toBe("error: unknown command 'nwe'\n(Did you mean new?)\nRun `threadwork deal --help` for its commands.\n");
  });

  it('--dir naming a file is refused as init refuses it, not read as the folder it is in', async () => {
    const dir = exampleWorkspaceCopy();
    const out = await runJson<JsonError>(['check', '--dir', join(dir, 'threadwork.config.yaml')]);
    expect(out.code).toBe(1);
    expect(out.json.error.code).toBe('no-workspace');
    expect(out.json.error.message).toBe(`Not a folder: ${join(dir, 'threadwork.config.yaml')} is a file; give the workspace's folder (or a folder inside it)`);
  });
});

describe('the command a hint names', () => {
  it('is threadwork when it is on PATH, and node with the script otherwise', () => {
    const bin = testdir();
    mkdirSync(join(bin, 'path'));
    writeFileSync(join(bin, 'path', 'threadwork'), '#!/bin/sh\n');
    chmodSync(join(bin, 'path', 'threadwork'), 0o755);
    expect(howToRun({ PATH: join(bin, 'path') }, join(REPO_ROOT, 'bin/threadwork.js'))).toBe('threadwork');
    const here = process.cwd();
    try {
      process.chdir(REPO_ROOT);
      expect(howToRun({ PATH: '/nonexistent' }, join(REPO_ROOT, 'bin/threadwork.js'))).toBe('node bin/threadwork.js');
      process.chdir(bin);
      expect(howToRun({ PATH: '/nonexistent' }, join(REPO_ROOT, 'bin/threadwork.js'))).toBe(`node ${join(REPO_ROOT, 'bin/threadwork.js')}`);
    } finally {
      process.chdir(here);
    }
  });
});
