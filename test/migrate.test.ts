import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { migrateCommand } from '../src/cli/commands/migrate.js';
import { parseFrontMatter } from '../src/markdown/front-matter.js';
import { mapStage, type MigrationContext } from '../src/migrate/map-stage.js';
import { readDate, readDays, readMoney, readProbability } from '../src/migrate/values.js';
import { REPO_ROOT, runCli, runJson } from './helpers/cli.js';
import { connectMcp } from './helpers/mcp.js';
import { commitCount, git, gitInit, lastCommitPaths } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { copyOfPrepared } from './helpers/prepared.js';
import { md, read } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/leanos-method');
const DEAL = 'threads/sales/elsa-retail';
const CAMPAIGN = 'threads/sales/campaigns/2026-04-06-luxury-cto-outbound';
const TODAY = { THREADWORK_TODAY: '2026-11-22' };

const fixture = (thread: 'deal' | 'campaign', file: string): string => readFileSync(join(FIXTURES, thread, file), 'utf8');
const stageFiles = (thread: 'deal' | 'campaign'): string[] => readdirSync(join(FIXTURES, thread)).filter((f) => /^[1-6]-\w+\.md$/.test(f)).sort();

/*
 * Speed: the method workspace and its repository are built once per file and copied per
 * test (copyOfPrepared) unless a test adds files to it, and where a test is about what
 * check or migrate answer rather than the process, it runs the command's own function
 * (src/cli/commands/*): the same JSON and exit code the CLI prints. Each CLI behaviour
 * checked here keeps a real run: check (--json, text), migrate (--dry-run, text, a commit,
 * nothing to do, a hostile path, a path typed in a subfolder, a missing path, a blocked
 * file, --json against the schema) and advance.
 */

/** `threadwork check --json --dir <dir>`, without a process. */
const checkJson = <T>(dir: string): ReturnType<typeof commandJson<T>> => commandJson<T>(() => checkCommand({}, { dir, json: true }));

/** `threadwork migrate [paths] [--dry-run] [--no-commit] --json --dir <dir>`, without a process. */
function migrateJson<T = MigratedJson>(dir: string, paths: readonly string[] = [], flags: { dryRun?: boolean; commit?: boolean } = {}): ReturnType<typeof commandJson<T>> {
  return commandJson<T>(() => migrateCommand(paths, { dryRun: flags.dryRun === true, commit: flags.commit !== false }, { dir, json: true }));
}

/** A workspace knowing A4 and the luxury segment, holding both fixture threads exactly as the method writes them (with `extra`, built afresh; without, a copy of one built once per file). */
function methodWorkspace(extra: Record<string, string> = {}): string {
  return Object.keys(extra).length === 0 ? copyOfPrepared('method', () => buildMethodWorkspace({})) : buildMethodWorkspace(extra);
}

function buildMethodWorkspace(extra: Record<string, string>): string {
  const files: Record<string, string> = {
    'strategy/canvas/04-segments.md': md('title: Segments\nsegments:\n  - id: luxury-fashion\n    name: Luxury fashion brands\n'),
    'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions:\n  - id: A1\n    statement: Controllers spend five days on the close\n    prior: 0.5\n  - id: A4\n    statement: Enterprise customers prefer white-label\n    prior: 0.6\n'),
    'goals/g-first-customers.md': md('id: g-first-customers\ntitle: First customers\ndeadline: 2026-12-31\ncreated: 2026-03-01\nmetrics:\n  - name: won_count\n    target: 3\n'),
    [`${DEAL}/meta.json`]: dealMeta('elsa-retail', { title: 'Elsa Retail', segment: 'luxury-fashion', goal_id: 'g-first-customers', created: '2026-03-02' }),
    [`${CAMPAIGN}/meta.json`]: `${JSON.stringify({ id: '2026-04-06-luxury-cto-outbound', type: 'sales-campaign', title: 'Luxury CTO outbound', segment: 'luxury-fashion', source: 'outbound', created: '2026-04-06' }, null, 2)}\n`,
  };
  for (const file of stageFiles('deal')) files[`${DEAL}/${file}`] = fixture('deal', file);
  for (const file of stageFiles('campaign')) files[`${CAMPAIGN}/${file}`] = fixture('campaign', file);
  const dir = workspace({ ...files, ...extra });
  gitInit(dir);
  return dir;
}

/** Every labelled line of a fixture, found independently of the migrate code: `Label: value`, a label of at most eight words (docs/migrate.md). */
function labelledLines(text: string): number[] {
  return text
    .split('\n')
    .map((line, i) => ({ label: /^(?:[-*]\s+)?(?:\*\*)?([A-Za-z0-9][^:|]{0,60}?)(?::\*\*|\*\*:|:)\s+\S/.exec(line)?.[1], line, n: i + 1 }))
    .filter(({ label, line }) => label !== undefined && label.trim().split(/\s+/).length <= 8 && !line.startsWith('#'))
    .map(({ n }) => n);
}

interface MigratedJson {
  dryRun: boolean;
  files: { path: string; frontMatter: Record<string, unknown>; offset: number; lines: { line: number; bodyLine: number; text: string; status: string; reason?: string; fields?: Record<string, unknown> }[] }[];
  skipped: { path: string; reason: string; blocked: boolean; errors: { path: string; line: number; column: number; rule: string }[] }[];
  unmapped: number;
  commit: { committed: boolean } | null;
}

