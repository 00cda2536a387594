import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { threadFamilyOf, threadOf } from '../src/workspace/layout.js';
import { runCli, runJson } from './helpers/cli.js';
import { md, read, testdir, writeFiles } from './helpers/testdir.js';
import { commitCount, gitInit } from './helpers/git.js';
import { campaignFiles, dealMeta, workspace } from './helpers/workspace.js';
import { exampleWorkspace } from './helpers/example.js';
import { copyOfPrepared } from './helpers/prepared.js';
import { expectCheckClean, dealNewInProcess } from './helpers/threads.js';
import { asCliJson } from './helpers/in-process.js';

const TODAY = { THREADWORK_TODAY: '2026-11-22' };

/*
 * Speed: a CLI process costs about a second on a loaded two-core machine. Where a test is
 * about the workspace's answer rather than the process, it asks the API the command calls
 * (asCliJson gives the JSON and exit code the CLI makes of it); each CLI behaviour checked
 * here keeps at least one real CLI run. Opening threads (deal new, campaign new) is in
 * threads.test.ts; advancing them, naming them by path and --no-commit here.
 */

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The deal acme at stage 1, committed: a copy of one made once for the file (a copy costs one git process, a new repository seven). */
function committedAcme(): string {
  return copyOfPrepared('acme', () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound') });
    gitInit(dir);
    return dir;
  });
}


