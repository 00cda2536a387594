import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { campaignNewCommand } from '../src/cli/commands/campaign.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { dealNewCommand } from '../src/cli/commands/deal.js';
import { guardWrites } from '../src/strategy/guard.js';
import { withMarker } from '../src/strategy/generated-file.js';
import { readWorkspaceFile } from '../src/workspace/read-files.js';
import { scanWorkspace } from '../src/workspace/scan.js';
import { cleanName, slugify } from '../src/workspace/slug.js';
import { createFileExclusive, writeFileAtomicSync, writeFileIfChanged } from '../src/workspace/write.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { gitEnv, gitInit } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { testdir, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const SEGMENT = 'mid-market-fintech';

/*
 * Speed: a CLI process costs about a second on a loaded two-core machine, and this file
 * imports the engine anyway. Where a test is about the workspace's answer rather than the
 * process, a repeat of a command another test (or case) runs through the CLI runs the
 * command's own function (src/cli/commands/*) in this process: the same JSON and exit code.
 */

/** A workspace whose `threads/sales` is a symbolic link to a folder outside it holding one deal. */
function linkedSales(): { dir: string; outside: string } {
  const outside = testdir({ 'acme/meta.json': dealMeta('acme'), 'secret.txt': 'not yours\n' });
  const dir = workspace();
  mkdirSync(join(dir, 'threads'), { recursive: true });
  symlinkSync(outside, join(dir, 'threads/sales'));
  gitInit(dir);
  return { dir, outside };
}

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

describe('symbolic links never take the workspace outside itself', () => {
  it('the scan does not descend into threads/sales linked outside, and says so', () => {
    const { dir } = linkedSales();
    const scan = scanWorkspace(dir);
    expect(scan.files.filter((f) => f.startsWith('threads/'))).toEqual([]);
    expect(scan.threadDirs).toEqual([]);
    expect(scan.diagnostics).toEqual([expect.objectContaining({ path: 'threads/sales', rule: 'path-refused', severity: 'error' })]);
    expect(scan.diagnostics[0]!.message).toMatch(/symbolic link pointing outside the workspace/);
  });

  it('a link at any level is refused: the threads folder, a thread folder, a file', () => {
    const outside = testdir({ 'meta.json': dealMeta('evil'), 'x.md': '---\ntitle: x\n---\n' });
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme') });
    symlinkSync(outside, join(dir, 'threads/sales/evil'));
    symlinkSync(join(outside, 'x.md'), join(dir, 'threads/sales/acme/1-input.md'));
    symlinkSync(join(dir, 'strategy/canvas/00-business-model-mode.md'), join(dir, 'goals/g-linked.md')); // inside, still refused
    const scan = scanWorkspace(dir);
    expect(scan.threadDirs).toEqual(['threads/sales/acme']);
    expect(scan.files).not.toContain('threads/sales/acme/1-input.md');
    expect(scan.diagnostics.map((d) => d.path).sort()).toEqual(['goals/g-linked.md', 'threads/sales/acme/1-input.md', 'threads/sales/evil']);
    expect(scan.diagnostics.find((d) => d.path === 'goals/g-linked.md')!.message).toMatch(/inside the workspace/);
  });

  it('every write refuses a target reached through a link, and makes no folder outside', () => {
    const { dir, outside } = linkedSales();
    const before = readdirSync(outside).sort();
    expect(() => writeFileIfChanged(dir, 'threads/sales/new-deal/meta.json', '{}')).toThrow(expect.objectContaining({ code: 'path-refused' }));
    expect(() => writeFileAtomicSync(dir, 'threads/sales/acme/meta.json', '{}')).toThrow(expect.objectContaining({ code: 'path-refused' }));
    expect(() => createFileExclusive(dir, 'threads/sales/x/y/z.md', 'x')).toThrow(expect.objectContaining({ code: 'path-refused' }));
    expect(readdirSync(outside).sort()).toEqual(before);
    expect(readFileSync(join(outside, 'acme/meta.json'), 'utf8')).toBe(dealMeta('acme'));
    // The file itself a link: never written through.
    writeFiles(dir, { 'goals/real.md': 'x' });
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'goals/g-link.md'));
    expect(() => writeFileIfChanged(dir, 'goals/g-link.md', 'overwritten')).toThrow(/symbolic link/);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('not yours\n');
  });

  it('deal new and sync through the CLI write nothing outside, and sync keeps working', async () => {
    const { dir, outside } = linkedSales();
    const before = readdirSync(outside).sort();
    const deal = await runJson<{ ok?: boolean; error?: { code: string } }>(['deal', 'new', 'Globex', '--segment', SEGMENT, '--dir', dir], { env: gitEnv() });
    expect(deal.code).toBe(1);
    expect(deal.json.error?.code).toBe('path-refused');
    const campaign = await runJson<{ error?: { code: string } }>(['campaign', 'new', 'Spring', '--segment', SEGMENT, '--dir', dir], { env: gitEnv() });
    expect(campaign.json.error?.code).toBe('path-refused');
    for (let i = 0; i < 2; i++) {
      const sync = await runCli(['sync', '--dir', dir], { env: gitEnv() });
      expect(sync.stderr).not.toMatch(/beyond a symbolic link/);
      expect(sync.code).not.toBe(2);
    }
    expect(readdirSync(outside).sort()).toEqual(before);
    expect(readFileSync(join(outside, 'acme/meta.json'), 'utf8')).toBe(dealMeta('acme'));
  }, 30_000);
});

