import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CLI_OUTPUTS } from '../src/cli/json-output/index.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { REPO_ROOT, runCli, runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { commandJson } from './helpers/in-process.js';
import { preparedCopySync } from './helpers/prepared.js';
import { testdir, writeFiles } from './helpers/testdir.js';
import { WatchProcess } from './helpers/watch.js';

/** The shipped schemas, as a consumer of the package would load them. */
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = new Map<string, ValidateFunction>();
function validator(id: string): ValidateFunction {
  let validate = validators.get(id);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/cli', `${id}.schema.json`), 'utf8')) as object);
    validators.set(id, validate);
  }
  return validate;
}

function expectValid(id: string, output: unknown): void {
  const validate = validator(id);
  const valid = validate(output);
  expect(valid, `${id}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(output).slice(0, 2000)}`).toBe(true);
}

async function expectCommand(id: string, args: string[], exitCode = 0): Promise<Record<string, unknown>> {
  const result = await runJson(args);
  expect(result.code, `${args.join(' ')}: ${result.stdout.slice(0, 500)}${result.stderr}`).toBe(exitCode);
  expectValid(id, result.json);
  // `ok` comes first and says what the exit code says: an agent tests it before the rest.
  expect(Object.keys(result.json)[0], args.join(' ')).toBe('ok');
  expect(result.json.ok, args.join(' ')).toBe(exitCode === 0);
  return result.json;
}

/** The bundled example in a git repository with one commit: built once, a copy per test. */
const example = (): string => preparedCopySync('example', exampleWorkspace);

