import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { strategyCommand } from '../src/cli/commands/strategy.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { REPO_ROOT, runCli, runJson } from './helpers/cli.js';
import { commitCount, git, gitInit } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { copyOfPrepared, preparedCopy } from './helpers/prepared.js';
import { read, testdir, writeFiles } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

interface StrategyJson {
  files: { path: string; action: string; stale: boolean }[];
  written: string[];
  segments: { id: string; missing: { section: string; key: string; message: string }[] }[];
  diagnostics: { path: string; rule: string; severity: string; message: string }[];
  sync: { written: string[]; triggers: string[]; diagnostics: { path: string; rule: string; severity: string }[] } | null;
  commit: { committed: boolean; paths: string[] } | null;
}

const SEGMENTS = ['mid-market-fintech', 'ecommerce-finance'];
const FILES = (segment: string): string[] => [
  `research/customer/icp/${segment}-icp.yaml`,
  ...['problem', 'solution', 'specifics'].map((n) => `artifacts/sales/${segment}/narrative/${n}-narrative.md`),
  ...['pitch-deck', 'one-pager', 'call-scripts', 'email-templates', 'pilot-agreement', 'contract-template'].map((m) => `artifacts/sales/${segment}/materials/${m}.md`),
];

/*
 * Speed: a CLI process costs one to two seconds on the loaded two-core machine. Where a
 * test is about what strategy generates, keeps, commits or reports, or what check and sync
 * answer after it, it runs the commands' own functions (commandJson: the JSON and exit code
 * `… --json` prints). Strategy keeps real CLI runs for its printed lines (the commit and
 * what it holds) and its refusal of an unknown segment on stderr, and one real --json run.
 * The example without its strategy files is git-initialised once per file and copied, and
 * so is the example with every segment's strategy generated and committed.
 */

/** `threadwork strategy [segments…] [--force] --json --dir <dir>`, without a process. */
const strategyJson = (dir: string, segments: string[] = [], flags: { force?: boolean } = {}): ReturnType<typeof commandJson<StrategyJson>> =>
  commandJson<StrategyJson>(() => strategyCommand(segments, { force: flags.force === true, commit: true }, { dir, json: true }));

/** `threadwork check --json --dir <dir>`, without a process. */
const checkJson = <T>(dir: string): ReturnType<typeof commandJson<T>> => commandJson<T>(() => checkCommand({}, { dir, json: true }));

/** A git copy of the bundled example without its generated strategy files, where strategy can write freely. */
function exampleCopy(): string {
  return copyOfPrepared('example without strategy', exampleWithoutStrategy);
}

/** exampleCopy() after `threadwork strategy` generated and committed every segment's files. */
function generatedCopy(): Promise<string> {
  return preparedCopy('example with strategy', async () => {
    const dir = exampleCopy();
    expect((await strategyJson(dir)).code).toBe(0);
    return dir;
  });
}

function exampleWithoutStrategy(): string {
  const dir = testdir();
  for (const entry of ['threadwork.config.yaml', 'strategy', 'goals', 'threads', 'research', 'artifacts']) cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  rmSync(join(dir, 'research/customer/icp'), { recursive: true, force: true });
  rmSync(join(dir, 'artifacts/sales'), { recursive: true, force: true });
  gitInit(dir);
  return dir;
}

