import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ERRORS, ERROR_CODES, RULES, RULE_IDS, SYNC_WARNINGS, isErrorCode, isRuleId, severitiesOf, type RuleId, type RuleInfo } from '../src/diagnostics-catalog.js';
import { BEGIN_MARKER, END_MARKER, GENERATED_DOCS, generatedPart, renderReadmeRuleTable, replaceGenerated } from '../src/diagnostics-docs.js';
import { diagnostic, START, type Diagnostic } from '../src/diagnostics.js';
import { ThreadworkError } from '../src/errors.js';
import { YamlLocator } from '../src/markdown/locate.js';
import { REPO_ROOT, runJson, type CliResult } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { md } from './helpers/testdir.js';
import { baseFiles, campaignFiles, dealMeta, GOAL, workspace } from './helpers/workspace.js';
import { testdir } from './helpers/testdir.js';

describe('the generated docs', () => {
  it.each(GENERATED_DOCS.map((d) => ({ ...d })))('$file holds what the catalog renders (UPDATE=1 rewrites it)', ({ file, render }) => {
    const path = join(REPO_ROOT, file);
    const text = readFileSync(path, 'utf8');
    if (process.env.UPDATE) writeFileSync(path, replaceGenerated(text, render()));
    const part = generatedPart(readFileSync(path, 'utf8'));
    expect(part, `${file} lacks ${BEGIN_MARKER} … ${END_MARKER}`).toBeDefined();
    expect(part, `${file} is out of date: run \`npm run docs:rules\``).toBe(render());
  });

  it('lists every rule and every error code', () => {
    const readme = generatedPart(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'))!;
    const page = generatedPart(readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8'))!;
    for (const id of RULE_IDS) {
      expect(readme).toContain(`| \`${id}\` | ${RULES[id].severity}`);
      expect(page).toContain(`### \`${id}\``);
    }
    for (const code of ERROR_CODES) expect(page).toContain(`| \`${code}\` |`);
  });

  it('notices a table that drifted from the catalog', () => {
    const drifted = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').replace('| `schema` | error |', '| `schema` | warning |');
    expect(generatedPart(drifted)).not.toBe(renderReadmeRuleTable());
    expect(replaceGenerated(`a\n${BEGIN_MARKER}\nold\n${END_MARKER}\nb`, 'new')).toBe(`a\n${BEGIN_MARKER}\nnew\n${END_MARKER}\nb`);
  });
});

describe('the catalog', () => {
  it('documents each rule and each error code', () => {
    for (const id of RULE_IDS) {
      const info: RuleInfo = RULES[id];
      expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(['error', 'warning']).toContain(info.severity);
      expect(info.summary.length, id).toBeGreaterThan(10);
      expect(info.message.length, id).toBeGreaterThan(5);
      expect(info.docs.length, id).toBeGreaterThan(20);
      expect(info.reportedBy.length, id).toBeGreaterThan(0);
    }
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(ERRORS[code].summary.length, code).toBeGreaterThan(10);
    }
    expect(isRuleId('schema')).toBe(true);
    expect(isRuleId('toString')).toBe(false);
    expect(isErrorCode('lock-timeout')).toBe(true);
    expect(isErrorCode('lock-timout')).toBe(false);
  });

  it('types rule ids and error codes: a typo does not compile', () => {
    // These lines are checked by `npm run typecheck`: were the parameters plain strings,
    // the @ts-expect-error directives would themselves be errors.
    // @ts-expect-error — not a rule id
    const typo = diagnostic('x.md', START, 'error', 'yaml-sintax', 'm');
    // @ts-expect-error — not an error code
    const error = new ThreadworkError('m', 'unknown-thred');
    expect(typo.rule).toBe('yaml-sintax');
    expect(error.code).toBe('unknown-thred');
  });

  it('gives every diagnostic a range; end = start when only a point is known', () => {
    expect(diagnostic('x.md', { line: 3, column: 4 }, 'error', 'yaml-syntax', 'm')).toEqual({ path: 'x.md', line: 3, column: 4, endLine: 3, endColumn: 4, severity: 'error', message: 'm', rule: 'yaml-syntax' });
    expect(diagnostic('x.md', { start: { line: 2, column: 5 }, end: { line: 2, column: 9 } }, 'error', 'schema', 'm', 'id')).toMatchObject({ line: 2, column: 5, endLine: 2, endColumn: 9, field: 'id' });
  });
});

describe('YamlLocator.locateRange', () => {
  const text = '\nid: x\ncompany:\n  name: Acme\n  signals:\n    - type: funding\n    - type: hiring\nempty:\ntags: [a, "b c"]\n';
  it.each([
    { path: ['id'], range: '2:5-2:6' },
    { path: ['company', 'name'], range: '4:9-4:13' },
    { path: ['company', 'signals', 1, 'type'], range: '7:13-7:19' },
    { path: ['company', 'missing'], range: '4:3-4:13' },
    { path: ['empty'], range: '8:1-8:6' },
    { path: ['company', 'signals', 7], range: '6:5-6:20' },
    { path: ['tags'], range: '9:7-9:17' },
    { path: ['tags', 1], range: '9:11-9:16' },
    { path: ['company', 'signals'], range: '6:5-7:19' },
  ])('spans $path as $range, starting where locate points', ({ path, range }) => {
    const locator = new YamlLocator(text);
    const { start, end } = locator.locateRange(path);
    expect(`${start.line}:${start.column}-${end.line}:${end.column}`).toBe(range);
    expect(start).toEqual(locator.locate(path));
  });
});

/** A workspace with one of almost every problem `check` finds. */
function brokenWorkspace(): string {
  const files = baseFiles();
  delete files['strategy/canvas/15-gtm.md'];
  return testdir({
    ...files,
    'strategy/canvas/99-extra.md': md('title: extra'),
    'threads/sales/acme/meta.json': dealMeta('acme', { segment: 'space-agencies', goal_id: 'g-nope' }),
    'threads/sales/acme/1-input.md': md('source: inbound\ncompany:\n  name: Acme\n  employees: many\n'),
    'threads/sales/acme/2-hypothesis.md': md('tests: [A1, A9]'),
    'threads/sales/beta/meta.json': dealMeta('other', { type: 'sales-campaign' }),
    'threads/sales/beta/1-input.md': md('source: inbound'),
    'threads/sales/beta/3-implication.md': md('arr_potential: 40000'),
    'threads/sales/gamma/1-input.md': md('source: inbound'),
    'threads/sales/delta/meta.json': '{\n  "id": "delta",\n',
    'threads/sales/eps/meta.json': dealMeta('eps', { subgoal: 'SG1', source: 'campaign:nope' }),
    'threads/sales/eps/1-input.md': '---\nsource: inbound\ncompany:\n',
    'threads/sales/zeta/meta.json': dealMeta('zeta', { goal_id: 'g-first-customers', subgoal: 'SG9' }),
    'threads/sales/eta/meta.json': dealMeta('acme'),
    'goals/g-two.md': GOAL.replace('id: g-first-customers', 'id: g-zwei').replace('deadline: 2026-12-31\n', ''),
    'goals/g-three.md': md('id: g-three\ntitle: "unclosed\n'),
    'goals/g-four.md': '---\n- a\n- b\n---\n',
    'goals/g-five.md': 'No front matter here.\n',
    'research/customer/icp/space-agencies-icp.yaml': 'segment: space-agencies\n',
  });
}

/**
 * `threadwork check --json` on brokenWorkspace(), run once for the file: the tests below
 * each read its answer and none writes to the workspace (three CLI processes were one
 * answer three times).
 */
let brokenCheck: Promise<CliResult & { json: { ok: boolean; diagnostics: Diagnostic[] } }> | undefined;
const checkBroken = (): NonNullable<typeof brokenCheck> => (brokenCheck ??= runJson<{ ok: boolean; diagnostics: Diagnostic[] }>(['check', '--dir', brokenWorkspace()]));

describe('check --json on broken workspaces', () => {
  it('emits only catalogued rules, each with its severity, a range, and a field where it points at a key', async () => {
    const result = await checkBroken();
    expect(result.code, result.stderr).toBe(1);
    const diagnostics = result.json.diagnostics;
    const emitted = new Set(diagnostics.map((d) => d.rule));
    // The fixture is not vacuous: it trips most of the rules `check` has.
    for (const rule of ['schema', 'yaml-syntax', 'json-syntax', 'front-matter-unclosed', 'front-matter-not-object', 'front-matter-missing', 'canvas-missing', 'canvas-unknown', 'unknown-assumption', 'unknown-segment', 'unknown-goal', 'unknown-subgoal', 'subgoal-without-goal', 'unknown-campaign', 'duplicate-id', 'stage-order', 'thread-meta-missing', 'thread-id-folder', 'thread-type-folder', 'goal-id-filename']) {
      expect(emitted, rule).toContain(rule);
    }
    for (const d of diagnostics) {
      const where = `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`;
      expect(isRuleId(d.rule), `${where}: not in the catalog`).toBe(true);
      expect(severitiesOf(d.rule), where).toContain(d.severity);
      expect(Number.isInteger(d.endLine) && Number.isInteger(d.endColumn), where).toBe(true);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), `${where}: ends before it starts`).toBe(true);
      if (RULES[d.rule].at === 'key') expect(d.field, `${where}: no field`).toMatch(/^[A-Za-z_]/);
      if (RULES[d.rule].at === 'file' || RULES[d.rule].at === 'text') expect(d.field, where).toBeUndefined();
    }
    const schemaErrors = diagnostics.filter((d) => d.rule === 'schema');
    expect(schemaErrors.length).toBeGreaterThan(0);
    for (const d of schemaErrors) expect(d.field, `${d.path}:${d.line}:${d.column} ${d.message}`).toBeTruthy();
  });

  it('spans the offending value of a schema error and of a reference', async () => {
    const { json } = await checkBroken();
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ path: 'threads/sales/acme/1-input.md', rule: 'schema', field: 'company.employees', line: 5, column: 14, endLine: 5, endColumn: 18 }));
    // `tests: [A1, A9]`: A9 is columns 13–14.
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ path: 'threads/sales/acme/2-hypothesis.md', rule: 'unknown-assumption', field: 'tests[1]', line: 2, column: 13, endLine: 2, endColumn: 15 }));
    // `"segment": "space-agencies"` in meta.json: the string with its quotes.
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ path: 'threads/sales/acme/meta.json', rule: 'unknown-segment', field: 'segment', line: 5, column: 14, endLine: 5, endColumn: 30 }));
  });

  it('the shipped check schema requires the range', async () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/cli/check.schema.json'), 'utf8')) as object);
    const { json } = await checkBroken();
    expect(validate(json), ajv.errorsText(validate.errors)).toBe(true);
    const withoutEnd = { ...json, diagnostics: json.diagnostics.map(({ endLine: _l, endColumn: _c, ...rest }) => rest) };
    expect(validate(withoutEnd)).toBe(false);
  });
});