describe('check on stage files written the method\'s way', () => {
  it('warns about each stage file without front matter, names the fields its labelled lines map to and says to run migrate', async () => {
    const dir = methodWorkspace();
    const { json, code } = await runJson<{ ok: boolean; warnings: number; diagnostics: { path: string; line: number; rule: string; severity: string; message: string }[] }>(['check', '--dir', dir]);
    expect(code).toBe(0);
    const warnings = json.diagnostics.filter((d) => d.rule === 'stage-front-matter-missing');
    expect(warnings.map((d) => d.path).sort()).toEqual([...stageFiles('campaign').map((f) => `${CAMPAIGN}/${f}`), ...stageFiles('deal').map((f) => `${DEAL}/${f}`)].sort());
    for (const w of warnings) {
      expect(w).toMatchObject({ severity: 'warning', line: 1 });
      expect(w.message).toContain(`threadwork migrate ${w.path}`);
    }
    const implication = warnings.find((d) => d.path === `${DEAL}/3-implication.md`)!;
    expect(implication.message).toContain('`arr_potential` (line 3)');
    expect(implication.message).toContain('`strategic_value` (line 4)');
    const text = await runCli(['check', '--dir', dir]);
    expect(text.stdout).not.toContain('no problems');
    expect(text.stdout).toMatch(/threads\/sales\/elsa-retail\/3-implication\.md:1:1 warning No front matter/);
  });

  it('says nothing about a content thread\'s free-form stages, and migrate leaves them alone', async () => {
    const thread = 'threads/marketing/white-label-case-study';
    const dir = methodWorkspace({
      [`${thread}/meta.json`]: `${JSON.stringify({ id: 'white-label-case-study', type: 'marketing', title: 'White-label case study', source: 'inbound', created: '2026-04-20' }, null, 2)}\n`,
      [`${thread}/1-input.md`]: md('topic: White-label case study\npriority: high'),
      [`${thread}/2-hypothesis.md`]: md('tests: [A4]\ninitial_confidence: 0.6'),
      [`${thread}/3-implication.md`]: '# Implication\n\nReach: 50,000 CTOs\n',
    });
    const { json } = await checkJson<{ diagnostics: { path: string; rule: string }[] }>(dir);
    expect(json.diagnostics.filter((d) => d.path.startsWith(thread))).toEqual([]);
    const migrated = await migrateJson(dir, [], { dryRun: true });
    expect(migrated.json.files.map((f) => f.path)).not.toContain(`${thread}/3-implication.md`);
  });

  it('says nothing about stage files that have front matter (the example workspace)', async () => {
    const dir = workspace({ [`${DEAL}/meta.json`]: dealMeta('elsa-retail'), [`${DEAL}/1-input.md`]: md('source: inbound', '\n# Input\n\nDate: 2026-03-02\n') });
    const { json } = await checkJson<{ diagnostics: { rule: string }[] }>(dir);
    expect(json.diagnostics.filter((d) => d.rule === 'stage-front-matter-missing')).toEqual([]);
  });
});