describe('templates_dir never takes the workspace outside itself', () => {
  // A cloned workspace's config must not make deal new read templates from anywhere on the
  // machine: the engine refuses every other path outside the workspace.
  it.each([['../elsewhere'], ['ABSOLUTE'], ['.threadwork/../../elsewhere']])('refuses templates_dir %j at its line in check, and deal new uses the built-in templates', async (given) => {
    const outside = testdir({ 'threads/sales-deal/1-input.md.hbs': '---\nsource: inbound\n---\nREAD FROM OUTSIDE\n' });
    const dir = workspace();
    const value = given === 'ABSOLUTE' ? outside : given.replace('elsewhere', outside.split('/').pop()!);
    writeFiles(dir, { 'threadwork.config.yaml': `company: Testco\ntemplates_dir: ${JSON.stringify(value)}\n` });
    gitInit(dir);
    // The first case through the CLI, the others as the commands' own functions answer them.
    const viaCli = given === '../elsewhere';
    type Check = { diagnostics: { path: string; line: number; column: number; severity: string; message: string }[] };
    const check = viaCli ? await runJson<Check>(['check', '--dir', dir], { env: gitEnv() }) : await commandJson<Check>(() => checkCommand({}, { dir, json: true }));
    expect(check.code).toBe(1);
    expect(check.json.diagnostics.filter((d) => d.path === 'threadwork.config.yaml')).toEqual([
      expect.objectContaining({ line: 2, column: 16, severity: 'error', message: expect.stringMatching(/^Invalid `templates_dir`: expected a folder inside the workspace, such as \.threadwork\/templates/) }),
    ]);
    const deal = viaCli ? await runCli(['deal', 'new', 'Acme', '--segment', SEGMENT, '--no-commit', '--dir', dir], { env: gitEnv() }) : await commandJson(() => dealNewCommand('Acme', { segment: SEGMENT, commit: false }, { dir, json: true }));
    expect(deal.code, 'stderr' in deal ? deal.stderr : JSON.stringify(deal.json)).toBe(0);
    expect(readFileSync(join(dir, 'threads/sales/acme/1-input.md'), 'utf8')).not.toContain('READ FROM OUTSIDE');
  });

  it('does not read templates through a symbolic link', async () => {
    const outside = testdir({ 'threads/sales-deal/1-input.md.hbs': '---\nsource: inbound\n---\nREAD FROM OUTSIDE\n' });
    const dir = workspace();
    mkdirSync(join(dir, '.threadwork'), { recursive: true });
    symlinkSync(outside, join(dir, '.threadwork/templates'));
    gitInit(dir);
    const deal = await runCli(['deal', 'new', 'Acme', '--segment', SEGMENT, '--no-commit', '--dir', dir], { env: gitEnv() });
    expect(deal.code, deal.stderr).toBe(0);
    expect(readFileSync(join(dir, 'threads/sales/acme/1-input.md'), 'utf8')).not.toContain('READ FROM OUTSIDE');
  });
});

