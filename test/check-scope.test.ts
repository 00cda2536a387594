import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../bench/generate.js';
import { checkModel } from '../src/check/check.js';
import { WorkspaceState } from '../src/engine/state.js';
import { threadOf } from '../src/workspace/layout.js';
import { testdir } from './helpers/testdir.js';

afterEach(() => vi.unstubAllEnvs());

/**
 * A write is judged by the errors in the files it writes, and `checkModel` with a scope runs
 * only the scoped threads' own checks (at 10,000 deals the checks of every thread were most
 * of a served `deal new`). For every file of the scope's threads, and every file outside any
 * thread, it must say exactly what the whole check says — the cross-thread ones (a duplicate
 * id whose first holder is out of scope, an unknown assumption) included.
 */
describe('a check scoped to some threads', () => {
  it("says of each thread's files what the whole check says, for every thread of a workspace with cross-thread errors", async () => {
    vi.stubEnv('THREADWORK_TODAY', '2026-06-30'); // dates after it are errors: more to compare
    const dir = testdir();
    generateWorkspace(dir, { deals: 120, seed: 3 });
    const deals = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns').sort();
    // A copy keeps its meta.json id: a duplicate, first held by the original, which sorts before it.
    cpSync(join(dir, 'threads/sales', deals[4]!), join(dir, 'threads/sales', 'zz-copy-of-one'), { recursive: true });
    // ... and one that sorts before the original: the duplicate is then the original's.
    cpSync(join(dir, 'threads/sales', deals[9]!), join(dir, 'threads/sales', '0-copy-of-another'), { recursive: true });
    const hypothesis = join(dir, 'threads/sales', deals[11]!, '2-hypothesis.md');
    writeFileSync(hypothesis, readFileSync(hypothesis, 'utf8').replace(/^tests:.*$/m, 'tests: [A99]'));
    rmSync(join(dir, 'threads/sales', deals[12]!, '3-implication.md'), { force: true });
    const state = await WorkspaceState.load(dir, { cache: false });
    const model = state.currentModel();
    const whole = checkModel(model).diagnostics;
    const rules = new Set(whole.map((d) => d.rule));
    for (const rule of ['duplicate-id', 'thread-id-folder', 'unknown-assumption', 'stage-order', 'date-in-future']) expect(rules, rule).toContain(rule);

    const threadOfPath = (path: string): string | undefined => threadOf(path.split('/'))?.thread;
    for (const thread of model.threads.keys()) {
      const scoped = checkModel(model, new Set([thread])).diagnostics;
      expect(scoped, thread).toEqual(whole.filter((d) => [thread, undefined].includes(threadOfPath(d.path))));
    }
    const none = checkModel(model, new Set()).diagnostics;
    expect(none).toEqual(whole.filter((d) => threadOfPath(d.path) === undefined));
  });
});
