import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { skillsInstallCommand } from '../src/cli/commands/skills.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitInit } from './helpers/git.js';
import { commandJson, commandText } from './helpers/in-process.js';
import { preparedCopy } from './helpers/prepared.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

/**
 * A committing write command commits, with its own files, the derived files it moved and
 * every uncommitted source those derived values follow from (the trigger rule). Its output
 * said only `committed 051cb7debb (6 paths)`: a person's unfinished edit of another deal
 * went into history without a word. Now every path of the commit is named in the output.
 */

const ENV = { THREADWORK_TODAY: '2026-11-20' };
const EDITED = 'threads/sales/harbor-lending/6-learning.md';

/*
 * Speed: the example workspace and its repository are built once per file and copied per
 * test (exampleWorkspaceCopy), as is the synced campaign workspace two tests start from.
 * The commands' text output is this file's subject and runs through the CLI, as does
 * strategy's --json; the sync --dry-run whose held lines the commands' are compared with, skills install's --json, whose text is checked on a run of its own,
 * and the sync that commits a workspace before a test go through the command's own
 * function (src/cli/commands/*), on the same day.
 */

afterEach(() => {
  vi.unstubAllEnvs();
});

/** What `threadwork … --json` prints for a command function run on ENV's day, without a process. */
function inProcessJson<T>(command: () => Promise<{ json: unknown; exitCode: 0 | 1 }>): ReturnType<typeof commandJson<T>> {
  vi.stubEnv('THREADWORK_TODAY', ENV.THREADWORK_TODAY);
  return commandJson<T>(command);
}

/** The `(derived-held)` lines `threadwork sync --dry-run` prints on ENV's day, from the command's own function (sync's text through the CLI: sync.test.ts). */
async function heldLinesOfSync(dir: string): Promise<string[]> {
  vi.stubEnv('THREADWORK_TODAY', ENV.THREADWORK_TODAY);
  const sync = await commandText(() => syncCommand({ dryRun: true, commit: true }, { dir, json: false }));
  return sync.stdout.split('\n').filter((l) => l.includes('(derived-held)'));
}

/** The example with an uncommitted edit that moves derived values (a won deal's ARR). */
function withUncommittedEdit(): string {
  const dir = exampleWorkspaceCopy();
  const path = join(dir, EDITED);
  writeFileSync(path, readFileSync(path, 'utf8').replace('arr: 36000', 'arr: 40000'));
  return dir;
}

/** The paths a line of the output names: `created X`, `updated X (derived)`, `committed with it: X (…)`. */
function named(stdout: string): string[] {
  return stdout.split('\n').flatMap((line) => /^(?:created|updated|committed with it:) (\S+)/.exec(line)?.slice(1) ?? []);
}