describe('the commands that report a rule', () => {
  it('lists sync, watch or a write command for a warning only when a sync shows it (SYNC_WARNINGS)', () => {
    for (const id of RULE_IDS) {
      const info: RuleInfo = RULES[id];
      if (info.severity !== 'warning') continue;
      expect(info.reportedBy.includes('sync'), `${id}: reported by sync`).toBe(SYNC_WARNINGS.has(id));
      expect(info.reportedBy.includes('write'), `${id}: a write shows check's warnings only in what it writes, said once in docs/rules.md`).toBe(false);
      if (info.reportedBy.includes('watch')) expect(SYNC_WARNINGS.has(id), `${id}: reported by watch`).toBe(true);
    }
  });

  it('says which commands report the warning of a rule that is an error or a warning', () => {
    const page = readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    expect(page).toContain('the warning by `check` only, and by a write in what it writes');
  });

  it('a warning check reports and the catalogue gives to check alone is not in the output of sync', async () => {
    const dir = workspace({ 'strategy/canvas/17-extra.md': md('title: Extra') });
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.map((d) => d.rule)).toContain('canvas-unknown');
    expect(RULES['canvas-unknown'].reportedBy).toEqual(['check']);
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--no-commit', '--dir', dir]);
    expect(sync.json.diagnostics.map((d) => d.rule)).not.toContain('canvas-unknown');
  });

  it('an experiment-design error is check\'s and a write command\'s, not sync\'s', async () => {
    const actions = 'sequence:\n  preset: five-touch-cold\n  start: 2026-03-02\nexperiments:\n  - name: subject\n    touch: 1\n    variants:\n      - {id: A, split: 0.5}\n      - {id: B, split: 0.7}\nprospects:\n  - {name: P, email: p@firm.example, company: Firm, title: Controller, status: active}';
    const dir = workspace(campaignFiles('threads/sales/campaigns/2026-03-02-close', '2026-03-02', actions));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.map((d) => d.rule)).toContain('experiment-design');
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--no-commit', '--dir', dir]);
    expect(sync.json.diagnostics.map((d) => d.rule)).not.toContain('experiment-design');
    expect(RULES['experiment-design'].reportedBy).toEqual(['check', 'write']);
    // Results are what the derived figures read: those errors hold the campaign in sync (test/campaign-results-held.test.ts).
    expect(RULES['experiment-results'].reportedBy).toEqual(['check', 'sync', 'watch', 'write']);
  });
});