describe('the --json contract', () => {
  it('ships a schema for every output shape', () => {
    for (const { id } of CLI_OUTPUTS) expect(() => validator(id), id).not.toThrow();
  });

  // Some thirty-five CLI processes: the ones that need no workspace, and the reads of one, run side by side (each
  // still a real process, its exit code and JSON checked); the rest run in order, each on what the one before left.
  // One after another they took more than 120 s at load 18 on 2 cores.
  it("every command's real output validates against its shipped schema", { timeout: 120_000 }, async () => {
    const dir = example();
    const d = ['--dir', dir];
    const withoutWorkspace = Promise.all([
      expectCommand('init', ['init', testdir(), '--no-git']),
      expectCommand('init', ['init', testdir(), '--no-git', '--skills']),
      expectCommand('schemas', ['schemas', '--out', testdir()]),
      expectCommand('demo', ['demo']),
    ]);
    await expectCommand('skills-install', ['skills', 'install', ...d]);
    await expectCommand('check', ['check', ...d]);
    await expectCommand('deal-new', ['deal', 'new', 'Fjord Payments', '-s', 'mid-market-fintech', '--contact', 'Ingrid Solberg', '--signal', 'Asked for a demo', ...d]);
    await expectCommand('campaign-new', ['campaign', 'new', 'Year end', '-s', 'mid-market-fintech', '--date', '2026-11-02', ...d]);
    await expectCommand('advance', ['advance', 'fjord-payments', ...d]);
    await expectCommand('error', ['advance', 'fjord-payments', ...d], 1);
    await expectCommand('error', ['advance', 'no-such-deal', ...d], 1);
    // A derived field lost by hand: the sync writes it back and commits.
    const metaPath = join(dir, 'threads/sales/fjord-payments/meta.json');
    const { status: _status, ...meta } = JSON.parse(readFileSync(metaPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
    await expectCommand('sync', ['sync', '--dry-run', ...d]);
    const synced = await expectCommand('sync', ['sync', ...d]);
    expect(synced.commit).toMatchObject({ committed: true });
    await expectCommand('sync', ['sync', ...d]);
    await expectCommand('strategy', ['strategy', ...d]);
    await expectCommand('score', ['score', join(dir, 'research/customer/lists/fintech-accounts-2026-11.csv'), '-s', 'mid-market-fintech', ...d]);
    await expectCommand('score-contacts', ['score', '--contacts', join(dir, 'research/customer/lists/fintech-contacts-2026-11.csv'), '-s', 'mid-market-fintech', ...d]);
    await expectCommand('due', ['due', '--date', '2026-09-20', ...d]);
    await expectCommand('campaign-draft', ['campaign', 'draft', '2026-09-15-fintech-controller-outbound', ...d]);
    await expectCommand('campaign-reply', ['campaign', 'reply', '2026-09-15-fintech-controller-outbound', 'ravi.shah@meridianpay.com', '--text', 'Please remove me from your list', ...d]);
    await Promise.all([
      ...['pipeline', 'winloss', 'goals', 'assumptions', 'forecast', 'campaigns'].map((name) => expectCommand(`report-${name}`, ['report', name, ...d])),
      expectCommand('error', ['report', 'weather', ...d], 1),
      expectCommand('history', ['history', 'A1', ...d]),
      expectCommand('history', ['history', 'threads/sales/fjord-payments', ...d]),
      expectCommand('qualify', ['qualify', 'keel-neobank', ...d]),
      expectCommand('qualify', ['qualify', 'fjord-payments', ...d]),
    ]);
    await withoutWorkspace;
    // A file in error: sync holds what it derives, says so and exits 1 — `ok` false.
    writeFileSync(join(dir, 'threads/sales/fjord-payments/meta.json'), '{ "type": "sales-deal",\n');
    await expectCommand('sync', ['sync', ...d], 1);
  });

  it('every line `watch --json` prints validates against the watch-line schema', async () => {
    const dir = example();
    const watcher = new WatchProcess(dir);
    await watcher.ready();
    writeFiles(dir, { 'threads/sales/oakline-outfitters/3-implication.md': readFileSync(join(dir, 'threads/sales/oakline-outfitters/3-implication.md'), 'utf8').replace(/arr_potential: \d+/, 'arr_potential: 55000') });
    await watcher.cycle(1);
    expect(await watcher.stop()).toBe(0);
    const events = watcher.lines.map((l) => l.event);
    expect(events).toEqual(expect.arrayContaining(['ready', 'cycle', 'stopped']));
    for (const line of watcher.lines) expectValid('watch-line', line);
  });

  // An agent reads a detail only when the schema promises it: `meant` is the one thread an
  // unknown name was near, to retry with; a wrong type there must not validate.
  it('the error schema describes the details an agent acts on: meant, path, known', async () => {
    const dir = example();
    const near = await expectCommand('error', ['advance', 'Keel', '--dir', dir], 1);
    expect(near.error).toEqual({ code: 'unknown-thread', message: expect.stringContaining('did you mean threads/sales/keel-neobank?'), meant: 'threads/sales/keel-neobank' });
    const properties = (JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/cli/error.schema.json'), 'utf8')) as { properties: { error: { properties: Record<string, { type: string }> } } }).properties.error.properties;
    expect(properties.meant).toMatchObject({ type: 'string' });
    expect(properties.path).toMatchObject({ type: 'string' });
    expect(properties.known).toMatchObject({ type: 'array' });
    expect(validator('error')({ ok: false, error: { ...(near.error as object), meant: ['threads/sales/keel-neobank'] } })).toBe(false);
  });

  // The outputs broken here are check's and sync's as their commands' own functions answer them: the same JSON their
  // real runs print (each validated through the CLI in the test above); what is tested is the schema.
  it('the schemas are not vacuous: outputs that break the contract are rejected', async () => {
    const check = (await commandJson(() => checkCommand({}, { dir: REPO_ROOT, json: true }))).json;
    const broken = [
      { ...check, ok: 'yes' },
      { ...check, diagnostics: [{ path: 'x.md', line: 0, column: 1, severity: 'fatal', message: 'm', rule: 'r' }] },
      (({ errors: _errors, ...rest }) => rest)(check as Record<string, unknown>),
    ];
    for (const output of broken) expect(validator('check')(output), JSON.stringify(output).slice(0, 200)).toBe(false);
    expect(validator('error')({ ok: true, error: { code: 'x', message: 'y' } })).toBe(false);
    const dryRun = (await commandJson(() => syncCommand({ dryRun: true, commit: true }, { dir: REPO_ROOT, json: true }))).json;
    expectValid('sync', dryRun);
    expect(validator('sync')({ ...dryRun, commit: { committed: true } })).toBe(false);
    // …while a field added in a later version is not a break.
    expect(validator('check')({ ...check, newField: 1 })).toBe(true);
  });
});

it('a bad CLI invocation exits 1 without a stack', async () => {
  const result = await runCli(['report', 'weather']);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
});