describe('threadwork strategy', () => {
  it('generates the ICP, three narratives and six materials for each example segment, segment-specific and with no placeholder left', async () => {
    const dir = exampleCopy();
    const result = await runJson<StrategyJson>(['strategy', '--dir', dir]);
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    expect(result.json.written.sort()).toEqual(SEGMENTS.flatMap(FILES).sort());
    expect(result.json.segments.flatMap((s) => s.missing)).toEqual([]);
    for (const segment of SEGMENTS) {
      const other = SEGMENTS.find((s) => s !== segment)!;
      for (const file of FILES(segment)) {
        const text = read(dir, file);
        expect(text, file).not.toMatch(/\{\{|\}\}|\{company\}|\[(Name|Company|Your [a-z]+|First name)\]|\bTBD\b|lorem ipsum|\bXX\b/i);
        expect(text, file).not.toMatch(/fill in `/);
        if (!file.endsWith('.yaml')) expect(text, file).not.toMatch(/&amp;|&#x27;|&quot;/);
        if (file.includes('/materials/') || file.includes('/narrative/')) expect(text, `${file} names its segment`).toContain(segment === 'mid-market-fintech' ? 'Mid-market fintech' : 'E-commerce finance teams');
        void other;
      }
      const deck = read(dir, `artifacts/sales/${segment}/materials/pitch-deck.md`);
      const slides = deck.match(/^## Slide \d+/gm) ?? [];
      expect(slides.length).toBeGreaterThanOrEqual(10);
      expect(slides.length).toBeLessThanOrEqual(14);
      const emails = read(dir, `artifacts/sales/${segment}/materials/email-templates.md`);
      for (const day of [0, 3, 7, 14, 21]) expect(emails).toMatch(new RegExp(`Day ${day}\\b`));
    }
    const check = await checkJson<{ errors: number; warnings: number; diagnostics: unknown[] }>(dir);
    expect(check.json.errors, JSON.stringify(check.json.diagnostics)).toBe(0);
    expect(result.json.commit).toMatchObject({ committed: true });
  });

  it('keeps a file edited by hand, overwrites it with --force, and is idempotent', async () => {
    const dir = exampleCopy();
    expect((await strategyJson(dir, ['mid-market-fintech'])).code).toBe(0);
    const onePager = 'artifacts/sales/mid-market-fintech/materials/one-pager.md';
    const edited = `${read(dir, onePager)}\nOur own closing line.\n`;
    writeFileSync(join(dir, onePager), edited);
    const commits = commitCount(dir);

    const again = await strategyJson(dir, ['mid-market-fintech']);
    expect(again.json.written).toEqual([]);
    expect(again.json.files.find((f) => f.path === onePager)).toMatchObject({ action: 'kept-edited', stale: false });
    expect(again.json.files.filter((f) => f.path !== onePager).every((f) => f.action === 'unchanged')).toBe(true);
    expect(read(dir, onePager)).toBe(edited);
    expect(commitCount(dir)).toBe(commits);

    const forced = await strategyJson(dir, ['mid-market-fintech'], { force: true });
    expect(forced.json.files.find((f) => f.path === onePager)).toMatchObject({ action: 'overwritten' });
    expect(read(dir, onePager)).not.toContain('Our own closing line.');
  });

  it('follows the canvas on sync: unedited files regenerate, edited ones are reported stale', async () => {
    const dir = await generatedCopy();
    const deck = 'artifacts/sales/mid-market-fintech/materials/pitch-deck.md';
    const onePager = 'artifacts/sales/mid-market-fintech/materials/one-pager.md';
    writeFileSync(join(dir, onePager), `${read(dir, onePager)}\nHand-written.\n`);
    const uvp = read(dir, 'strategy/canvas/07-uvp.md').replace(/^uvp: .*$/m, 'uvp: Close the books in three days with every transaction explained');
    writeFiles(dir, { 'strategy/canvas/07-uvp.md': uvp });
    const sync = await commandJson<{ written: string[]; diagnostics: { path: string; rule: string }[] }>(() => syncCommand({ commit: true }, { dir, json: true }));
    expect(sync.code).toBe(0);
    expect(sync.json.written).toContain(deck);
    expect(read(dir, deck)).toContain('three days');
    expect(sync.json.diagnostics).toContainEqual(expect.objectContaining({ path: onePager, rule: 'strategy-stale' }));
    expect(read(dir, onePager)).toContain('Hand-written.');
    const second = await commandJson<{ written: string[] }>(() => syncCommand({ commit: true }, { dir, json: true }));
    expect(second.json.written).toEqual([]);
  });

  it('says which canvas section to fill in where the canvas lacks something, and check warns', async () => {
    const dir = workspace();
    gitInit(dir);
    const result = await strategyJson(dir, ['ecommerce-finance']);
    expect(result.code).toBe(0);
    const missing = result.json.segments[0]!.missing.map((m) => `${m.section}:${m.key}`);
    expect(missing).toEqual(expect.arrayContaining(['07-uvp:uvp', '11-pricing:tiers']));
    expect(read(dir, 'artifacts/sales/ecommerce-finance/materials/one-pager.md')).toMatch(/fill in `uvp` in strategy\/canvas\/07-uvp\.md/);
    // Missing prose is asked for as text to write, never as a key named `the section prose`.
    const gtm = result.json.segments[0]!.missing.find((m) => m.section === '15-gtm');
    expect(gtm?.message).toMatch(/write a paragraph below the front matter of strategy\/canvas\/15-gtm\.md$/);
    expect(JSON.stringify(result.json)).not.toContain('`the section prose`');
    const check = await checkJson<{ diagnostics: { path: string; rule: string; severity: string }[] }>(dir);
    expect(check.json.diagnostics).toContainEqual(expect.objectContaining({ path: 'strategy/canvas/07-uvp.md', rule: 'strategy-input-missing', severity: 'warning' }));
  });

  it('check warns at a segment added after the others were generated, until `threadwork strategy` generates it; never in a workspace that generates none', async () => {
    const dir = await generatedCopy();
    const segments = 'strategy/canvas/04-segments.md';
    const text = read(dir, segments);
    const end = text.indexOf('\n---\n', 4);
    writeFiles(dir, { [segments]: `${text.slice(0, end)}\n  - id: saas-finance\n    name: SaaS finance teams\n    description: B2B software companies that recognise revenue by hand${text.slice(end)}` });
    const idLine = read(dir, segments).split('\n').findIndex((line) => line.includes('id: saas-finance')) + 1;
    type Checked = { diagnostics: { path: string; line: number; rule: string; severity: string; message: string; field?: string }[] };
    const before = await checkJson<Checked>(dir);
    const warned = before.json.diagnostics.filter((d) => d.rule === 'strategy-not-generated');
    expect(warned).toEqual([expect.objectContaining({ path: segments, line: idLine, severity: 'warning', field: 'segments[2].id' })]);
    expect(warned[0]!.message).toMatch(/^Segment saas-finance has no generated strategy files .* while mid-market-fintech and ecommerce-finance have: .*Run `threadwork strategy saas-finance`$/);
    expect((await strategyJson(dir, ['saas-finance'])).code).toBe(0);
    expect((await checkJson<Checked>(dir)).json.diagnostics.filter((d) => d.rule === 'strategy-not-generated')).toEqual([]);
    // The example before any strategy is generated: nothing to say.
    expect((await checkJson<Checked>(exampleCopy())).json.diagnostics.filter((d) => d.rule === 'strategy-not-generated')).toEqual([]);
  });

  it('a segment without a problem in 05-problem heads its one-pager and deck with its first pain, and lists only the other pains below it', async () => {
    const dir = await generatedCopy();
    const segments = 'strategy/canvas/04-segments.md';
    const text = read(dir, segments);
    const end = text.indexOf('\n---\n', 4);
    const pains = (...list: string[]): string => list.map((p) => `\n      - ${p}`).join('');
    const segment = (painList: string): string => `\n  - id: saas-finance\n    name: SaaS finance teams\n    description: B2B software companies\n    pains:${painList}`;
    writeFiles(dir, { [segments]: `${text.slice(0, end)}${segment(pains('Revenue recognition in spreadsheets'))}${text.slice(end)}` });
    expect((await strategyJson(dir, ['saas-finance'])).code).toBe(0);
    const onePager = read(dir, 'artifacts/sales/saas-finance/materials/one-pager.md');
    expect(onePager).toContain('**Revenue recognition in spreadsheets.** Most teams handle it today with spreadsheets and manual work.\n\nIt gets worse');
    expect(onePager.match(/Revenue recognition in spreadsheets/g)).toHaveLength(1);
    const deck = read(dir, 'artifacts/sales/saas-finance/materials/pitch-deck.md');
    expect(deck).toContain('## Slide 2 — The problem\n\n- **Revenue recognition in spreadsheets**\n\n> Speaker note');
    // Two pains: the second is listed under the first.
    writeFiles(dir, { [segments]: `${text.slice(0, end)}${segment(pains('Revenue recognition in spreadsheets', 'Dunning by hand'))}${text.slice(end)}` });
    expect((await strategyJson(dir, ['saas-finance'])).code).toBe(0);
    expect(read(dir, 'artifacts/sales/saas-finance/materials/one-pager.md')).toContain('**Revenue recognition in spreadsheets.** Most teams handle it today with spreadsheets and manual work, and it shows:\n\n- Dunning by hand\n\nIt gets worse');
    // A segment with problems of its own keeps every pain under the top problem.
    expect(read(dir, 'artifacts/sales/ecommerce-finance/materials/one-pager.md')).toMatch(/one line\.\*\* Most teams .*, and it shows:\n\n- Marketplace payouts net fees.*\n- Revenue leaks.*\n- The books are three weeks behind/);
  });

  it('a broken config is one problem, not also a company name missing; a config without `company` says to fill it in there', async () => {
    const dir = await generatedCopy();
    const config = read(dir, 'threadwork.config.yaml');
    for (const broken of ['', 'company: [Ledgerline\n']) {
      writeFileSync(join(dir, 'threadwork.config.yaml'), broken);
      const check = await checkJson<{ diagnostics: { path: string; rule: string }[] }>(dir);
      expect(check.json.diagnostics.map((d) => `${d.path} ${d.rule}`), JSON.stringify(broken)).toEqual([`threadwork.config.yaml ${broken ? 'yaml-syntax' : 'file-empty'}`]);
    }
    writeFileSync(join(dir, 'threadwork.config.yaml'), config.replace(/^company: .*\n/m, ''));
    const check = await checkJson<{ diagnostics: { path: string; line: number; rule: string; message: string }[] }>(dir);
    expect(check.json.diagnostics.map((d) => `${d.path}:${d.line} ${d.rule} ${d.message}`)).toEqual([
      'threadwork.config.yaml:1 strategy-input-missing Your company name is missing: fill in `company` in threadwork.config.yaml (the generated sales files say so where it is needed)',
    ]);
    const strategy = await strategyJson(dir, [], { force: true });
    expect(strategy.json.segments[0]!.missing).toContainEqual(expect.objectContaining({ key: 'company', path: 'threadwork.config.yaml' }));
    expect(read(dir, 'artifacts/sales/mid-market-fintech/materials/one-pager.md')).toContain('_(fill in `company` in threadwork.config.yaml)_');
  });

  it('names the template and line when an override uses an unknown variable', async () => {
    const dir = exampleCopy();
    writeFiles(dir, { '.threadwork/templates/strategy/materials/one-pager.md.hbs': '# {{segment.name}}\n\n{{segment.ceo}}\n' });
    const result = await strategyJson(dir, ['mid-market-fintech']);
    expect(result.code).toBe(1);
    expect(result.json.diagnostics[0]!.message).toMatch(/one-pager\.md\.hbs:3:\d+: `\{\{ceo\}\}` names no value this template is given/);
    expect(readFileSync(join(dir, 'strategy/canvas/04-segments.md'), 'utf8')).toContain('mid-market-fintech');
  });

  it('refuses an unknown segment', async () => {
    const result = await runCli(['strategy', 'space-agencies']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Unknown segment "space-agencies": expected one of mid-market-fintech, ecommerce-finance/);
  });

  it('names what its commit holds besides the generated files: the derived figures it moved and your edits they follow from, once nothing names the removed segment', async () => {
    const dir = await generatedCopy(); // generated and committed
    // The second segment removed by hand: its deals now name a segment that is gone.
    const segmentsFile = join(dir, 'strategy/canvas/04-segments.md');
    const text = readFileSync(segmentsFile, 'utf8');
    const start = text.indexOf('  - id: ecommerce-finance');
    const removed = text.slice(0, start) + text.slice(text.indexOf('\n', text.indexOf('    sample_companies:', start)) + 1);
    writeFileSync(segmentsFile, removed);
    const commits = commitCount(dir);
    // While they do, the canvas is held with them (engine/held-definitions.ts): committed, the
    // metrics would have dropped the segment's deals from every figure.
    const held = await strategyJson(dir);
    expect(held.json.written).toEqual([]);
    expect(held.json.sync?.written).toEqual([]);
    expect(held.json.sync?.diagnostics.filter((d) => d.rule === 'unknown-segment').map((d) => d.path)).toContain('threads/sales/brightcart/meta.json');
    expect(held.json.sync?.diagnostics.filter((d) => d.rule === 'derived-held').map((d) => d.path)).toContain('strategy/canvas/04-segments.md');
    expect(commitCount(dir)).toBe(commits);

    // The deals moved to the other segment: the removal is committed, with what it moved.
    const deals = ['brightcart', 'fernway-home', 'oakline-outfitters'].map((name) => `threads/sales/${name}/meta.json`);
    const moveDeals = (): void => {
      for (const path of deals) writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replace('"segment": "ecommerce-finance"', '"segment": "mid-market-fintech"'));
    };
    moveDeals();
    // The assumptions and problems still naming the segment hold the canvas too: committed, HEAD's 10-assumptions.md would name a segment HEAD lacks.
    const stillNamed = await strategyJson(dir);
    expect(stillNamed.json.sync?.diagnostics.filter((d) => d.rule === 'unknown-segment').map((d) => d.path).sort()).toEqual(['strategy/canvas/05-problem.md', 'strategy/canvas/05-problem.md', 'strategy/canvas/10-assumptions.md', 'strategy/canvas/10-assumptions.md']);
    expect(stillNamed.json.sync?.diagnostics.filter((d) => d.rule === 'derived-held').map((d) => d.path)).toContain('strategy/canvas/04-segments.md');
    // The deals, valid against HEAD's canvas too, are committed with the figures they move; the canvas is not.
    expect(stillNamed.json.commit?.paths.sort()).toEqual(['strategy/canvas/13-metrics.md', ...deals].sort());
    expect(git(dir, 'show', 'HEAD:strategy/canvas/04-segments.md')).toContain('id: ecommerce-finance');
    const canvas = ['strategy/canvas/05-problem.md', 'strategy/canvas/10-assumptions.md'];
    const moveCanvas = (): void => {
      for (const path of canvas) writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8').replaceAll('segment: ecommerce-finance', 'segment: mid-market-fintech'));
    };
    moveCanvas();
    const json = await strategyJson(dir);
    // The problems moved into mid-market-fintech: its narratives and materials that state them are generated again.
    expect(json.json.written.every((path) => path.startsWith('artifacts/sales/mid-market-fintech/'))).toBe(true);
    expect(json.json.commit?.paths.sort()).toEqual(['strategy/canvas/04-segments.md', 'strategy/canvas/13-metrics.md', ...canvas, ...json.json.written].sort());
    expect(json.json.sync?.written.sort()).toEqual(['strategy/canvas/13-metrics.md']);
    expect(json.json.sync?.triggers.sort()).toEqual(['strategy/canvas/04-segments.md', ...canvas, ...json.json.written].sort());
    expect(json.json.sync?.diagnostics.filter((d) => d.rule === 'unknown-segment')).toEqual([]);

    // The same in words: nothing in the commit goes unnamed.
    git(dir, 'reset', '--hard', 'HEAD~2');
    writeFileSync(segmentsFile, removed);
    moveDeals();
    moveCanvas();
    const printed = await runCli(['strategy', '--dir', dir]);
    expect(printed.stdout).toMatch(/^derived +.*strategy\/canvas\/13-metrics\.md$/m);
    expect(printed.stdout).toMatch(/^with +strategy\/canvas\/04-segments\.md, .* \(your edits these values follow from\)$/m);
    expect(printed.stdout).toMatch(new RegExp(`^committed [0-9a-f]{10} \\(${7 + json.json.written.length} paths\\)$`, 'm'));
  });
});

// On a workspace fresh from `init`, `threadwork strategy` printed nothing and exited 0: the
// person could not tell whether it had run, or why it made no file.
describe('threadwork strategy before any segment is defined', () => {
  it('says there is no segment and what to do, and writes nothing', async () => {
    const dir = testdir();
    expect((await runCli(['init', dir, '--no-git'])).code).toBe(0);
    const printed = await runCli(['strategy', '--no-commit'], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout.trim()).toBe('No segments in strategy/canvas/04-segments.md: define one (its id, name and filters; the file shows an example), then run `threadwork strategy` again.');
    const json = await runJson<{ segments: unknown[]; written: unknown[] }>(['strategy', '--no-commit'], { cwd: dir });
    expect(json.json).toMatchObject({ ok: true, segments: [], written: [] });
  });

  it('score, campaign new and strategy refuse a segment in the same words, saying where to define one', async () => {
    const dir = testdir();
    expect((await runCli(['init', dir, '--no-git'])).code).toBe(0);
    writeFiles(dir, { 'accounts.csv': 'name,domain\nAcme,acme.com\n' });
    const refusals = await Promise.all([
      runJson<{ error: unknown }>(['score', 'accounts.csv', '-s', 'fintech'], { cwd: dir }),
      runJson<{ error: unknown }>(['campaign', 'new', 'Q1 push', '-s', 'fintech', '--no-commit'], { cwd: dir }),
      runJson<{ error: unknown }>(['strategy', 'fintech', '--no-commit'], { cwd: dir }),
    ]);
    for (const { code, json } of refusals) {
      expect(code).toBe(1);
      expect(json.error).toEqual({
        code: 'unknown-segment',
        message: 'Unknown segment "fintech": expected a segment defined in strategy/canvas/04-segments.md — none is defined yet: add one there (an item of `segments:` with its `id`), then run the command again',
        segment: 'fintech',
        known: [],
      });
    }
  });

  // Segments written under a misspelt key are read as none: "none is defined yet: add one there" sent the person to add what they had written.
  it('a segment refused while the list is under a misspelt key names the key to rename, not "none is defined yet"', async () => {
    const dir = testdir();
    expect((await runCli(['init', dir, '--no-git'])).code).toBe(0);
    const segments = join(dir, 'strategy/canvas/04-segments.md');
    const text = readFileSync(segments, 'utf8');
    writeFileSync(segments, text.replace('segments: []\n', 'segmentz:\n  - id: fintech\n    name: Fintech\n'));
    const line = text.slice(0, text.indexOf('segments: []')).split('\n').length;
    const refusals = await Promise.all([
      runJson<{ error: { message: string; known: string[]; diagnostics: unknown[] } }>(['deal', 'new', 'Acme', '-s', 'fintech', '--no-commit'], { cwd: dir }),
      runJson<{ error: { message: string; known: string[]; diagnostics: unknown[] } }>(['strategy', 'fintech', '--no-commit'], { cwd: dir }),
    ]);
    for (const { code, json } of refusals) {
      expect(code).toBe(1);
      expect(json.error.message).toBe(
        `Unknown segment "fintech": expected a segment defined in strategy/canvas/04-segments.md — none is read from it: \`segmentz:\` at strategy/canvas/04-segments.md:${line}:1 looks like \`segments:\`, the key threadwork reads (it ignores \`segmentz\`): rename it, then run the command again`,
      );
      expect(json.error.known).toEqual([]);
      expect(json.error.diagnostics).toEqual([expect.objectContaining({ path: 'strategy/canvas/04-segments.md', line, column: 1, rule: 'key-misspelt', field: 'segmentz' })]);
    }
  });

  it('a segment refused while 04-segments.md is broken names its error and what its held version defines, not "none is defined yet"', async () => {
    const dir = testdir();
    expect((await runCli(['init', dir])).code).toBe(0); // committed: HEAD's segments file has `segments: []`
    const segments = join(dir, 'strategy/canvas/04-segments.md');
    writeFileSync(segments, readFileSync(segments, 'utf8').replace('segments: []\n', 'segments:\n  - id: fintech\n    name: [Fintech\n'));
    writeFiles(dir, { 'accounts.csv': 'name,domain\nAcme,acme.com\n' });
    const error = {
      path: 'strategy/canvas/04-segments.md',
      line: 6,
      column: 11,
      severity: 'error',
      rule: 'yaml-syntax',
    };
    const refusals = await Promise.all([
      runJson<{ error: { message: string; known: string[]; diagnostics: unknown[] } }>(['deal', 'new', 'Acme', '-s', 'fintech', '--no-commit'], { cwd: dir }),
      runJson<{ error: { message: string; known: string[]; diagnostics: unknown[] } }>(['campaign', 'new', 'Q1 push', '-s', 'fintech', '--no-commit'], { cwd: dir }),
      runJson<{ error: { message: string; known: string[]; diagnostics: unknown[] } }>(['score', 'accounts.csv', '-s', 'fintech'], { cwd: dir }),
      runJson<{ error: { message: string; known: string[]; diagnostics: unknown[] } }>(['strategy', 'fintech', '--no-commit'], { cwd: dir }),
    ]);
    for (const { code, json } of refusals) {
      expect(code).toBe(1);
      expect(json.error.message).toMatch(
        /^Unknown segment "fintech": strategy\/canvas\/04-segments\.md is broken — strategy\/canvas\/04-segments\.md:6:11 Invalid YAML: .* — and its last valid version, used until it is fixed, defines none: fix it \(`threadwork check` lists its errors\), then run the command again$/,
      );
      expect(json.error.known).toEqual([]);
      expect(json.error.diagnostics).toEqual([expect.objectContaining(error)]);
    }
    // The text output says the same; with segments in the held version, it names them.
    writeFileSync(segments, readFileSync(segments, 'utf8').replace('segments:\n  - id: fintech\n    name: [Fintech\n', 'segments:\n  - id: fintech\n    name: Fintech\n'));
    expect((await runCli(['sync'], { cwd: dir })).code).toBe(0);
    writeFileSync(segments, readFileSync(segments, 'utf8').replace('    name: Fintech\n', '    name: [Fintech\n'));
    const printed = await runCli(['deal', 'new', 'Acme', '-s', 'retail', '--no-commit'], { cwd: dir });
    expect(printed.code).toBe(1);
    expect(printed.stderr).toContain('error: Unknown segment "retail": strategy/canvas/04-segments.md is broken — strategy/canvas/04-segments.md:6:11 Invalid YAML');
    expect(printed.stderr).toContain('— and its last valid version, used until it is fixed, defines fintech: fix it');
  });
});