describe('threadwork advance', () => {
  it('lists exactly what is missing and writes nothing', async () => {
    const dir = workspace();
    await dealNewInProcess(dir, 'Acme', ['-s', 'mid-market-fintech']);
    const result = await runJson(['advance', 'acme', '--dir', dir]);
    expect(result.code).toBe(1);
    const missing = (result.json as { error: { missing: { field: string }[] } }).error.missing.map((m) => m.field);
    expect(missing).toEqual(['signal', 'contact.name']);
    expect(existsSync(join(dir, 'threads/sales/acme/2-hypothesis.md'))).toBe(false);
  });

  it('walks a deal through all six stages once each stage is filled in', async () => {
    const dir = workspace();
    vi.stubEnv('THREADWORK_TODAY', TODAY.THREADWORK_TODAY);
    const ws = await openWorkspace(dir);
    await ws.createDeal({ company: 'Acme', segment: 'mid-market-fintech', contactName: 'Ada', signal: 'Asked for a demo' });
    const fills: Record<number, string> = {
      2: md('tests: [A1, A2]\ninitial_confidence: 0.6'),
      3: md('arr_potential: 36000\nstrategic_value: high\nresource_cost_hours: 20'),
      4: md('decision: QUALIFY\nframework: BANT\ncriteria: {budget: 36000, authority: confirmed}\nreasoning: Budget approved'),
      5: md('actions:\n  - {type: sales:demo, status: completed}\n  - {type: sales:close, status: completed}'),
    };
    // Each advance as the workspace answers it (advance through the CLI: the tests below and the --no-commit one).
    for (let stage = 2; stage <= 6; stage++) {
      const result = await asCliJson(() => ws.advance('threads/sales/acme'));
      expect(result.code, JSON.stringify(result.json)).toBe(0);
      expect(result.json).toMatchObject({ from: stage - 1, to: stage });
      const file = (result.json as { created: string }).created;
      expect(read(dir, file)).toMatch(/^---\n/);
      if (fills[stage]) writeFiles(dir, { [file]: fills[stage]! });
    }
    vi.unstubAllEnvs();
    const last = await runCli(['advance', 'acme', '--dir', dir]);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/last stage/);
    expect(last.stderr).toContain('its `outcome` there (closed-won, closed-lost or stalled) closes the thread');
    await expectCheckClean(dir);

    // Closed: advancing again is told that it is, not how to close it (which read as if the close had not been taken).
    writeFiles(dir, { 'threads/sales/acme/6-learning.md': md('outcome: closed-won\nclosed: 2026-11-25\narr: 36000') });
    const closed = await runJson(['advance', 'acme', '--dir', dir]);
    expect(closed.code).toBe(1);
    expect(closed.json).toMatchObject({ error: { code: 'last-stage', path: 'threads/sales/acme/6-learning.md' } });
    expect((closed.json as { error: { message: string } }).error.message).toBe(
      'threads/sales/acme is closed (closed-won on 2026-11-25), in 6-learning.md: nothing to advance to — its learning counts from there',
    );

    // A learning file with an error is held: not said to count, nor to need an outcome it has (on a line next to a bad date).
    // The first through the CLI, the second as the workspace answers it.
    for (const [closedOn, error] of [
      ['2026-02-30', 'threads/sales/acme/6-learning.md:3:9 error Invalid `closed`: expected a real calendar date (got "2026-02-30") (schema)'],
      ['2099-05-01', 'threads/sales/acme/6-learning.md:3:9 error Close date 2099-05-01 is after today'],
    ] as const) {
      writeFiles(dir, { 'threads/sales/acme/6-learning.md': md(`outcome: closed-won\nclosed: ${closedOn}\narr: 36000`) });
      const held = closedOn === '2026-02-30' ? await runJson(['advance', 'acme', '--dir', dir]) : await asCliJson(async () => (await openWorkspace(dir)).advance('acme'));
      expect(held.code).toBe(1);
      const { message, diagnostics } = (held.json as { error: { message: string; code: string; diagnostics: { rule: string }[] } }).error;
      expect(message).toMatch(/^threads\/sales\/acme is at its last stage \(6-learning\.md\): nothing to advance to — and that file has errors, so what it records is held \(its last valid version counts\) until they are fixed:\n/);
      expect(message).toContain(error);
      expect(message).not.toContain('counts from there');
      expect(message).not.toContain('closes the thread');
      expect(diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('tells a campaign at its last stage that its closed date closes it, and a closed one that it is closed', async () => {
    const campaign = 'threads/sales/campaigns/2026-01-26-month-end';
    const dir = workspace({
      ...campaignFiles(campaign, '2026-01-26', 'sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects: []'),
      [`${campaign}/6-learning.md`]: md('closed: null'),
    });
    const open = await asCliJson(async () => (await openWorkspace(dir)).advance(campaign));
    expect(open.code).toBe(1);
    expect((open.json as { error: { message: string } }).error.message).toContain('nothing to advance to; its `closed` date there closes the campaign');
    writeFiles(dir, { [`${campaign}/6-learning.md`]: md('closed: 2026-03-01') });
    const closed = await asCliJson(async () => (await openWorkspace(dir)).advance(campaign));
    expect((closed.json as { error: { message: string } }).error.message).toBe(`${campaign} is closed on 2026-03-01, in 6-learning.md: nothing to advance to — its learning counts from there`);
  });

  it('writes the next stage in the line endings of the stage it follows: a CRLF thread gets a CRLF file', async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme').replace(/\n/g, '\r\n'),
      'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme').replace(/\n/g, '\r\n'),
    });
    const result = await asCliJson(async () => (await openWorkspace(dir)).advance('threads/sales/acme', { commit: false }));
    expect(result.code, JSON.stringify(result.json)).toBe(0);
    const created = read(dir, 'threads/sales/acme/2-hypothesis.md');
    expect(created).toMatch(/^---\r\n/);
    // Every line ends CRLF: no bare LF anywhere.
    expect(created.replace(/\r\n/g, '')).not.toContain('\n');

    // A thread written with LF keeps getting LF.
    const lf = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme') });
    expect((await asCliJson(async () => (await openWorkspace(lf)).advance('threads/sales/acme', { commit: false }))).code).toBe(0);
    expect(read(lf, 'threads/sales/acme/2-hypothesis.md')).not.toContain('\r');

    // A thread written with LF whose stage has one CRLF line (its first, pasted from a Windows editor) keeps getting LF: the ending the file mostly uses.
    const mixed = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme').replace('---\n', '---\r\n') });
    expect((await runCli(['advance', 'acme', '--no-commit', '--dir', mixed])).code).toBe(0);
    expect(read(mixed, 'threads/sales/acme/2-hypothesis.md')).not.toContain('\r');
  });

  // The template writes target_list as three empty keys: an object is not a filled list.
  it.each([
    ['the template as written', '', ['target_list.source', 'target_list.count', 'target_list.criteria']],
    ['a list of no one', 'target_list: {source: CRM, count: 0, criteria: Controllers}', ['target_list.count']],
    ['only a count', 'target_list: {count: 120}', ['target_list.source', 'target_list.criteria']],
    ['a blank sentence', 'target_list: "  "', ['target_list.source', 'target_list.count', 'target_list.criteria']],
    ['every key', 'target_list: {source: CRM, count: 120, criteria: Controllers at US fintechs}', []],
    ['one sentence', 'target_list: 120 controllers at US fintechs from our CRM', []],
  ])('a campaign leaves stage 1 only with a filled target_list: %s', async (shape, targetList, missing) => {
    const dir = workspace();
    expect((await asCliJson(async () => (await openWorkspace(dir)).createCampaign({ name: 'Test camp', segment: 'mid-market-fintech', date: '2026-10-01' }))).code).toBe(0);
    const input = 'threads/sales/campaigns/2026-10-01-test-camp/1-input.md';
    let text = read(dir, input).replace(/^goal: null$/m, 'goal: "Ten meetings"');
    if (targetList) text = text.replace(/^target_list:\n(?: {2}.*\n)+/m, `${targetList}\n`);
    writeFiles(dir, { [input]: text });

    // The first case and one that advances through the CLI, the others as the workspace answers them.
    const result = ['the template as written', 'every key'].includes(shape)
      ? await runJson<{ error?: { code: string; missing: { field: string }[] } }>(['advance', '2026-10-01-test-camp', '--dir', dir])
      : await asCliJson<{ error?: { code: string; missing: { field: string }[] } }>(async () => (await openWorkspace(dir)).advance('2026-10-01-test-camp'));
    if (missing.length === 0) {
      expect(result.code, JSON.stringify(result.json)).toBe(0);
      return;
    }
    expect(result.code).toBe(1);
    expect(result.json.error?.code).toBe('stage-incomplete');
    expect(result.json.error?.missing.map((m) => m.field)).toEqual(missing);
    expect(existsSync(join(dir, 'threads/sales/campaigns/2026-10-01-test-camp/2-hypothesis.md'))).toBe(false);
  });

  it('refuses to record learning while actions are still open', async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': JSON.stringify({ id: 'acme', type: 'sales-deal', title: 'Acme', segment: 'mid-market-fintech', source: 'inbound', created: '2026-03-01' }),
      'threads/sales/acme/1-input.md': md('source: inbound'),
      'threads/sales/acme/2-hypothesis.md': md('tests: [A1]'),
      'threads/sales/acme/3-implication.md': md('arr_potential: 1'),
      'threads/sales/acme/4-decision.md': md('decision: QUALIFY'),
      'threads/sales/acme/5-actions.md': md('actions:\n  - {type: sales:demo, status: completed}\n  - {type: sales:pilot, status: in_progress}'),
    });
    const ws = await openWorkspace(dir);
    // At the line of the status to settle: an editor (or an agent) goes straight to it.
    await expect(ws.advance('acme')).rejects.toThrow(/actions\[1\]\.status \(threads\/sales\/acme\/5-actions\.md:4:\d+\): sales:pilot is in_progress/);
  });

  // "Fill in: signal (line 8)" was the one place the CLI named a line without its file and column.
  it('names each field to fill in at file:line:column, in the text and in --json', async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01\nsignal: Asked for a demo\ncontact:\n  name:\ncompany: {name: Acme}'),
    });
    const text = await runCli(['advance', 'acme', '--dir', dir]);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('  - contact.name (threads/sales/acme/1-input.md:6:3): the person you are talking to');
    // The JSON as the workspace answers it (a stage-incomplete refusal through the CLI's --json: the first test).
    const result = await asCliJson<{ error: { path: string; missing: { field: string; line?: number; column?: number }[] } }>(async () => (await openWorkspace(dir)).advance('acme'));
    expect(result.json.error.path).toBe('threads/sales/acme/1-input.md');
    expect(result.json.error.missing).toEqual([{ field: 'contact.name', hint: expect.any(String), line: 6, column: 3 }]);
  });

  it('names no line for a list left out of the file: the schema reads it as [], but nothing is written there to point at', async () => {
    const dir = workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound\nsignal: Asked for a demo\ncontact: {name: Ada}\ncompany: {name: Acme}'),
      // No `tests` key at all; `initial_confidence` written with no value.
      'threads/sales/acme/2-hypothesis.md': md('statement: They close in twelve days\ninitial_confidence:'),
    });
    // As the workspace answers it (a stage-incomplete refusal through the CLI: the first test).
    const result = await asCliJson<{ error: { code: string; message: string; missing: { field: string; line?: number }[] } }>(async () => (await openWorkspace(dir)).advance('acme'));
    expect(result.code).toBe(1);
    expect(result.json.error.code).toBe('stage-incomplete');
    // Not `tests (line 2)`, the `statement` line: the person would look for a `tests` key there.
    expect(result.json.error.missing).toEqual([
      { field: 'tests', hint: expect.any(String) },
      { field: 'initial_confidence', hint: expect.any(String), line: 3, column: 1 },
    ]);
    expect(result.json.error.message).toMatch(/ {2}- tests: the assumption ids/);
  });

  // The stage as written, not its last valid version (the template's empty fields, committed
  // when the stage was opened): the errors check reports, not "fill in" of fields that are there.
  it.each([
    ['a value of the wrong type', 2, 'tests: [A1]\ninitial_confidence: "high"', [{ rule: 'schema', field: 'initial_confidence', line: 3 }]],
    ['an unknown assumption id', 2, 'tests: [A9]\ninitial_confidence: 0.3', [{ rule: 'unknown-assumption', field: 'tests[0]', line: 2 }]],
    ['an unknown strategic value', 3, 'arr_potential: 36000\nstrategic_value: High', [{ rule: 'schema', field: 'strategic_value', line: 3 }]],
    // All at once, as check reports them: a wrong type does not hide an unknown id until it is fixed.
    [
      'a wrong type and an unknown id together',
      2,
      'tests: [A1, A9]\ninitial_confidence: 60%',
      [
        { rule: 'unknown-assumption', field: 'tests[1]', line: 2 },
        { rule: 'schema', field: 'initial_confidence', line: 3 },
      ],
    ],
  ])('refuses to leave a stage with %s, naming the error as check does, and writes nothing', async (name, stage, written, expected) => {
    // The thread as committed when its stage was opened: made once a stage for the file, a copy per case.
    const dir = copyOfPrepared(`at stage ${stage}`, () => {
      const files: Record<string, string> = {
        'threads/sales/acme/meta.json': dealMeta('acme'),
        'threads/sales/acme/1-input.md': md('source: inbound\nsignal: Asked for a demo\ncontact: {name: Ada}\ncompany: {name: Acme}'),
        'threads/sales/acme/2-hypothesis.md': md('tests: []\ninitial_confidence: null'),
      };
      if (stage === 3) files['threads/sales/acme/3-implication.md'] = md('arr_potential: null\nstrategic_value: null');
      const made = workspace(files);
      gitInit(made);
      return made;
    });
    const stageFile = stage === 2 ? 'threads/sales/acme/2-hypothesis.md' : 'threads/sales/acme/3-implication.md';
    writeFiles(dir, { [stageFile]: md(written) });
    const commits = commitCount(dir);

    // The first case through the CLI, the others as the workspace answers them; check's JSON likewise (its CLI: check.test.ts).
    type Refusal = { error: { code: string; diagnostics: unknown[] } };
    const result = name === 'a value of the wrong type' ? await runJson<Refusal>(['advance', 'acme', '--dir', dir]) : await asCliJson<Refusal>(async () => (await openWorkspace(dir)).advance('acme'));
    expect(result.code).toBe(1);
    expect(result.json.error.code).toBe('stage-invalid');
    const check = await asCliJson<{ diagnostics: { path: string }[] }>(async () => (await openWorkspace(dir)).check());
    const reported = check.json.diagnostics.filter((d) => d.path === stageFile);
    expect(reported).toEqual(expected.map((e) => expect.objectContaining({ ...e, path: stageFile, severity: 'error' })));
    expect(result.json.error.diagnostics).toEqual(reported);
    expect(readdirSync(join(dir, 'threads/sales/acme')).filter((f) => f.startsWith(`${stage + 1}-`))).toEqual([]);
    expect(commitCount(dir)).toBe(commits);
  });

  // `..`, a path out of threads/ and an absolute path elsewhere are refused as typed, never normalised
  // into another question (`threads/../acme` is not `Unknown thread "acme"`, nor the thread acme).
  const PARENT = /"\.\." segments are not accepted in a thread argument/;
  const OUTSIDE = /it leads outside threads\/; a thread is a folder there/;
  it.each<[string, string, RegExp]>([
    ['..', 'path-refused', PARENT],
    ['../x', 'path-refused', PARENT],
    ['../../etc', 'path-refused', PARENT],
    ['threads/../x', 'path-refused', PARENT],
    ['threads/../acme', 'path-refused', PARENT],
    ['threads/sales/../sales/acme', 'path-refused', PARENT],
    ['threads/../strategy', 'path-refused', PARENT],
    ['/etc', 'path-refused', /it is outside the workspace \/.*; give a thread folder of this workspace/],
    ['strategy/canvas', 'path-refused', OUTSIDE],
    ['threads/sales', 'invalid-thread', /expected a thread folder inside threads\//],
    // A stage file, as an editor's tab or a shell completes it: the thread it is in is named.
    ['threads/sales/acme/1-input.md', 'invalid-thread', /expected a thread folder inside threads\/ .*: it is a file of the thread threads\/sales\/acme, give that folder$/],
    ['nope', 'unknown-thread', /Unknown thread "nope"/],
  ])('advance and history answer the thread %j with %s, naming it as given', async (thread, code, message) => {
    const dir = committedAcme();
    // As the workspace answers them: none starts with `./`, the one form the CLI reads itself (thread-argument.ts);
    // each of these errors through the CLI: the `./` and outside-the-workspace tests below.
    const ws = await openWorkspace(dir);
    for (const command of ['advance', 'history'] as const) {
      const result = await asCliJson<{ error: { code: string; message: string; path?: string } }>(() => (command === 'advance' ? ws.advance(thread) : ws.history(thread)));
      expect(result.code, `${command} ${thread}`).toBe(1);
      expect(result.json.error.code, `${command} ${thread}: ${result.json.error.message}`).toBe(code);
      expect(result.json.error.message, `${command} ${thread}`).toMatch(message);
      if (code === 'path-refused') {
        expect(result.json.error.message).toContain(`Refused path ${JSON.stringify(thread)}`);
        expect(result.json.error.path).toBe(thread);
      }
    }
    expect(readdirSync(join(dir, 'threads/sales/acme')).sort()).toEqual(['1-input.md', 'meta.json']);
  });

  // `./acme` typed in threads/sales is what a shell completes there: relative to the current
  // folder, as migrate's paths are. It was read from the workspace's top and refused as
  // "leading outside threads/". Paths without `./` stay relative to the workspace.
  it('reads a thread path starting with ./ from the current folder, and the others from the workspace', async () => {
    const dir = committedAcme();
    mkdirSync(join(dir, 'threads/marketing'));
    for (const [cwd, typed] of [['threads/sales', './acme'], ['threads/sales', './acme/'], ['threads/sales', 'threads/sales/acme'], ['threads/sales/acme', '.'], ['', './threads/sales/acme']] as const) {
      const result = await runJson<{ subject: string }>(['history', typed], { cwd: join(dir, cwd) });
      expect(result.code, `${typed} in ${cwd}: ${result.stdout}`).toBe(0);
      expect(result.json.subject).toBe('threads/sales/acme');
    }
    const refused = await runJson<{ error: { code: string; message: string } }>(['history', './acme'], { cwd: join(dir, 'threads') });
    expect(refused.json.error).toMatchObject({ code: 'invalid-thread', message: expect.stringMatching(/^Refused thread "threads\/acme": expected a thread folder inside threads\//) });
    const parent = await runJson<{ error: { code: string; path: string } }>(['history', './../sales/acme'], { cwd: join(dir, 'threads/marketing') });
    expect(parent.json.error).toMatchObject({ code: 'path-refused', path: './../sales/acme' });
    const unknown = await runJson<{ error: { code: string; message: string } }>(['advance', './nope'], { cwd: join(dir, 'threads/sales') });
    expect(unknown.json.error).toMatchObject({ code: 'unknown-thread', message: expect.stringMatching(/^Unknown thread "threads\/sales\/nope"/) });
  });

  // threads/sales/campaigns is the folder of the campaigns, not a deal named "campaigns".
  it('answers the bare id "campaigns" as no thread, not as the campaigns folder', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound'), ...campaignFiles('threads/sales/campaigns/2026-03-01-month-end', '2026-03-01', 'actions: []') });
    gitInit(dir);
    // As the workspace answers it (unknown-thread through the CLI: the `./` test above).
    const ws = await openWorkspace(dir);
    for (const command of ['advance', 'history'] as const) {
      const result = await asCliJson<{ error: { code: string; message: string } }>(() => (command === 'advance' ? ws.advance('campaigns') : ws.history('campaigns')));
      expect(result.code, `${command}: ${JSON.stringify(result.json)}`).toBe(1);
      // history reads a trail, so it says no commit names it rather than to create one (history-unknown-thread.test.ts).
      const absent = command === 'advance' ? ' (create one with `threadwork deal new`)' : ', and no threadwork commit names it either';
      expect(result.json.error).toEqual({ code: 'unknown-thread', message: `Unknown thread "campaigns": no such folder under threads/${absent}` });
    }
  });

  // A newcomer types the company (`Northwind-Payments`, `northwind`) or the campaign's name
  // without its date (`month-end`): "no such folder … create one with `threadwork deal new`"
  // sent them to open a second thread for one they have. The error names the thread meant.
  it('names the thread meant when the id differs by case, lacks a campaign date or is the first word', async () => {
    const dir = workspace({
      'threads/sales/northwind-payments/meta.json': dealMeta('northwind-payments'),
      'threads/sales/northwind-payments/1-input.md': md('source: inbound'),
      ...campaignFiles('threads/sales/campaigns/2026-03-01-month-end', '2026-03-01', 'actions: []'),
    });
    gitInit(dir);
    const cases = [
      ['Northwind-Payments', 'threads/sales/northwind-payments'],
      ['northwind', 'threads/sales/northwind-payments'],
      ['threads/sales/Northwind-Payments', 'threads/sales/northwind-payments'],
      ['month-end', 'threads/sales/campaigns/2026-03-01-month-end'],
    ] as const;
    const ws = await openWorkspace(dir);
    const inProcess = { advance: (t: string) => ws.advance(t), history: (t: string) => ws.history(t), 'campaign draft': (t: string) => ws.draftCampaign(t) };
    for (const command of ['advance', 'history', 'campaign draft'] as const) {
      for (const [typed, meant] of cases) {
        // The first case of each command through the CLI, the others as the workspace answers them.
        type Answer = { error: { code: string; message: string; meant?: string } };
        const result = typed === cases[0][0] ? await runJson<Answer>([...command.split(' '), typed, '--dir', dir]) : await asCliJson<Answer>(() => inProcess[command](typed));
        expect(result.code, `${command} ${typed}`).toBe(1);
        expect(result.json.error, `${command} ${typed}`).toEqual({ code: 'unknown-thread', meant, message: `Unknown thread ${JSON.stringify(typed)}: no such folder under threads/; did you mean ${meant}? (a thread is named by its folder, as written: lower-case, a campaign's with its date)` });
      }
    }
  });

  it('takes an absolute path a person typed when it lands on a thread folder', async () => {
    const dir = committedAcme();
    const result = await runJson<{ subject: string }>(['history', join(dir, 'threads/sales/acme'), '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.subject).toBe('threads/sales/acme');
  });

  // A shell's $PWD keeps the symbolic link a person came through (/tmp → /private/tmp on
  // macOS, a linked home folder): the same thread folder, whichever way it was reached.
  it('takes an absolute path to a thread of this workspace through a symbolic link above it, either way round', async () => {
    const dir = committedAcme();
    const link = join(testdir(), 'linked-workspace');
    symlinkSync(dir, link);
    // As the workspace answers it: an absolute path is the workspace's to read as typed (thread-argument.ts); through the CLI: the test above.
    for (const [typed, root] of [[join(link, 'threads/sales/acme'), dir], [join(dir, 'threads/sales/acme'), link]]) {
      const result = await asCliJson<{ subject: string }>(async () => (await openWorkspace(root!)).history(typed!));
      expect(result.code, `${typed} in ${root}: ${JSON.stringify(result.json)}`).toBe(0);
      expect(result.json.subject).toBe('threads/sales/acme');
    }
  });

  it('refuses an absolute path outside the workspace as outside it, naming the path and the workspace', async () => {
    const dir = committedAcme();
    const other = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound') });
    const typed = join(other, 'threads/sales/acme');
    for (const command of ['advance', 'history'] as const) {
      // advance through the CLI, history as the workspace answers it.
      type Answer = { error: { code: string; message: string; path: string } };
      const result = command === 'advance' ? await runJson<Answer>([command, typed, '--dir', dir]) : await asCliJson<Answer>(async () => (await openWorkspace(dir)).history(typed));
      expect(result.code).toBe(1);
      expect(result.json.error).toMatchObject({ code: 'path-refused', path: typed });
      expect(result.json.error.message).toBe(`Refused path ${JSON.stringify(typed)}: it is outside the workspace ${dir}; give a thread folder of this workspace (threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug}) or its bare id`);
    }
    expect(readdirSync(join(other, 'threads/sales/acme')).sort()).toEqual(['1-input.md', 'meta.json']);
  });
});

describe('thread folders by path', () => {
  it('names the family of a thread folder as threadOf does for a file in it, and none for anything else', () => {
    const dirs = ['threads/sales/acme', 'threads/sales/campaigns/q4', 'threads/marketing/launch', 'threads/sales/campaigns', 'threads/sales', 'threads/sales/acme/drafts', 'threads/sales/campaigns/q4/drafts', 'threads/other/x', 'strategy/canvas', 'threads', 'threads/marketing', 'goals/threads/sales/x'];
    for (const dir of dirs) expect(threadFamilyOf(dir), dir).toBe(threadOf([...dir.split('/'), 'meta.json'])?.family);
    expect(dirs.map(threadFamilyOf).filter(Boolean)).toEqual(['deal', 'campaign', 'marketing']);
  });
});

describe('a write with --no-commit', () => {
  it('names the derived files it wrote beside its own, and says nothing is committed', async () => {
    const dir = exampleWorkspace();
    const before = commitCount(dir);
    const opened = await runCli(['deal', 'new', 'Eastwind Ledger Co', '--segment', 'mid-market-fintech', '--no-commit', '--dir', dir]);
    expect(opened.code, opened.stderr).toBe(0);
    const lines = opened.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('updated'))).toEqual(['updated strategy/canvas/13-metrics.md (derived)', 'updated goals/g-arr-500k-2026.md (derived)', 'updated goals/g-fintech-beachhead.md (derived)']);
    expect(lines.at(-1)).toBe('not committed: commit these files with git when they are ready — `threadwork sync` commits only the sources of the derived changes it makes itself');
    expect(commitCount(dir)).toBe(before);
    // What the lines name is exactly what git sees changed.
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => l.slice(3)).sort();
    const named = lines.filter((l) => /^(created|updated) /.test(l)).map((l) => l.split(' ')[1]).sort();
    expect(named).toEqual(changed);

    const advanced = await runCli(['advance', 'threads/sales/cobalt-remit', '--no-commit', '--dir', dir]);
    expect(advanced.code, advanced.stderr).toBe(0);
    expect(advanced.stdout).toContain('\nupdated threads/sales/cobalt-remit/meta.json (derived)\n');
    expect(advanced.stdout.trim().split('\n').at(-1)).toMatch(/^not committed: commit these files with git/);
    expect(commitCount(dir)).toBe(before);
  });
});