/**
 * The error rules' "reported by" column was audited only for check-only rules: a write
 * command into a thread with one of these errors refuses and lists it (`thread-in-error`,
 * `stage-invalid`, `invalid-meta`), yet the catalogue did not name `write` for them. Each
 * case breaks one thread of the example and runs `advance` on it.
 */
describe('the errors a write command reports', () => {
  const COBALT = 'threads/sales/cobalt-remit';
  // At Stage 3: keel-neobank, at Stage 4, decides DEFER, which advance refuses before anything else.
  const MERIDIAN = 'threads/sales/meridian-pay';
  const editMeta = (dir: string, from: string, to: string): void => writeFileSync(join(dir, COBALT, 'meta.json'), readFileSync(join(dir, COBALT, 'meta.json'), 'utf8').replace(from, to));
  it.each([
    { rule: 'json-syntax', thread: COBALT, breakIt: (dir: string) => writeFileSync(join(dir, COBALT, 'meta.json'), '{"id": "cobalt-remit",\n') },
    { rule: 'thread-meta-missing', thread: COBALT, breakIt: (dir: string) => rmSync(join(dir, COBALT, 'meta.json')) },
    { rule: 'thread-id-folder', thread: COBALT, breakIt: (dir: string) => editMeta(dir, '"id": "cobalt-remit"', '"id": "cobalt-remits"') },
    { rule: 'thread-type-folder', thread: COBALT, breakIt: (dir: string) => editMeta(dir, '"type": "sales-deal"', '"type": "sales-campaign"') },
    { rule: 'stage-order', thread: MERIDIAN, breakIt: (dir: string) => rmSync(join(dir, MERIDIAN, '2-hypothesis.md')) },
    {
      rule: 'folder-not-file',
      thread: COBALT,
      breakIt: (dir: string) => {
        rmSync(join(dir, COBALT, '2-hypothesis.md'));
        mkdirSync(join(dir, COBALT, '2-hypothesis.md'));
      },
    },
  ])('$rule: advance refuses and names it, and the catalogue says `write`', async ({ rule, thread, breakIt }) => {
    const dir = exampleWorkspaceCopy();
    breakIt(dir);
    const advance = await runJson<{ error: { code: string; message: string } }>(['advance', thread], { cwd: dir });
    expect(advance.code).toBe(1);
    expect(advance.json.error.message).toContain(`(${rule})`);
    expect(RULES[rule as RuleId].reportedBy).toContain('write');
  });
});

describe('suppression-invalid', () => {
  it('is the campaign commands’ refusal: check and sync report the list’s own errors under their rules', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, 'threads/sales/campaigns/suppression.yaml'), 'suppressed:\n  - {mail: a@b.example}\n');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dry-run'], { cwd: dir });
    for (const { json } of [check, sync]) {
      expect(json.diagnostics.filter((d) => d.path.endsWith('suppression.yaml')).map((d) => d.rule)).toContain('schema');
      expect(json.diagnostics.map((d) => d.rule)).not.toContain('suppression-invalid');
    }
    const due = await runJson<{ error: { code: string } }>(['due'], { cwd: dir });
    expect(due.json.error.code).toBe('suppression-invalid');
    expect(RULES['suppression-invalid'].reportedBy).toEqual(['campaign']);
  });
});
