import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

/**
 * A thread sync holds at HEAD — a stage file under a wrong name, a cross-file error — was
 * read by the MCP tools `list_threads` and `read_thread` as it is on disk, with no word
 * about it: a won deal listed open at Stage 5 by a `6-learnings.md`, an ARR sync refuses
 * to commit. They now read its values as sync holds them, as the reports do, and say so:
 * `held` (sync's `derived-held` warnings) in each answer, and per thread in the list (`[]` when nothing is held).
 */

const DEAL = 'threads/sales/harbor-lending';
const ENV = { THREADWORK_TODAY: '2026-11-20' };

type Summary = { path: string; stage: number; status: string; pipelineStage: string; arrPotential: number | null; held: Diagnostic[] };
type View = { stage: number; derived: { status: string; stage: number; arr: number | null }; held: Diagnostic[] };

async function heldLines(dir: string): Promise<string[]> {
  const sync = await runCli(['sync', '--dry-run', '--dir', dir], { env: ENV });
  return sync.stdout.split('\n').filter((l) => l.includes('(derived-held)'));
}

const asLine = (d: Diagnostic): string => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.rule})`;

describe('list_threads and read_thread on a workspace where sync holds a thread', () => {
  it.each([
    ['a stage file under a wrong name', (dir: string) => renameSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, '6-learnings.md'))],
    [
      'a cross-file error (an unknown assumption) beside a new ARR',
      (dir: string) => {
        const path = join(dir, DEAL, '6-learning.md');
        writeFileSync(path, readFileSync(path, 'utf8').replace('arr: 36000', 'arr: 90000').replace('assumption: A1\n', 'assumption: A99\n'));
      },
    ],
  ])('%s: the thread reads as sync holds it, and the hold is named', async (_what, damage) => {
    const dir = exampleWorkspace();
    const before = await connectMcp(dir, ENV);
    const listed = (await before.ok<{ threads: Summary[]; held: Diagnostic[] }>('list_threads')).threads;
    const read = await before.ok<View>('read_thread', { thread: DEAL });
    expect(read.held).toEqual([]);
    expect(listed.every((t) => t.held.length === 0)).toBe(true);
    await before.client.close();

    damage(dir);
    const held = await heldLines(dir);
    expect(held).toHaveLength(1);
    const mcp = await connectMcp(dir, ENV);
    const list = await mcp.ok<{ threads: Summary[]; held: Diagnostic[] }>('list_threads');
    expect(list.held.map(asLine)).toEqual(held);
    const deal = list.threads.find((t) => t.path === DEAL)!;
    expect(deal.held.map(asLine)).toEqual(held);
    expect({ ...deal, held: [] }).toEqual(listed.find((t) => t.path === DEAL));
    expect(deal).toMatchObject({ stage: 6, status: 'closed-won' });
    expect(list.threads.filter((t) => t.path !== DEAL)).toEqual(listed.filter((t) => t.path !== DEAL));
    expect((await mcp.ok<{ threads: Summary[] }>('list_threads', { status: 'open' })).threads.map((t) => t.path)).not.toContain(DEAL);

    const view = await mcp.ok<View>('read_thread', { thread: DEAL });
    expect(view.derived).toEqual(read.derived);
    expect(view.derived).toMatchObject({ status: 'closed-won', arr: 36000 });
    expect(view.held.map(asLine)).toEqual(held);
    // The resource is the same JSON read_thread answers, but for the answer's `ok`.
    expect({ ok: true, ...JSON.parse(await mcp.resource(`threadwork://threads/sales/harbor-lending`)) }).toEqual(view);
  });
});

/**
 * `read_thread` answered `diagnostics: []` for a thread with a stage file under a wrong name
 * (`stage-file-name`), an unknown segment or a broken stage file, though its `held` named
 * them: its diagnostics were each file's own parse, read as derivation holds it. They are
 * now what `check` reports for the thread's files.
 */
describe('read_thread diagnostics are what check reports for the thread', () => {
  it('names a misnamed stage file, a cross-file error and a broken stage file, each as check does', async () => {
    const dir = exampleWorkspace();
    renameSync(join(dir, DEAL, '6-learning.md'), join(dir, DEAL, '6-learnings.md'));
    const meta = join(dir, DEAL, 'meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"segment": "mid-market-fintech"', '"segment": "mid-market-fintch"'));
    const decision = join(dir, DEAL, '4-decision.md');
    writeFileSync(decision, readFileSync(decision, 'utf8').replace(/^framework: (.*)$/m, 'framework: $1\nframework: BANT'));
    const check = await runCli(['check', '--json', '--dir', dir], { env: ENV });
    const expected = (JSON.parse(check.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.path.startsWith(`${DEAL}/`));
    expect(expected.map((d) => `${d.path.split('/').pop()} ${d.rule}`).sort()).toEqual(['4-decision.md yaml-syntax', '6-learnings.md stage-file-name', 'meta.json unknown-segment']);
    const mcp = await connectMcp(dir, ENV);
    const view = await mcp.ok<{ diagnostics: Diagnostic[]; stages: { stage: number; diagnostics: Diagnostic[] }[] }>('read_thread', { thread: DEAL });
    expect(view.diagnostics.map(asLine)).toEqual(expected.map(asLine));
    expect(view.stages[3]!.diagnostics.map(asLine)).toEqual(expected.filter((d) => d.path.endsWith('4-decision.md')).map(asLine));
    // The API read cold answers the same.
    const { openWorkspace } = await import('../src/api.js');
    expect((await (await openWorkspace(dir)).readThread(DEAL)).diagnostics.map(asLine)).toEqual(expected.map(asLine));
  });
});

/**
 * A stage file on disk that never validated (a YAML error since it was first written) was
 * answered `exists: false`, its body and diagnostics absent: derivation leaves such a file
 * out, and the view was built from derivation's model. An agent told the stage is missing
 * writes it afresh, over the one on disk. The stage now reads as the file as written.
 */
describe('read_thread on a stage file that never validated', () => {
  it('says it exists, with its body and its errors, and reads the thread as derivation does', async () => {
    const dir = exampleWorkspace();
    const thread = 'threads/sales/fernway-home';
    writeFileSync(join(dir, thread, '2-hypothesis.md'), '---\ntests: [A1\n---\n\n# Hypothesis\n');
    const mcp = await connectMcp(dir, ENV);
    const view = await mcp.ok<{ stage: number; stages: { stage: number; exists: boolean; frontMatter: unknown; body: string | null; diagnostics: Diagnostic[] }[] }>('read_thread', { thread });
    expect(view.stage).toBe(1);
    expect(view.stages[1]).toMatchObject({ stage: 2, exists: true, frontMatter: null, body: '\n# Hypothesis\n' });
    expect(view.stages[1]!.diagnostics.map((d) => `${d.path}:${d.line} ${d.rule}`)).toEqual([`${thread}/2-hypothesis.md:2 yaml-syntax`]);
    expect(view.stages[2]).toMatchObject({ stage: 3, exists: false, body: null, diagnostics: [] });
  });
});
