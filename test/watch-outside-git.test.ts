import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { md, writeFiles } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { learning } from './helpers/won-deal.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const start = watchStarter();

/**
 * Outside a git repository every cycle's line ended in "(not committed: not a git
 * repository: files were written but not committed …)": the same sentence on each save.
 * It is said once, when the watcher starts, with what it means; the cycles' lines say
 * what they wrote.
 */
describe('threadwork watch outside a git repository', () => {
  it('says once, at start-up, that changes are written but not committed, and not on every cycle', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', { goal_id: 'g-first-customers', subgoal: 'SG1' }) });
    for (const [i, name] of ['1-input', '2-hypothesis', '3-implication', '4-decision', '5-actions'].entries()) writeFiles(dir, { [`threads/sales/acme/${name}.md`]: md(i === 1 ? 'tests: [A1]' : 'date: 2026-03-01') });
    const w = start(dir, [], {}, { text: true });
    await w.ready();
    const cycles = (): string[] => w.text.filter((line) => /^\d\d:\d\d:\d\d threads\//.test(line));
    for (const [i, arr] of [48000, 60000].entries()) {
      writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(arr));
      await waitFor(() => cycles().length > i, `the cycle of the save with ARR ${arr}`, () => w.describe());
    }
    const told = w.text.filter((line) => line.includes('not a git repository'));
    expect(told, w.describe()).toEqual(['not a git repository: each change is synced and its files written, but nothing is committed — no audit trail, no `threadwork history` (`git init` here to have them)']);
    expect(w.text.indexOf(told[0]!), w.describe()).toBe(w.text.findIndex((line) => line.startsWith('watching ')) + 1);
  }, 30_000);
});