describe('a write command that carries other files into its commit', () => {
  it('deal new names the edit of another deal and the derived files its commit holds', async () => {
    const dir = withUncommittedEdit();
    const result = await runCli(['deal', 'new', 'Sweep Co', '--segment', 'mid-market-fintech', '--dir', dir], { env: ENV });
    expect(result.code).toBe(0);
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(committed).toContain(EDITED);
    expect(named(result.stdout).sort()).toEqual(committed);
    expect(result.stdout).toContain(`committed with it: ${EDITED} (your uncommitted edit, which the derived values follow from)\n`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^committed [0-9a-f]{10} \\(${committed.length} paths\\)$`));
  });

  it('advance does the same', async () => {
    const dir = withUncommittedEdit();
    const result = await runCli(['advance', 'fernway-home', '--dir', dir], { env: ENV });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(committed).toContain(EDITED);
    expect(named(result.stdout).sort()).toEqual(committed);
  });

  it('skills install does the same, and its --json has the sync', async () => {
    const dir = withUncommittedEdit();
    const result = await runCli(['skills', 'install', '--dir', dir], { env: ENV });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(committed).toContain(EDITED);
    expect(named(result.stdout).sort()).toEqual(committed);
    expect(result.stdout).toMatch(new RegExp(`\ncommitted [0-9a-f]{10} \\(${committed.length} paths\\)\n`));
    const again = withUncommittedEdit();
    const json = await inProcessJson<{ sync: { written: string[]; triggers: string[] } }>(() => skillsInstallCommand({ commit: true }, { dir: again, json: true }));
    expect(json.code).toBe(0);
    expect(json.json.sync.written).toContain('strategy/canvas/13-metrics.md');
    expect(json.json.sync.triggers).toContain(EDITED);
  });

  it('names nothing more when there is nothing else in the commit', async () => {
    const dir = exampleWorkspaceCopy();
    const result = await runCli(['deal', 'new', 'Plain Co', '--segment', 'mid-market-fintech', '--dir', dir], { env: ENV });
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(named(result.stdout).sort()).toEqual(committed);
    expect(result.stdout).not.toContain('committed with it');
  });
});

/**
 * A write command's sync holds a thread in error elsewhere (a stage file under a wrong
 * name) at HEAD, as `sync` does — so the metrics and goals it commits leave that thread's
 * disk state out. `sync` says so and exits 1; `deal new` said only "committed". It now
 * prints the same `derived-held` line (and exits 0: its own write is sound).
 */
describe('a write command while another thread is held', () => {
  it('deal new prints the derived-held line sync prints', async () => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, 'threads/sales/harbor-lending/6-learning.md'), join(dir, 'threads/sales/harbor-lending/6-learnings.md'));
    const held = await heldLinesOfSync(dir);
    expect(held).toHaveLength(1);
    const result = await runCli(['deal', 'new', 'Held Co', '--segment', 'mid-market-fintech', '--dir', dir], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.includes('(derived-held)'))).toEqual(held);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).not.toContain('harbor-lending');
  });
});

/**
 * `campaign draft` with nothing to draft still commits what its sync derives, an edit of
 * another deal included: it printed `0 drafts … committed 667e6693b8` and nothing more, so a
 * commit of someone's learning looked like a commit of the campaign. `campaign draft`,
 * `approve` and `reply` now end with the lines every write command ends with.
 */
describe('campaign draft', () => {
  it('names every path of its commit that it did not draft', async () => {
    const dir = withUncommittedEdit();
    const result = await runCli(['campaign', 'draft', 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound', '--force', '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(committed).toContain(EDITED);
    const drafted = result.stdout.split('\n').flatMap((line) => /^(?:created|overwritten|kept)\s+\S+ (?:ready|not ready) (\S+)/.exec(line)?.slice(1) ?? []);
    expect([...named(result.stdout), ...drafted].filter((p) => committed.includes(p)).sort()).toEqual(committed);
    expect(result.stdout).toContain(`committed with it: ${EDITED} (your uncommitted edit, which the derived values follow from)\n`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^committed [0-9a-f]{10} \\(${committed.length} paths?\\)$`));
  });
});

/**
 * `strategy` syncs after it writes, like every write command, but printed only the error
 * of a thread held elsewhere, never sync's `derived-held` line saying the committed values
 * leave that thread out. It now prints the same line sync prints (and `sync.diagnostics`
 * in --json holds it, as for the other write commands).
 */
