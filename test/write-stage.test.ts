import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { ThreadworkError } from '../src/errors.js';
import { commitCount, gitInit, lastCommitMessage, lastCommitPaths } from './helpers/git.js';
import { md, read, testdir, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const THREAD = 'threads/sales/acme';
const INPUT = 'source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme';

function dealWorkspace(files: Record<string, string> = {}): string {
  const dir = workspace({ [`${THREAD}/meta.json`]: dealMeta('acme'), [`${THREAD}/1-input.md`]: md(INPUT), ...files });
  gitInit(dir);
  return dir;
}

async function refusal(promise: Promise<unknown>): Promise<ThreadworkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ThreadworkError);
  return error as ThreadworkError;
}

describe('writeStage', () => {
  it('creates the next stage file from the template, the fields given merged in, syncs, and commits the write with what it changed', async () => {
    const dir = dealWorkspace();
    const ws = await openWorkspace(dir);
    await ws.sync();
    const before = commitCount(dir);
    const outcome = await ws.writeStage({ thread: 'acme', stage: 2, frontMatter: { tests: ['A1'], initial_confidence: 0.6 } });
    expect(outcome.write).toMatchObject({ path: `${THREAD}/2-hypothesis.md`, created: true, written: true });
    // As advance opens it: the template's comments and fields, the ones given filled in.
    expect(read(dir, `${THREAD}/2-hypothesis.md`)).toMatch(/^---\n# The assumption ids[^\n]*\ntests: \[A1\]\n#[^\n]*\ninitial_confidence: 0\.6\n#[^\n]*\nstatement: null\n---\n[\s\S]*# Hypothesis/);
    expect(JSON.parse(read(dir, `${THREAD}/meta.json`)).stage).toBe(2);
    expect(commitCount(dir)).toBe(before + 1);
    expect(lastCommitPaths(dir)).toEqual(expect.arrayContaining([`${THREAD}/2-hypothesis.md`, `${THREAD}/meta.json`]));
    expect(lastCommitMessage(dir)).toMatch(new RegExp(`^Threadwork-Trigger: ${THREAD}/2-hypothesis\\.md$`, 'm'));

    const again = await ws.writeStage({ thread: 'acme', stage: 2, frontMatter: { tests: ['A1'], initial_confidence: 0.6 } });
    expect(again.write.written).toBe(false);
    expect(again.commit).toBeNull();
    expect(commitCount(dir)).toBe(before + 1);
  });

  it('edits an existing file in place: comments, key order and the body are kept; CRLF stays CRLF', async () => {
    const original = '---\r\n# why we think so\r\ntests: [A1]   # the close\r\ninitial_confidence: 0.5\r\nstatement: old\r\n---\r\n\r\nNotes   with  odd spacing\r\n';
    const dir = dealWorkspace({ [`${THREAD}/2-hypothesis.md`]: original });
    const ws = await openWorkspace(dir);
    await ws.writeStage({ thread: THREAD, stage: 2, frontMatter: { tests: ['A1'], initial_confidence: 0.7, owner: 'Maya' } }, { sync: false });
    expect(read(dir, `${THREAD}/2-hypothesis.md`)).toBe('---\r\n# why we think so\r\ntests: [A1]   # the close\r\ninitial_confidence: 0.7\r\nstatement: old\r\nowner: Maya\r\n---\r\n\r\nNotes   with  odd spacing\r\n');

    await ws.writeStage({ thread: THREAD, stage: 2, frontMatter: { tests: ['A1'], initial_confidence: 0.7, owner: 'Maya' }, body: 'New notes.' }, { sync: false });
    expect(read(dir, `${THREAD}/2-hypothesis.md`)).toMatch(/owner: Maya\r\n---\r\n\r\nNew notes\.\r\n$/);
  });

  // An agent that meant to fill in the signal and the contact, and sent only those, erased
  // the source, the date and the company the user wrote: the front matter was replaced whole.
  it('merges the fields given onto the front matter: a field left out is kept, a map merged key by key', async () => {
    const original = md('# where it came from\nsource: inbound   # form\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada   # met at the fair\n  title: CFO\ncompany:\n  name: Acme');
    const dir = dealWorkspace({ [`${THREAD}/1-input.md`]: original });
    const ws = await openWorkspace(dir);
    const outcome = await ws.writeStage({ thread: THREAD, stage: 1, frontMatter: { signal: 'Asked for pricing', contact: { email: 'ada@acme.com' } } }, { sync: false });
    expect(outcome.write.removed).toEqual([]);
    expect(read(dir, `${THREAD}/1-input.md`)).toBe(original.replace('signal: Asked for a demo', 'signal: Asked for pricing').replace('  title: CFO\n', '  title: CFO\n  email: ada@acme.com\n'));
  });

  it('removes only the fields named in `remove`, answering each with the value it had', async () => {
    const dir = dealWorkspace({ [`${THREAD}/1-input.md`]: md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\n  title: CFO\ncompany:\n  name: Acme\nnotes: call back') });
    const ws = await openWorkspace(dir);
    const outcome = await ws.writeStage({ thread: THREAD, stage: 1, frontMatter: {}, remove: ['notes', 'contact.title'] }, { sync: false });
    expect(outcome.write.removed).toEqual([
      { field: 'notes', value: 'call back' },
      { field: 'contact.title', value: 'CFO' },
    ]);
    expect(read(dir, `${THREAD}/1-input.md`)).toBe(md(INPUT));
  });

  it.each([
    ['a field the file does not hold', { frontMatter: {}, remove: ['contact.emial'] }, 'unknown-field', { field: 'contact.emial', known: ['source', 'date', 'signal', 'contact', 'contact.name', 'company', 'company.name'] }],
    ['a field both set and removed', { frontMatter: { contact: { name: 'Bo' } }, remove: ['contact.name'] }, 'field-conflict', { field: 'contact.name' }],
  ])('refuses to remove %s, naming it, and writes nothing', async (_case, input, code, details) => {
    const dir = dealWorkspace();
    const ws = await openWorkspace(dir);
    const error = await refusal(ws.writeStage({ thread: THREAD, stage: 1, ...input }, { sync: false }));
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ path: `${THREAD}/1-input.md`, ...details });
    expect(read(dir, `${THREAD}/1-input.md`)).toBe(md(INPUT));
  });

  // `key in data` found `constructor` and `toString` on every object's prototype: such a key
  // was never added (dropped without a word), and once in a file never removed.
  it('adds and removes a key named like an object built-in (constructor, toString) as any other', async () => {
    const dir = dealWorkspace();
    const ws = await openWorkspace(dir);
    const fields = { source: 'inbound', date: '2026-03-02', signal: 'Asked for a demo', contact: { name: 'Ada' }, company: { name: 'Acme' } };
    await ws.writeStage({ thread: THREAD, stage: 1, frontMatter: { ...fields, constructor: 'Bob the Builder', toString: 'x' } }, { sync: false });
    expect(read(dir, `${THREAD}/1-input.md`)).toMatch(/\nconstructor: Bob the Builder\ntoString: x\n---\n/);
    const removed = await ws.writeStage({ thread: THREAD, stage: 1, frontMatter: fields, remove: ['constructor', 'toString'] }, { sync: false });
    expect(removed.write.removed).toEqual([
      { field: 'constructor', value: 'Bob the Builder' },
      { field: 'toString', value: 'x' },
    ]);
    expect(read(dir, `${THREAD}/1-input.md`)).toBe(md(INPUT));
  });

  it('creates a new stage in the line endings of the stage before it: a CRLF thread gets a CRLF file', async () => {
    const dir = dealWorkspace({ [`${THREAD}/1-input.md`]: md(INPUT).replace(/\n/g, '\r\n') });
    const ws = await openWorkspace(dir);
    await ws.writeStage({ thread: THREAD, stage: 2, frontMatter: { tests: ['A1'], initial_confidence: 0.6 } }, { sync: false });
    const created = read(dir, `${THREAD}/2-hypothesis.md`);
    expect(created).toMatch(/^---\r\n# The assumption ids[^\r\n]*\r\ntests: \[A1\]\r\n/);
    expect(created.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('refuses an invalid write with every diagnostic and writes nothing', async () => {
    const dir = dealWorkspace({ [`${THREAD}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.5') });
    const ws = await openWorkspace(dir);
    const before = read(dir, `${THREAD}/2-hypothesis.md`);
    const error = await refusal(ws.writeStage({ thread: THREAD, stage: 2, frontMatter: { tests: ['A1', 'Z404'], initial_confidence: 'high' } }));
    expect(error.code).toBe('stage-invalid');
    const diagnostics = error.details!.diagnostics as { field?: string; message: string; line: number }[];
    expect(diagnostics.map((d) => d.field ?? d.message)).toEqual(expect.arrayContaining(['initial_confidence']));
    expect(diagnostics.some((d) => d.message.includes('Z404'))).toBe(true);
    expect(read(dir, `${THREAD}/2-hypothesis.md`)).toBe(before);
  });

  it('writes stages in order and never through a symbolic link', async () => {
    const dir = dealWorkspace();
    const ws = await openWorkspace(dir);
    expect((await refusal(ws.writeStage({ thread: THREAD, stage: 3, frontMatter: { arr_potential: 1000 } }))).code).toBe('stage-order');
    const outside = testdir({ 'target.md': md('tests: [A1]') });
    symlinkSync(join(outside, 'target.md'), join(dir, THREAD, '2-hypothesis.md'));
    expect((await refusal(ws.writeStage({ thread: THREAD, stage: 2, frontMatter: { tests: ['A2'] } }))).code).toBe('path-refused');
    expect(read(outside, 'target.md')).toBe(md('tests: [A1]'));
    writeFiles(dir, {});
  });
});

describe('a stage write is validated as it would be written', () => {
  it('positions a cross-file error in the new text, not in the old file on disk', async () => {
    // On disk there is no assumption list at all; the write appends one after the kept keys (its item on line 6).
    const onDisk = md('initial_confidence: 0.5\nstatement: x\nowner: Maya');
    const dir = dealWorkspace({ [`${THREAD}/2-hypothesis.md`]: onDisk });
    const ws = await openWorkspace(dir);
    const error = await refusal(ws.writeStage({ thread: 'acme', stage: 2, frontMatter: { initial_confidence: 0.5, statement: 'x', owner: 'Maya', tests: ['A9'] } }));
    const unknown = (error.details?.diagnostics as { rule: string; line: number; column: number; field?: string }[]).find((d) => d.rule === 'unknown-assumption');
    expect(unknown, JSON.stringify(error.details)).toMatchObject({ line: 6, column: 5, field: 'tests[0]' });
    expect(read(dir, `${THREAD}/2-hypothesis.md`)).toBe(onDisk);
  });
});