describe('special files are never opened', () => {
  it('a FIFO in a thread folder is skipped by the scan and refused by the reader, without blocking', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme') });
    mkfifo(join(dir, 'threads/sales/acme/call-notes.md'));
    const scan = scanWorkspace(dir);
    expect(scan.files).toEqual(expect.not.arrayContaining(['threads/sales/acme/call-notes.md']));
    expect(scan.diagnostics).toEqual([expect.objectContaining({ path: 'threads/sales/acme/call-notes.md', rule: 'special-file', severity: 'warning' })]);
    expect(() => readWorkspaceFile(dir, 'threads/sales/acme/call-notes.md')).toThrow(expect.objectContaining({ code: 'special-file' }));
    const check = await runJson<{ diagnostics: unknown[] }>(['check', '--dir', dir]); // would hang forever if the FIFO were opened
    expect(check.json.diagnostics).toBeInstanceOf(Array);
  }, 20_000);

  it('a FIFO named as a stage file is listed and refused by its read as an error, without blocking: the thread is held, not read without that stage', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme') });
    mkfifo(join(dir, 'threads/sales/acme/1-input.md'));
    const scan = scanWorkspace(dir);
    expect(scan.files).toContain('threads/sales/acme/1-input.md');
    expect(scan.diagnostics).toEqual([]);
    expect(() => readWorkspaceFile(dir, 'threads/sales/acme/1-input.md')).toThrow(expect.objectContaining({ code: 'special-file' }));
    const check = await runJson<{ diagnostics: { path: string; rule: string; severity: string }[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'threads/sales/acme/1-input.md', rule: 'path-refused', severity: 'error' })]));
  }, 20_000);

  it('a write onto a FIFO is refused', () => {
    const dir = workspace();
    mkfifo(join(dir, 'goals/g-fifo.md'));
    expect(() => writeFileIfChanged(dir, 'goals/g-fifo.md', 'x')).toThrow(expect.objectContaining({ code: 'path-refused' }));
  });

  it('threadwork score refuses a FIFO instead of waiting on it', async () => {
    const dir = workspace();
    mkfifo(join(dir, 'accounts.csv'));
    const started = Date.now();
    const score = await runJson<{ error?: { code: string; message: string } }>(['score', 'accounts.csv', '--segment', SEGMENT, '--dir', dir], { cwd: dir });
    expect(score.code).toBe(1);
    expect(score.json.error).toMatchObject({ code: 'path-refused' });
    expect(score.json.error!.message).toMatch(/FIFO/);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);
});

describe('a folder where a file belongs', () => {
  it('is reported by check at its path, each kind of file by name; other folders are left alone; removing one is seen', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/notes/call.txt': 'a call\n' });
    const folders = ['goals/g-dir.md', 'threads/sales/acme/1-input.md', 'threads/sales/globex/meta.json', 'strategy/canvas/07-channels.md'];
    for (const folder of folders) mkdirSync(join(dir, folder), { recursive: true });
    const expected = [
      ['goals/g-dir.md', 'the goal file of g-dir'],
      ['strategy/canvas/07-channels.md', 'the canvas section 07-channels.md'],
      ['threads/sales/acme/1-input.md', 'the stage file 1-input.md of threads/sales/acme'],
      ['threads/sales/globex/meta.json', 'the meta.json of threads/sales/globex'],
    ].map(([path, what]) => expect.objectContaining({ path, line: 1, column: 1, severity: 'error', rule: 'folder-not-file', message: expect.stringContaining(`Found a folder where ${what} is expected`) }));
    for (const run of ['first', 'again']) {
      const check = await runJson<{ diagnostics: { rule: string }[] }>(['check', '--dir', dir]);
      expect(check.code, run).toBe(1);
      expect(check.json.diagnostics.filter((d) => d.rule === 'folder-not-file'), run).toEqual(expected);
      expect(check.json.diagnostics.map((d) => JSON.stringify(d)).join('\n'), run).not.toMatch(/notes/);
    }
    // The fingerprint lists the folders as the scan does: removing one is seen by the next (cached) check.
    rmSync(join(dir, 'goals/g-dir.md'), { recursive: true });
    const after = await runJson<{ diagnostics: { path: string; rule: string }[] }>(['check', '--dir', dir]);
    expect(after.json.diagnostics.filter((d) => d.rule === 'folder-not-file').map((d) => d.path)).toEqual(folders.slice(1).sort());
  });

  it("holds a stage file made a folder, and sync never names the folder's files as sources to commit", async () => {
    const dir = exampleWorkspace();
    const stage = 'threads/sales/brightcart/6-learning.md';
    rmSync(join(dir, stage));
    writeFiles(dir, { [`${stage}/a.md`]: 'a note\n' });
    // The first sync asks git about every source; the second only about the files named by the record the first kept.
    for (const run of ['first', 'again']) {
      const sync = await runJson<{ diagnostics: { path: string; rule: string; severity: string; message: string }[]; uncommitted: string[]; commit: unknown }>(['sync', '--dir', dir]);
      expect(sync.code, run).toBe(1);
      expect(sync.json.diagnostics, run).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: stage, rule: 'folder-not-file', severity: 'error', message: expect.stringContaining('Found a folder where the stage file 6-learning.md of threads/sales/brightcart is expected') }),
          expect.objectContaining({ path: stage, rule: 'derived-held' }),
        ]),
      );
      expect(sync.json.uncommitted, run).toEqual([stage]);
      expect(sync.json.commit, run).toBeNull();
    }
    const text = await runCli(['sync', '--dir', dir]);
    expect(text.stdout + text.stderr).not.toMatch(/6-learning\.md\/a\.md/);
  }, 30_000);
});