describe('threadwork migrate', () => {
  it('--dry-run shows the front matter and every unmapped line, and writes nothing', async () => {
    const dir = methodWorkspace();
    const before = commitCount(dir);
    const { json, code } = await runJson<MigratedJson>(['migrate', '--dry-run', '--dir', dir]);
    expect(code).toBe(0);
    expect(json.dryRun).toBe(true);
    expect(json.files).toHaveLength(12);
    expect(json.files.find((f) => f.path === `${DEAL}/3-implication.md`)!.frontMatter).toEqual({ arr_potential: { min: 1_000_000, max: 1_500_000 }, strategic_value: 'high', resource_cost_hours: 40 });
    for (const file of stageFiles('deal')) expect(read(dir, `${DEAL}/${file}`)).toBe(fixture('deal', file));
    expect(commitCount(dir)).toBe(before);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const text = await runCli(['migrate', '--dry-run', '--dir', dir]);
    // A dry run points into the file as it is.
    expect(text.stdout).toContain(`${DEAL}/3-implication.md:6 Priority: 0.85 — not mapped`);
    expect(text.stdout).toMatch(/dry run: would write front matter to 12 stage files/);
  });

  it('writes front matter above the same prose, byte for byte, in one commit; the files validate and sync reads them', async () => {
    const dir = methodWorkspace();
    const before = commitCount(dir);
    const { json, code } = await runJson<MigratedJson>(['migrate', '--dir', dir], { env: TODAY });
    expect(code).toBe(0);
    expect(json.commit).toMatchObject({ committed: true });
    expect(commitCount(dir)).toBe(before + 1);
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining([...stageFiles('deal').map((f) => `${DEAL}/${f}`), ...stageFiles('campaign').map((f) => `${CAMPAIGN}/${f}`)]));
    for (const [thread, folder] of [['deal', DEAL], ['campaign', CAMPAIGN]] as const) {
      for (const file of stageFiles(thread)) {
        const text = read(dir, `${folder}/${file}`);
        const fm = parseFrontMatter(text);
        expect(fm.present, file).toBe(true);
        // The prose as written; the sync then appends what it derives (a campaign's results block) after it.
        const body = text.slice(fm.bodyOffset);
        expect(body.startsWith(fixture(thread, file)), `${thread}/${file}`).toBe(true);
        expect(body.slice(fixture(thread, file).length)).toMatch(/^(?:\n<!-- threadwork:begin results -->[\s\S]*<!-- threadwork:end results -->\n)?$/);
      }
    }
    const check = await checkJson<{ ok: boolean; diagnostics: { rule: string; path: string }[] }>(dir);
    // What the method's files say, read: the campaign closed with Claire Dubois still `active`
    // in its prospect table, which only a warning names (their touches stopped with the close).
    expect(check.json).toMatchObject({ ok: true, diagnostics: [{ rule: 'closed-mid-sequence', path: `${CAMPAIGN}/6-learning.md` }] });
    const meta = JSON.parse(read(dir, `${DEAL}/meta.json`)) as Record<string, unknown>;
    expect(meta).toMatchObject({ status: 'closed-won', cycle_time_days: 46 });
  });

  it('its own write keeps every byte of the prose (without the sync)', async () => {
    const dir = methodWorkspace();
    const ws = await openWorkspace(dir);
    const result = await ws.migrate([], { sync: false, commit: false });
    expect(result.files).toHaveLength(12);
    for (const [thread, folder] of [['deal', DEAL], ['campaign', CAMPAIGN]] as const) {
      for (const file of stageFiles(thread)) {
        const text = read(dir, `${folder}/${file}`);
        expect(text.slice(parseFrontMatter(text).bodyOffset), `${thread}/${file}`).toBe(fixture(thread, file));
      }
    }
  });

  it.each([
    ['deal', '1-input.md', { source: 'inbound', date: '2026-03-02', contact: { name: 'Sarah Chen', title: 'CTO', email: 'sarah.chen@elsa-retail.com' }, company: { name: 'Elsa Retail', industry: 'Luxury fashion e-commerce', employees: 250, revenue: 200_000_000 }, signal: 'Requested a white-label SDK demo after our Shopify Plus webinar' }],
    ['deal', '2-hypothesis.md', { tests: ['A4'], initial_confidence: 0.6 }],
    ['deal', '3-implication.md', { arr_potential: { min: 1_000_000, max: 1_500_000 }, strategic_value: 'high', resource_cost_hours: 40 }],
    ['deal', '4-decision.md', { decision: 'QUALIFY', framework: 'BANT', alternatives: ['Wait for more enterprise data', 'Partner with an agency'] }],
    ['deal', '6-learning.md', { outcome: 'closed-won', arr: 1_100_000, closed: '2026-04-17', validations: [{ assumption: 'A4', result: 'validated', evidence: 'Enterprise customers prefer white-label' }], content_opportunity: { topic: 'Elsa Retail success case study', priority: 'high' } }],
    ['campaign', '1-input.md', { goal: 'Book 20 discovery meetings with luxury e-commerce CTOs before the summer collection', segment: 'luxury-fashion', date: '2026-04-06', target_list: { count: 120 } }],
    ['campaign', '2-hypothesis.md', { tests: ['A4'], initial_confidence: 0.7 }],
    ['campaign', '3-implication.md', { expected_meetings: 20, expected_pipeline: 2_500_000, resource_cost_hours: 30, strategic_value: 'high' }],
    ['campaign', '4-decision.md', { decision: 'LAUNCH' }],
    ['campaign', '5-actions.md', { sequence: { preset: 'five-touch-cold', start: '2026-04-06' }, prospects: [{ name: 'Marco Bellini', email: 'marco@ateliernove.com', company: 'Atelier Nove', status: 'replied' }, { name: 'Claire Dubois', status: 'active' }] }],
    ['campaign', '6-learning.md', { closed: '2026-05-15', results: { sent: 120, delivered: 114, opened: 61, replied: 9, bounced: 6, meetings: 5, deals: 2 }, validations: [{ assumption: 'A4', result: 'partial', evidence: '7 of 9 replies asked about white-label, but only 5 meetings came from 120 prospects' }] }],
  ] as const)('%s %s: the labelled lines become these fields', async (thread, file, expected) => {
    const dir = methodWorkspace();
    const ws = await openWorkspace(dir);
    const result = await ws.migrate([`${thread === 'deal' ? DEAL : CAMPAIGN}/${file}`], { commit: false });
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.frontMatter).toMatchObject(expected);
  });

  it('the deal actions keep their order and read every way the method writes a field', async () => {
    const ws = await openWorkspace(methodWorkspace());
    const { files } = await ws.migrate([`${DEAL}/5-actions.md`], { dryRun: true });
    expect(files[0]!.frontMatter.actions).toEqual([
      { type: 'sales:lead-intake', status: 'completed', completed: '2026-03-03', owner: 'AI agent', result: 'ICP score 95/100, priority high' },
      { type: 'sales:qualify', status: 'completed', completed: '2026-03-06', owner: 'Bella', result: 'QUALIFIED — budget and white-label requirement confirmed' },
      { type: 'sales:demo', status: 'completed', completed: '2026-03-13', result: 'Pilot requested on three use cases' },
      { type: 'sales:pilot', status: 'completed', completed: '2026-04-14', result: '92% accuracy, 150ms latency, 38% fewer returns' },
      { type: 'sales:close', status: 'completed', completed: '2026-04-17', result: 'WON — $1.1M ARR over two years' },
    ]);
  });

  it('reports every labelled line it could not map, with file and line, and drops none', async () => {
    const dir = methodWorkspace();
    const { json } = await migrateJson(dir, [], { dryRun: true });
    for (const [thread, folder] of [['deal', DEAL], ['campaign', CAMPAIGN]] as const) {
      for (const file of stageFiles(thread)) {
        const migrated = json.files.find((f) => f.path === `${folder}/${file}`)!;
        const reported = migrated.lines.map((l) => l.bodyLine);
        // Each labelled line of the prose is in the report, mapped or not.
        for (const line of labelledLines(fixture(thread, file))) expect(reported, `${file}:${line}`).toContain(line);
        for (const l of migrated.lines) {
          expect(l.text).toBe(fixture(thread, file).split('\n')[l.bodyLine - 1]);
          expect(l.line).toBe(l.bodyLine + migrated.offset);
        }
      }
    }
    const unmapped = json.files.flatMap((f) => f.lines.filter((l) => l.status !== 'mapped').map((l) => `${f.path}:${l.bodyLine} ${l.text}`));
    expect(unmapped).toEqual(
      expect.arrayContaining([
        `${DEAL}/1-input.md:11 Budget: $400K-600K/year`,
        `${DEAL}/2-hypothesis.md:4 Company: Elsa Retail (luxury-fashion)`,
        `${DEAL}/3-implication.md:6 Priority: 0.85`,
        `${DEAL}/5-actions.md:3 Day 1-5: sales:lead-intake + sales:qualify`,
        `${DEAL}/5-actions.md:31 Duration: 30 days (2026-03-16 - 2026-04-14)`,
        `${DEAL}/6-learning.md:6 Pilot results: 38% improvement`,
        `${DEAL}/6-learning.md:10 Confidence: 60% → 95% (N=5, 100% pattern)`,
        `${CAMPAIGN}/3-implication.md:7 Expected response rate: 8%`,
        `${CAMPAIGN}/5-actions.md:12 | Tom Hughes | CTO | Savile & Co | tom.hughes@savileco | active |`,
        `${CAMPAIGN}/6-learning.md:11 Open rate: 54%`,
      ]),
    );
    expect(json.unmapped).toBe(unmapped.length);
    const tom = json.files.find((f) => f.path === `${CAMPAIGN}/5-actions.md`)!.lines.find((l) => l.text.includes('Tom Hughes'))!;
    expect(tom.reason).toMatch(/email/);
  });

  it('a second migrate does nothing: no file written, no commit', async () => {
    const dir = methodWorkspace();
    await migrateJson(dir);
    const head = git(dir, 'rev-parse', 'HEAD');
    const texts = [...stageFiles('deal').map((f) => read(dir, `${DEAL}/${f}`))];
    const { json, code } = await runJson<MigratedJson>(['migrate', '--dir', dir]);
    expect(code).toBe(0);
    expect(json.files).toEqual([]);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(stageFiles('deal').map((f) => read(dir, `${DEAL}/${f}`))).toEqual(texts);
    // Named explicitly, a migrated file is skipped with why.
    const named = await migrateJson(dir, [`${DEAL}/3-implication.md`]);
    expect(named.json.skipped).toEqual([{ path: `${DEAL}/3-implication.md`, reason: expect.stringMatching(/already has front matter/), blocked: false, errors: [] }]);
    // Nothing to do is no failure.
    expect(named.code).toBe(0);
  });

  it('with nothing to migrate, or a file refused, commits nothing: not a person\'s uncommitted thread under migrate\'s name', async () => {
    const dir = methodWorkspace();
    await migrateJson(dir);
    const head = git(dir, 'rev-parse', 'HEAD');
    // A deal opened by hand, in front matter already, not committed yet: the sync would derive from it and commit it.
    mkdirSync(join(dir, 'threads/sales/new-co'), { recursive: true });
    writeFileSync(join(dir, 'threads/sales/new-co/meta.json'), dealMeta('new-co'));
    writeFileSync(join(dir, 'threads/sales/new-co/1-input.md'), md('source: referral\ndate: 2026-03-01', '# Input\n'));
    const dry = await runCli(['migrate', '--dry-run', '--dir', dir]);
    const real = await runCli(['migrate', '--dir', dir]);
    expect(real.stdout).toBe(dry.stdout);
    expect(real.stdout).not.toContain('committed');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    // A failing run (a file named that is no stage file) commits nothing either.
    const refused = await runCli(['migrate', 'strategy/canvas/04-segments.md', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain')).toContain('threads/sales/new-co/');
  });

  it('skips the files of a thread with an error, with why, and migrates the rest', async () => {
    const gap = 'threads/sales/gap-co';
    const dir = methodWorkspace({
      [`${gap}/meta.json`]: dealMeta('gap-co'),
      [`${gap}/1-input.md`]: '# Input\nSource: Referral\n',
      // No 2 to 5: a stage-order error.
      [`${gap}/6-learning.md`]: '# Learning\nOutcome: Won\n',
    });
    const { json, code } = await runJson<MigratedJson>(['migrate', '--dir', dir]);
    expect(code).toBe(0);
    expect(json.skipped).toEqual([
      { path: `${gap}/1-input.md`, reason: expect.stringContaining(`its thread has errors in ${gap}/6-learning.md`), blocked: false, errors: expect.arrayContaining([expect.objectContaining({ path: `${gap}/6-learning.md`, line: 1, column: 1, rule: 'stage-order' })]) },
      { path: `${gap}/6-learning.md`, reason: expect.stringMatching(/has 1 error/), blocked: false, errors: [expect.objectContaining({ path: `${gap}/6-learning.md`, rule: 'stage-order' })] },
    ]);
    expect(json.files.map((f) => f.path)).toContain(`${DEAL}/1-input.md`);
    expect(json.commit?.committed).toBe(true);
    expect(read(dir, `${gap}/1-input.md`)).toBe('# Input\nSource: Referral\n');
    expect(parseFrontMatter(read(dir, `${DEAL}/1-input.md`)).present).toBe(true);
  });

  // The review: a run that skipped every file it would write, each for an error, exited 0 — "nothing migrated" read as success by a script.
  it('exits 1 when every file it would migrate is skipped for errors, naming each error at its file, line and column', async () => {
    const gap = 'threads/sales/gap-co';
    const dir = workspace({
      [`${gap}/meta.json`]: dealMeta('gap-co'),
      [`${gap}/1-input.md`]: '# Input\nSource: Referral\n',
      [`${gap}/6-learning.md`]: '# Learning\nOutcome: Won\n',
    });
    gitInit(dir);
    const head = git(dir, 'rev-parse', 'HEAD');
    const text = await runCli(['migrate', '--dir', dir]);
    expect(text.code, text.stdout).toBe(1);
    expect(text.stdout).toContain(`skipped ${gap}/1-input.md: its thread has errors in ${gap}/6-learning.md`);
    expect(text.stdout).toMatch(new RegExp(`^  ${gap}/6-learning\\.md:1:1 error .*\\(stage-order\\)$`, 'm'));
    expect(text.stdout).toMatch(/nothing migrated: every file it would write is skipped for errors/);
    const named = await runJson<MigratedJson>(['migrate', `${gap}/1-input.md`, '--dir', dir]);
    expect(named.code).toBe(1);
    expect(named.json.skipped[0]!.errors).toEqual([expect.objectContaining({ path: `${gap}/6-learning.md`, line: 1, column: 1, rule: 'stage-order' })]);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('advance reads the migrated fields it asked for before', async () => {
    const dir = workspace({
      [`${DEAL}/meta.json`]: dealMeta('elsa-retail', { created: '2026-03-02' }),
      'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions:\n  - id: A4\n    statement: Enterprise customers prefer white-label\n    prior: 0.6\n'),
      [`${DEAL}/1-input.md`]: fixture('deal', '1-input.md'),
      [`${DEAL}/2-hypothesis.md`]: fixture('deal', '2-hypothesis.md'),
      [`${DEAL}/3-implication.md`]: fixture('deal', '3-implication.md'),
    });
    gitInit(dir);
    const refused = await runJson<{ error: { code: string; message: string; missing: { field: string }[] } }>(['advance', 'elsa-retail', '--dir', dir], { env: TODAY });
    expect(refused.json.error.code).toBe('stage-incomplete');
    expect(refused.json.error.missing.map((m) => m.field)).toContain('arr_potential');
    expect(refused.json.error.message).toContain(`threadwork migrate ${DEAL}/3-implication.md`);
    expect((await migrateJson(dir, [DEAL])).code).toBe(0);
    const advanced = await runJson<{ created: string }>(['advance', 'elsa-retail', '--dir', dir], { env: TODAY });
    expect(advanced.code).toBe(0);
    expect(advanced.json.created).toBe(`${DEAL}/4-decision.md`);
  });

  it('advance, refusing a stage whose front matter block is empty, points at migrate', async () => {
    const dir = workspace({
      [`${DEAL}/meta.json`]: dealMeta('elsa-retail', { created: '2026-03-02' }),
      'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions:\n  - id: A4\n    statement: Enterprise customers prefer white-label\n    prior: 0.6\n'),
      [`${DEAL}/1-input.md`]: fixture('deal', '1-input.md'),
      [`${DEAL}/2-hypothesis.md`]: fixture('deal', '2-hypothesis.md'),
      [`${DEAL}/3-implication.md`]: `---\n---\n${fixture('deal', '3-implication.md')}`,
    });
    gitInit(dir);
    const refused = await runJson<{ error: { code: string; message: string } }>(['advance', 'elsa-retail', '--dir', dir], { env: TODAY });
    expect(refused.json.error.code).toBe('stage-incomplete');
    expect(refused.json.error.message).toContain(`${DEAL}/3-implication.md has an empty front matter block, so none of its lines is read: \`threadwork migrate ${DEAL}/3-implication.md\``);
  });

  // An agent that opens a stage with write_stage and an empty front_matter (`{}`) leaves an
  // empty block above the template's prose: advance pointed it at migrate_stages, which
  // finds no labelled line there and writes nothing — a call that could not help. As check
  // already says nothing of such a file, advance names migrate only when a line would map.
  it('advance, refusing an empty front matter block above prose with no labelled line, does not point at migrate', async () => {
    const dir = workspace({
      [`${DEAL}/meta.json`]: dealMeta('elsa-retail', { created: '2026-03-02' }),
      'strategy/canvas/10-assumptions.md': md('title: Assumptions\nassumptions:\n  - id: A4\n    statement: Enterprise customers prefer white-label\n    prior: 0.6\n'),
      [`${DEAL}/1-input.md`]: fixture('deal', '1-input.md'),
      [`${DEAL}/2-hypothesis.md`]: fixture('deal', '2-hypothesis.md'),
      [`${DEAL}/3-implication.md`]: '---\n---\n\n# Implication\n\n<!-- What winning this deal is worth, and what it costs to win. -->\n',
    });
    gitInit(dir);
    const refused = await runJson<{ error: { code: string; message: string; missing: { field: string }[] } }>(['advance', 'elsa-retail', '--dir', dir], { env: TODAY });
    expect(refused.json.error.code).toBe('stage-incomplete');
    expect(refused.json.error.missing.map((m) => m.field)).toContain('arr_potential');
    expect(refused.json.error.message).not.toContain('migrate');
    expect(refused.json.error.message).not.toContain('none of its lines is read');
  });

  it('takes files and folders, and leaves the rest alone', async () => {
    const dir = methodWorkspace();
    const { json } = await migrateJson(dir, [CAMPAIGN, `${DEAL}/2-hypothesis.md`], { commit: false });
    expect(json.files.map((f) => f.path)).toEqual([...stageFiles('campaign').map((f) => `${CAMPAIGN}/${f}`), `${DEAL}/2-hypothesis.md`].sort());
    expect(json.commit).toBeNull();
    expect(read(dir, `${DEAL}/3-implication.md`)).toBe(fixture('deal', '3-implication.md'));
    expect(git(dir, 'status', '--porcelain')).toContain(`${DEAL}/2-hypothesis.md`);
  });

  it.each([
    ['../outside'],
    ['threads/../../outside.md'],
    ['/etc/passwd'],
  ])('refuses the hostile path %s and writes nothing', async (path) => {
    const dir = methodWorkspace();
    // The first through the CLI, the others through its own function.
    type Refused = { ok: boolean; error: { code: string; message: string; path: string } };
    const { json, code } = path === '../outside' ? await runJson<Refused>(['migrate', path, '--dir', dir]) : await migrateJson<Refused>(dir, [path]);
    expect(code).toBe(1);
    expect(json.error.code).toBe('path-refused');
    // Named as typed (README: `path` names it as given), not as the workspace would spell it.
    expect(json.error.path).toBe(path);
    expect(json.error.message).toBe(`Refused path ${JSON.stringify(path)}: it points outside the workspace ${dir}`);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('names a refused path as it was typed in a subfolder, not as it reads from the top of the workspace', async () => {
    const dir = methodWorkspace();
    const { json, code } = await runJson<{ error: { code: string; path: string; message: string } }>(['migrate', '../../outside.md'], { cwd: join(dir, 'threads') });
    expect(code).toBe(1);
    expect(json.error).toMatchObject({ code: 'path-refused', path: '../../outside.md' });
    expect(json.error.message).toContain(`it points outside the workspace ${dir}`);
  });

  it('a path that does not exist is an error; a symbolic link to a stage file is left alone', async () => {
    const dir = methodWorkspace();
    const missing = await runJson<{ error: { code: string } }>(['migrate', `${DEAL}/7-extra.md`, '--dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.json.error.code).toBe('invalid-arguments');
    const other = 'threads/sales/linked';
    writeFileSync(join(dir, 'outside.md'), fixture('deal', '3-implication.md'));
    mkdirSync(join(dir, other), { recursive: true });
    writeFileSync(join(dir, other, 'meta.json'), dealMeta('linked'));
    writeFileSync(join(dir, other, '1-input.md'), fixture('deal', '1-input.md'));
    writeFileSync(join(dir, other, '2-hypothesis.md'), fixture('deal', '2-hypothesis.md'));
    symlinkSync(join(dir, 'outside.md'), join(dir, other, '3-implication.md'));
    const { json, code } = await runJson<MigratedJson>(['migrate', `${other}/3-implication.md`, '--dir', dir, '--no-commit']);
    expect(json.files).toEqual([]);
    expect(json.skipped).toEqual([{ path: `${other}/3-implication.md`, reason: expect.stringMatching(/symbolic link/), blocked: true, errors: [] }]);
    // A file named that could not be migrated fails the command: an agent must not read it as done.
    expect(code).toBe(1);
    expect(readFileSync(join(dir, 'outside.md'), 'utf8')).toBe(fixture('deal', '3-implication.md'));
  });

  it('keeps CRLF line endings and a byte-order mark, the prose byte for byte', async () => {
    const prose = '\uFEFF# Implication\r\n\r\nARR potential: €250k\r\nStrategic value: Medium\r\n';
    const dir = methodWorkspace({ [`${DEAL}/3-implication.md`]: prose });
    const ws = await openWorkspace(dir);
    const result = await ws.migrate([`${DEAL}/3-implication.md`], { commit: false });
    const text = read(dir, `${DEAL}/3-implication.md`);
    expect(text.startsWith('\uFEFF---\r\narr_potential: €250000\r\nstrategic_value: medium\r\n---\r\n')).toBe(true);
    expect(text.slice(text.indexOf('---\r\n#') + 5)).toBe(prose.slice(1));
    expect(result.files[0]!.lines[0]!.note).toMatch(/EUR/);
  });

  // Written as the bare number, an amount in another currency than the workspace's counted
  // in the workspace's: `€40k/year` in a USD workspace became $40,000 of pipeline, while the
  // line said "recorded as written, not converted".
  it('keeps the currency of an amount written in another one than the workspace counts, so it is left out of the figures, not counted as dollars', async () => {
    const dir = methodWorkspace({ [`${DEAL}/3-implication.md`]: '# Implication\n\nARR potential: €30k-€50k/year\nStrategic value: High\n', [`${DEAL}/6-learning.md`]: '# Learning\n\nOutcome: closed-won\nClosed: 2026-05-04\nARR: £41.5k per year\n' });
    const { code, json } = await runJson<MigratedJson>(['migrate', `${DEAL}/3-implication.md`, `${DEAL}/6-learning.md`, '--no-commit', '--dir', dir]);
    expect(code, JSON.stringify(json)).toBe(0);
    expect(read(dir, `${DEAL}/3-implication.md`)).toMatch(/^---\narr_potential:\n {2}min: €30000\n {2}max: €50000\nstrategic_value: high\n---\n/);
    expect(read(dir, `${DEAL}/6-learning.md`)).toMatch(/\narr: £41500\n/);
    const { json: checked } = await checkJson<{ diagnostics: { path: string; rule: string; line: number }[] }>(dir);
    expect(checked.diagnostics.filter((d) => d.rule === 'amount-other-currency').map((d) => `${d.path}:${d.line}`).sort()).toEqual([`${DEAL}/3-implication.md:3`, `${DEAL}/6-learning.md:4`]);
  });

  // The review: one CRLF line pasted into a file saved with LF made the whole front matter CRLF (any `\r\n` counted as the file's ending).
  it.each([
    ['mostly LF, one CRLF line', '# Implication\n\nARR potential: €250k\r\nStrategic value: Medium\nMore prose.\n', '---\narr_potential: €250000\nstrategic_value: medium\n---\n'],
    ['mostly CRLF, one LF line', '# Implication\r\n\r\nARR potential: €250k\nStrategic value: Medium\r\nMore prose.\r\n', '---\r\narr_potential: €250000\r\nstrategic_value: medium\r\n---\r\n'],
  ])('writes front matter in the line ending a file mostly uses (%s), the prose byte for byte', async (_name, prose, block) => {
    const dir = methodWorkspace({ [`${DEAL}/3-implication.md`]: prose });
    const { code, stdout } = await runCli(['migrate', `${DEAL}/3-implication.md`, '--no-commit', '--dir', dir]);
    expect(code, stdout).toBe(0);
    expect(read(dir, `${DEAL}/3-implication.md`)).toBe(block + prose);
  });

  it('takes a stage file whose front matter block is empty (an editor\'s blank properties): check warns at the lines as they are, migrate replaces the empty block', async () => {
    const prose = '\n# Implication\n\nARR potential: $250k\nStrategic value: Medium\n';
    const emptyBlock = '---\n\n---\n';
    const dir = methodWorkspace({ [`${DEAL}/3-implication.md`]: emptyBlock + prose, [`${DEAL}/4-decision.md`]: '---\n---\n# Decision\n\nStill talking it over.\n' });
    const { json } = await checkJson<{ diagnostics: { path: string; rule: string; message: string }[] }>(dir);
    const warnings = json.diagnostics.filter((d) => d.rule === 'stage-front-matter-missing');
    const implication = warnings.find((d) => d.path === `${DEAL}/3-implication.md`);
    expect(implication?.message).toMatch(/^Empty front matter: threadwork reads nothing/);
    // Lines 7 and 8 of the file as saved: the empty block's three lines come first.
    expect(implication?.message).toContain('`arr_potential` (line 7), `strategic_value` (line 8)');
    // An empty block above prose no field takes is a stage not written yet: no warning, nothing to migrate.
    expect(warnings.map((d) => d.path)).not.toContain(`${DEAL}/4-decision.md`);

    const dry = await migrateJson(dir, [], { dryRun: true });
    const planned = dry.json.files.find((f) => f.path === `${DEAL}/3-implication.md`)!;
    expect(planned.lines.map((l) => l.bodyLine)).toEqual([7, 8]);
    expect(dry.json.files.map((f) => f.path)).not.toContain(`${DEAL}/4-decision.md`);

    await migrateJson(dir, [`${DEAL}/3-implication.md`], { commit: false });
    expect(read(dir, `${DEAL}/3-implication.md`)).toBe(`---\narr_potential: 250000\nstrategic_value: medium\n---\n${prose}`);
    expect(read(dir, `${DEAL}/4-decision.md`)).toBe('---\n---\n# Decision\n\nStill talking it over.\n');
    const again = await migrateJson(dir, [], { dryRun: true });
    expect(again.json.files.map((f) => f.path)).not.toContain(`${DEAL}/3-implication.md`);
  });

  it('--json output validates against the shipped schema', async () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/cli/migrate.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const dir = methodWorkspace();
    // The dry run through the CLI; a run that writes and one with nothing to do through its own function.
    const answers = [(await runJson(['migrate', '--dry-run', '--dir', dir])).json, (await migrateJson(dir)).json, (await migrateJson(dir)).json];
    for (const json of answers) expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('reading a labelled line', () => {
  const context = (type: MigrationContext['type'], stage: MigrationContext['stage'], created = '2026-03-02'): MigrationContext => ({ type, stage, created, assumptions: new Set(['A4']), segments: [], goals: new Set() });

  it.each([
    ['60%', 0.6],
    ['60 %', 0.6],
    ['0.55', 0.55],
    ['85% (strong ICP fit)', 0.85],
  ])('probability %s → %s', (text, value) => {
    expect(readProbability(text)).toEqual({ ok: true, value });
  });

  it.each(['60', '60% → 95%', '60-70%', 'high'])('probability %s is not read', (text) => {
    expect(readProbability(text).ok).toBe(false);
  });

  it.each([
    ['$1M-$1.5M', { min: 1_000_000, max: 1_500_000 }, 'USD'],
    ['$1.1M', 1_100_000, 'USD'],
    ['€250k', 250_000, 'EUR'],
    ['$40,000', 40_000, 'USD'],
    ['1.2m USD', 1_200_000, 'USD'],
    ['$400K-600K/year', { min: 400_000, max: 600_000 }, 'USD'],
    ['~$500K (midpoint of budget)', 500_000, 'USD'],
    ['250000', 250_000, undefined],
  ])('money %s', (text, value, currency) => {
    expect(readMoney(text)).toEqual({ ok: true, value: currency ? { value, currency } : { value } });
  });

  it.each(['$5K/month', '$42K MRR', 'about a million', '$1M-€2M'])('money %s is not read as a yearly amount', (text) => {
    expect(readMoney(text).ok).toBe(false);
  });

  it.each([
    ['2026-03-01', '2026-03-01'],
    ['March 1, 2026', '2026-03-01'],
    ['1 Mar 2026', '2026-03-01'],
    ['Mar 1st 2026', '2026-03-01'],
  ])('date %s', (text, value) => {
    expect(readDate(text)).toEqual({ ok: true, value });
  });

  it.each(['03/04/2026', 'February 30, 2026', 'next week'])('date %s is not read', (text) => {
    expect(readDate(text).ok).toBe(false);
  });

  it.each([
    ['45 days', 45],
    ['46 days (lead to signature)', 46],
    ['6 weeks', 42],
  ])('day count %s', (text, value) => {
    expect(readDays(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['Deal outcome: Won', 'closed-won'],
    ['Deal outcome: Closed won', 'closed-won'],
    ['Deal outcome: Closed - lost\nLoss reason: Chose an in-house build', 'closed-lost'],
    ['**Status:** LOST', 'closed-lost'],
    ['Deal outcome: Stalled', 'stalled'],
    ['Deal outcome: Closed\nARR: $1.1M', 'closed-won'],
  ])('outcome %j', (text, outcome) => {
    expect(mapStage(`# Learning\n\n${text}\n`, context('sales-deal', 6)).frontMatter.outcome).toBe(outcome);
  });

  it.each([
    ['Deal outcome: Closed', /no ARR above 0/],
    ['Deal outcome: Closed\nARR: $1.1M\nLoss reason: Budget moved to next year', /a loss reason is given too/],
  ])('"Closed" without the evidence of a win is reported as ambiguous: %j', (text, why) => {
    const mapping = mapStage(`# Learning\n\n${text}\n`, context('sales-deal', 6));
    expect(mapping.frontMatter.outcome).toBeUndefined();
    expect(mapping.lines.find((l) => l.text === 'Deal outcome: Closed')).toMatchObject({ status: 'ambiguous', reason: expect.stringMatching(why) });
  });

  it.each([
    ['A4: Enterprise customers prefer white-label → VALIDATED', 'validated'],
    ['A4: Enterprise customers prefer white-label -> INVALIDATED', 'invalidated'],
    ['A4: Enterprise customers prefer white-label → PARTIAL', 'partial'],
    ['### A4: Brand preferences\n**Status:** ✅ VALIDATED\n**Evidence:** 3 of 3 luxury inquiries chose white-label', 'validated'],
  ])('validation %j', (text, result) => {
    const { frontMatter } = mapStage(`# Learning\n\n${text}\n`, context('sales-deal', 6));
    expect(frontMatter.validations).toEqual([expect.objectContaining({ assumption: 'A4', result })]);
  });

  it('a validation of an assumption the canvas does not have is reported, not written', () => {
    const mapping = mapStage('A9: Something else → VALIDATED\n', context('sales-deal', 6));
    expect(mapping.frontMatter.validations).toBeUndefined();
    expect(mapping.lines[0]).toMatchObject({ status: 'unmapped', reason: expect.stringMatching(/A9 is not an assumption/) });
  });

  it('"CHALLENGED" is ambiguous, not a verdict', () => {
    const mapping = mapStage('A4: Luxury prefers white-label → CHALLENGED\n', context('sales-deal', 6));
    expect(mapping.lines[0]).toMatchObject({ status: 'ambiguous' });
    expect(mapping.frontMatter).toEqual({});
  });

  it('two lines giving one field different values write neither', () => {
    const mapping = mapStage('Initial confidence: 60%\nConfidence: 80%\n', context('sales-deal', 2));
    expect(mapping.frontMatter).toEqual({});
    expect(mapping.lines.map((l) => l.status)).toEqual(['ambiguous', 'ambiguous']);
  });

  it('a cycle in days that contradicts the close date is ambiguous', () => {
    const mapping = mapStage('Closed: 2026-05-01\nSales cycle: 45 days\n', context('sales-deal', 6, '2026-03-02'));
    expect(mapping.frontMatter).toEqual({ closed: '2026-05-01' });
    expect(mapping.lines[1]).toMatchObject({ status: 'ambiguous' });
  });

  it('a sequence is written whole or not at all', () => {
    const mapping = mapStage('Day 0: Email — cold-1-problem\nDay 3: LinkedIn — connection request\n', context('sales-campaign', 5));
    expect(mapping.frontMatter.sequence).toBeUndefined();
    expect(mapping.lines.map((l) => l.status)).toEqual(['unmapped', 'unmapped']);
    const whole = mapStage('Day 0: Email — cold-1-problem\nDay 3: Call — follow-up-2-call\n', context('sales-campaign', 5));
    expect(whole.frontMatter).toEqual({ sequence: { touches: [{ day: 0, channel: 'email', template: 'cold-1-problem' }, { day: 3, channel: 'call', template: 'follow-up-2-call' }] } });
  });

  it('a prospect table reads `\\|` and a pipe in backticks as part of the cell, and refuses a row whose cells do not match the header', () => {
    const table = [
      '# Actions',
      '| Name | Email | Company | Title | Status | Started |',
      '| --- | --- | --- | --- | --- | --- |',
      '| Bob Ng | bob@xy.com | X \\| Y Labs | | | |',
      '| Al Bo | al@xy.com | `A|B` Co | CTO | | |',
      '| Cy Do | cy@xy.com | Extra | CFO | | | oops |',
      '',
    ].join('\n');
    const mapping = mapStage(table, context('sales-campaign', 5));
    expect(mapping.frontMatter).toEqual({ prospects: [{ name: 'Bob Ng', email: 'bob@xy.com', company: 'X | Y Labs' }, { name: 'Al Bo', email: 'al@xy.com', company: 'A|B Co', title: 'CTO' }] });
    expect(mapping.lines[2]).toMatchObject({ line: 6, status: 'unmapped', reason: expect.stringContaining('7 cells, the header 6') });
  });

  it('keeps a text value as written, its final "." included; an enum still reads without it', () => {
    const input = mapStage('Company: Núñez Pagos, S.L.\nContact: Ann Lee, Sr. V.P.\nSource: Referral.\n', context('sales-deal', 1));
    expect(input.frontMatter).toEqual({ source: 'referral', contact: { name: 'Ann Lee', title: 'Sr. V.P.' }, company: { name: 'Núñez Pagos, S.L.' } });
    // The sentence's own "." after an email is no part of the title.
    expect(mapStage('Contact: Ann Lee, CTO, ann@nunez.es.\n', context('sales-deal', 1)).frontMatter).toEqual({ contact: { name: 'Ann Lee', title: 'CTO', email: 'ann@nunez.es' } });
  });

  it('a heading that names a field gives its paragraph, unless a labelled line gives the field', () => {
    expect(mapStage('# Input\n\n## Source\nInbound email via contact form\n', context('sales-deal', 1)).frontMatter).toEqual({ source: 'inbound' });
    const both = mapStage('# Input\n\nSource: Referral\n\n## Source\nInbound email via contact form\n', context('sales-deal', 1));
    expect(both.frontMatter).toEqual({ source: 'referral' });
  });

  it.each([
    ['Decision: PURSUE', 'QUALIFY'],
    ['Verdict: **PASS** - not a fit', 'REJECT'],
    ['Decision: **DEFER.** Revisit after their audit', 'DEFER'],
  ])('decision %j → %s (the method\'s own words)', (text, decision) => {
    expect(mapStage(`${text}\n`, context('sales-deal', 4)).frontMatter.decision).toBe(decision);
  });

  it('reads a content thread\'s learning', () => {
    const { frontMatter } = mapStage('Published: March 3, 2026\nA4: Enterprise customers prefer white-label → VALIDATED\nEvidence: 40 demo requests cited the case study\n', context('marketing', 6));
    expect(frontMatter).toEqual({ published: '2026-03-03', validations: [{ assumption: 'A4', result: 'validated', evidence: '40 demo requests cited the case study' }] });
  });

  it('an action status written in words', () => {
    const { frontMatter } = mapStage('Type: sales:demo\nStatus: in progress\nDue: 2026-03-20\n', context('sales-deal', 5));
    expect(frontMatter).toEqual({ actions: [{ type: 'sales:demo', status: 'in_progress', due: '2026-03-20' }] });
  });

  it('reads the field names themselves, and keeps a known id when another is unknown', () => {
    expect(mapStage('arr_potential: 40000\nstrategic_value: low\n', context('sales-deal', 3)).frontMatter).toEqual({ arr_potential: 40000, strategic_value: 'low' });
    const mixed = mapStage('Tests: A4, A9\n', context('sales-deal', 2));
    expect(mixed.frontMatter).toEqual({ tests: ['A4'] });
    expect(mixed.lines[0]).toMatchObject({ status: 'mapped', note: expect.stringMatching(/A9 is not in 10-assumptions\.md/) });
  });

  it('reads assumption ids typed in lower case in capitals, and says so', () => {
    const { frontMatter, lines } = mapStage('Tests: a4 and A9\n', context('sales-deal', 2));
    expect(frontMatter).toEqual({ tests: ['A4'] });
    expect(lines[0]).toMatchObject({ status: 'mapped', note: 'a4 read as A4; A9 is not in 10-assumptions.md: left out' });
  });

  it('keeps the underscores inside a value: an email address', () => {
    expect(mapStage('Contact: Jo Park, CFO, jo_park@acme.io\nCompany: *Acme*\n', context('sales-deal', 1)).frontMatter).toEqual({ contact: { name: 'Jo Park', title: 'CFO', email: 'jo_park@acme.io' }, company: { name: 'Acme' } });
  });

  it('a heading feeds only a one-value field: `## Outcome` prose is not read as the outcome', () => {
    expect(mapStage('# Learning\n\n## Outcome\n\nWon at $42k ARR, 77 days from first contact.\n', context('sales-deal', 6)).frontMatter).toEqual({});
  });

  it('ignores lines in code fences and comments', () => {
    expect(mapStage('```\nARR potential: $1M\n```\n<!-- Strategic value: High -->\n', context('sales-deal', 3))).toEqual({ frontMatter: {}, lines: [] });
  });
});

it('writes through the engine: a write to a migrated file keeps it valid (MCP-style stage write)', async () => {
  const dir = methodWorkspace();
  const ws = await openWorkspace(dir);
  await ws.migrate([DEAL], { commit: false });
  const written = await ws.writeStage({ thread: DEAL, stage: 3, frontMatter: { arr_potential: 1_200_000, strategic_value: 'high', resource_cost_hours: 40 } }, { commit: false });
  expect(written.write.written).toBe(true);
  expect(read(dir, `${DEAL}/3-implication.md`)).toContain(fixture('deal', '3-implication.md'));
});

it('MCP migrate_stages: a dry run reports, a run writes and commits, an absolute path is refused', async () => {
  const dir = methodWorkspace();
  const mcp = await connectMcp(dir);
  const dry = await mcp.ok<{ result: MigratedJson; commit: unknown }>('migrate_stages', { paths: [DEAL], dry_run: true });
  expect(dry.result.files).toHaveLength(6);
  expect(git(dir, 'status', '--porcelain')).toBe('');
  const refused = await mcp.call('migrate_stages', { paths: [join(dir, DEAL)] });
  expect(refused.isError).toBe(true);
  expect(refused.text).toMatch(/path-refused|absolute/);
  const done = await mcp.ok<{ result: MigratedJson; commit: { committed: boolean } }>('migrate_stages', { paths: [`${DEAL}/3-implication.md`] });
  expect(done.commit).toMatchObject({ committed: true });
  expect(parseFrontMatter(read(dir, `${DEAL}/3-implication.md`)).data).toEqual({ arr_potential: { min: 1_000_000, max: 1_500_000 }, strategic_value: 'high', resource_cost_hours: 40 });
});