describe('strategy while another thread is held', () => {
  it('prints the derived-held line sync prints, and the same warning in --json', async () => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, 'threads/sales/harbor-lending/6-learning.md'), join(dir, 'threads/sales/harbor-lending/6-learnings.md'));
    const held = await heldLinesOfSync(dir);
    expect(held).toHaveLength(1);
    const result = await runCli(['strategy', 'mid-market-fintech', '--dir', dir], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.includes('(derived-held)'))).toEqual(held);
    const json = await runJson<{ sync: { diagnostics: { rule: string; path: string; line: number; column: number; severity: string; message: string }[] } }>(['strategy', 'mid-market-fintech', '--dir', dir], { env: ENV });
    const warnings = json.json.sync.diagnostics.filter((d) => d.rule === 'derived-held');
    expect(warnings.map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`)).toEqual(held);
  });
});

/**
 * A write command that wrote nothing (a closed campaign: every prospect skipped) said
 * `not committed: commit these files with git when they are ready` — there were no files.
 */
describe('a write command that wrote nothing', () => {
  it('campaign draft says nothing about a commit, and makes none', async () => {
    const dir = exampleWorkspaceCopy();
    const head = git(dir, 'rev-parse', 'HEAD');
    const result = await runCli(['campaign', 'draft', 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound', '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^0 drafts, 0 ready; 8 prospects skipped\./m);
    expect(result.stdout).not.toMatch(/committed/);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

/**
 * Drafts are made from the campaign's Stage 5: its sequence and its prospects. With prospects
 * added and not yet committed, `campaign draft` committed the ten drafts and left
 * `5-actions.md` modified, unnamed: history held drafts for prospects it did not list. The
 * commit now carries it, and the output names it.
 */
describe('campaign draft from an uncommitted 5-actions.md', () => {
  it('commits the Stage 5 the drafts are made from with them, and names it', async () => {
    const campaignPath = 'threads/sales/campaigns/2026-11-02-month-end';
    const actions = `${campaignPath}/5-actions.md`;
    const dir = workspace(campaignFiles(campaignPath, '2026-11-02', 'sequence: {preset: five-touch-cold, start: 2026-11-02}\nprospects: []'));
    gitInit(dir);
    expect((await inProcessJson(() => syncCommand({ commit: true }, { dir, json: true }))).code).toBe(0);
    writeFileSync(join(dir, actions), readFileSync(join(dir, actions), 'utf8').replace('prospects: []', 'prospects:\n  - {name: Ada Byron, email: ada@northwind.example, company: Northwind, title: Controller, status: queued}\n  - {name: Bo Ray, email: bo@southwind.example, company: Southwind, title: CFO, status: queued}'));
    const result = await runCli(['campaign', 'draft', campaignPath, '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^10 drafts, /m);
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    expect(committed).toContain(actions);
    expect(committed).toHaveLength(11);
    expect(git(dir, 'status', '--porcelain', '--', 'threads')).toBe('');
    expect(result.stdout).toContain(`committed with it: ${actions} (your uncommitted edit, which the drafts are made from)\n`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^committed [0-9a-f]{10} \(11 paths\)$/);
  });
});

/**
 * Drafts are made from more than Stage 5: the campaign's meta.json (its segment), the
 * segments (their pains and triggers), the canvas the message quotes and the suppression
 * list (who gets none). With the suppression list edited and not committed, the commit
 * held drafts for one prospect of two and not the entry that left the other out; a segment
 * edit was named as one "the derived values follow from" when nothing derived moved.
 */
describe('campaign draft from other uncommitted sources', () => {
  const campaignPath = 'threads/sales/campaigns/2026-11-02-month-end';
  const prospects = 'sequence: {preset: five-touch-cold, start: 2026-11-02}\nprospects:\n  - {name: Ada Byron, email: ada@northwind.example, company: Northwind, title: Controller, status: queued}\n  - {name: Bo Ray, email: bo@southwind.example, company: Southwind, title: CFO, status: queued}';

  /** The campaign workspace, committed and synced once per file, copied. */
  function committedWorkspace(): Promise<string> {
    return preparedCopy('synced-campaign', async () => {
      const dir = workspace(campaignFiles(campaignPath, '2026-11-02', prospects));
      gitInit(dir);
      expect((await inProcessJson(() => syncCommand({ commit: true }, { dir, json: true }))).code).toBe(0);
      return dir;
    });
  }

  it('commits the suppression list that left a prospect out with the drafts, and names it', async () => {
    const dir = await committedWorkspace();
    const suppression = 'threads/sales/campaigns/suppression.yaml';
    writeFileSync(join(dir, suppression), 'suppressed:\n  - {email: bo@southwind.example, reason: asked, date: 2026-11-01}\n');
    const result = await runCli(['campaign', 'draft', campaignPath, '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^5 drafts, .*; 1 prospect skipped\./m);
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    expect(committed).toContain(suppression);
    expect(committed).toHaveLength(6);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(result.stdout).toContain(`committed with it: ${suppression} (your uncommitted edit, which the drafts are made from)\n`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^committed [0-9a-f]{10} \(6 paths\)$/);
  });

  it("commits the campaign's meta.json and the segments the drafts are made from, and says so", async () => {
    const dir = await committedWorkspace();
    const meta = `${campaignPath}/meta.json`;
    const segments = 'strategy/canvas/04-segments.md';
    // The campaign moves to the other segment, whose pain the drafts now name.
    writeFileSync(join(dir, meta), readFileSync(join(dir, meta), 'utf8').replace('"segment":"mid-market-fintech"', '"segment":"ecommerce-finance"'));
    writeFileSync(join(dir, segments), readFileSync(join(dir, segments), 'utf8').replace('    name: E-commerce finance teams\n', '    name: E-commerce finance teams\n    pains: ["Reconciling three payment providers by hand"]\n'));
    const result = await runCli(['campaign', 'draft', campaignPath, '--dir', dir], { env: ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, `${campaignPath}/drafts/ada-at-northwind-example-touch-1.md`), 'utf8')).toContain('three payment providers');
    const committed = git(dir, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    expect(committed).toEqual(expect.arrayContaining([meta, segments]));
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(result.stdout).toContain(`committed with it: ${meta} (your uncommitted edit, which the drafts are made from)\n`);
    expect(result.stdout).toContain(`committed with it: ${segments} (your uncommitted edit, which the drafts are made from)\n`);
  });
});