describe('the CLI never reads a value as an option', () => {
  it('a company called --help opens a deal after --, and --json never prints help', async () => {
    const dir = workspace();
    const deal = await runJson<{ path?: string }>(['deal', 'new', '--dir', dir, '--', '--help', '--segment', SEGMENT]);
    expect(deal.code, deal.stdout).toBe(0);
    expect(deal.stdout).not.toMatch(/Usage:/);
    expect(JSON.parse(readFileSync(join(dir, 'threads/sales/help/meta.json'), 'utf8'))).toMatchObject({ title: '--help' });
    const rf = await runJson(['deal', 'new', '--dir', dir, '--segment', SEGMENT, '--', '-rf']);
    expect(rf.code, rf.stdout).toBe(0);
    expect(existsSync(join(dir, 'threads/sales/rf/meta.json'))).toBe(true);
  }, 20_000);

  it('with --json, help and commander errors are one JSON error document', async () => {
    const dir = workspace();
    for (const args of [['--help'], ['deal', 'new', '--help'], ['deal', 'new', '-rf', '--segment', SEGMENT], ['deal', 'new', 'Acme'], ['no-such-command']]) {
      const out = await runJson<{ ok: boolean; error: { code: string; message: string } }>([...args, '--dir', dir]);
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.json).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    }
    const rf = await runJson<{ error: { message: string } }>(['deal', 'new', '-rf', '--segment', SEGMENT, '--dir', dir]);
    expect(rf.json.error.message).toMatch(/after --/);
  }, 30_000);
});

describe('invisible and bidi characters', () => {
  it('are removed from names, folder names and titles', async () => {
    expect(cleanName('Ac\u202Eme\u200B Corp\uFEFF')).toBe('Acme Corp');
    expect(slugify('Ac\u200Bme\u2066 Corp')).toBe('acme-corp');
    const dir = workspace();
    const deal = await runJson(['deal', 'new', 'Ev\u202Eil\u200B Corp', '--title', 'Big\u2060 deal\u200F', '--segment', SEGMENT, '--dir', dir]);
    expect(deal.code, deal.stdout).toBe(0);
    const meta = readFileSync(join(dir, 'threads/sales/evil-corp/meta.json'), 'utf8');
    expect(JSON.parse(meta)).toMatchObject({ id: 'evil-corp', title: 'Big deal' });
    expect(meta).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/);
    // The deal's name and title through the CLI's argv above; the campaign's as its command's own function takes it.
    const campaign = await commandJson(() => campaignNewCommand('Spr\u202Eing', { segment: SEGMENT, date: '2026-03-01' }, { dir, json: true }));
    expect(campaign.code, JSON.stringify(campaign.json)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'threads/sales/campaigns/2026-03-01-spring/meta.json'), 'utf8'))).toMatchObject({ title: 'Spring' });
  }, 20_000);
});

describe('generated files saved with CRLF', () => {
  const output = { path: 'research/customer/icp/x-icp.yaml', content: 'segment: x\nfit: 1\n' };
  const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

  it('count as unedited and are not rewritten when only the line endings differ', () => {
    const plan = guardWrites([output], () => crlf(withMarker(output.path, output.content)));
    expect(plan.writes).toEqual([]);
    expect(plan.files).toEqual([{ path: output.path, action: 'unchanged', stale: false }]);
  });

  it('keep CRLF when regenerated with new content', () => {
    const plan = guardWrites([{ ...output, content: 'segment: x\nfit: 2\n' }], () => crlf(withMarker(output.path, output.content)));
    expect(plan.files[0]!.action).toBe('updated');
    expect(plan.writes[0]!.after).toBe(crlf(withMarker(output.path, 'segment: x\nfit: 2\n')));
  });

  it('an LF file stays LF', () => {
    const plan = guardWrites([{ ...output, content: 'segment: x\nfit: 2\n' }], () => withMarker(output.path, output.content));
    expect(plan.writes[0]!.after).not.toContain('\r');
  });
});


describe('a thread whose meta.json type contradicts its folder', () => {
  it('is reported and left out of every figure, never read as the type it claims (fuzz, seed 751939544)', async () => {
    const dir = exampleWorkspace();
    const thread = 'threads/marketing/clearing-an-audit-finding-on-ach-returns-in-one-pilot';
    const meta = JSON.parse(readFileSync(join(dir, thread, 'meta.json'), 'utf8')) as Record<string, unknown>;
    writeFiles(dir, { [`${thread}/meta.json`]: `${JSON.stringify({ ...meta, type: 'sales-deal' }, null, 2)}\n` });
    const ws = await openWorkspace(dir);
    // Its stage files were validated as a marketing thread's: scoring them as a deal's threw.
    const sync = await ws.sync({ commit: false });
    expect(sync.written.filter((p) => p.startsWith(thread))).toEqual([]);
    const check = await ws.check();
    expect(check.diagnostics.filter((d) => d.path === `${thread}/meta.json`).map((d) => d.rule)).toContain('thread-type-folder');
    expect((await ws.sync({ commit: false })).written).toEqual([]);
  });
});
