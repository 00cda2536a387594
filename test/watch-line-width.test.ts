import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { waitFor, watchStarter, type WatchProcess } from './helpers/watch.js';
import { learning, repo } from './helpers/won-deal.js';
import { dealMeta } from './helpers/workspace.js';

const start = watchStarter();

/**
 * Saves of many files at once, as a `git pull` or an agent writing a batch makes them:
 * twelve deals won (their threads' 84 files, moving every metric), then seven of their
 * dates written wrong. Such a line reached 1,400–1,900 characters before.
 */
async function manyFilesAtOnce(dir: string, w: WatchProcess): Promise<{ head: string; problems: string[] }> {
  const deals = Array.from({ length: 12 }, (_, i) => `wide-deal-with-a-long-name-${String(i + 1).padStart(2, '0')}`);
  writeFiles(dir, Object.fromEntries(deals.flatMap((id, i) => [
    [`threads/sales/${id}/meta.json`, dealMeta(id, { goal_id: 'g-first-customers', subgoal: 'SG2' })],
    ...['1-input', '2-hypothesis', '3-implication', '4-decision', '5-actions'].map((stage) => [`threads/sales/${id}/${stage}.md`, md(stage === '2-hypothesis' ? 'tests: [A1]' : 'date: 2026-03-01')]),
    [`threads/sales/${id}/6-learning.md`, learning(10_000 * (i + 1))],
  ])));
  const won = (line: string): boolean => / → .*(\+\d+ more|\d+ changes)/.test(line);
  await waitFor(() => w.text.some(won), 'a line counting the changes it does not name', () => w.describe());
  writeFiles(dir, Object.fromEntries(deals.slice(0, 7).map((id) => [`threads/sales/${id}/1-input.md`, md('date: 01.03.2026')])));
  await waitFor(() => w.text.some((line) => line.includes('more problem')), 'a line counting the problems it does not list', () => w.describe());
  const last = w.text.findIndex((line) => line.includes('more problem'));
  const first = w.text.slice(0, last).findLastIndex((line) => /^\d\d:/.test(line));
  return { head: w.text.find(won)!, problems: w.text.slice(first + 1, last + 1) };
}

describe('watch: one readable line per cycle, however much it held', () => {
  it('on an 80-column terminal (COLUMNS=80), every line of a cycle of many files fits 80 cells, naming the first and counting the rest', async () => {
    const dir = await repo();
    const w = start(dir, [], { COLUMNS: '80' }, { text: true });
    await w.ready();
    const { head, problems } = await manyFilesAtOnce(dir, w);
    for (const line of w.text.filter((l) => /^(\d\d:| )/.test(l))) expect([...line].length, `${line}\n${w.describe()}`).toBeLessThanOrEqual(80);
    expect(head, w.describe()).toMatch(/^\d\d:\d\d:\d\d \S*wide-deal-with-a-long-name-\d\d\/\S+ \+\d+ → .*\[[0-9a-f]{7}\]$/);
    // The errors and their held reminders: the first five listed, the rest counted, `check` named for them.
    expect(problems, w.describe()).toHaveLength(6);
    expect(problems.at(-1)).toMatch(/^ {2}… \d+ more problems: `threadwork check` lists them all$/);
  });

  it('in a pipe (no width known), the line names the first three changes and counts the rest, whole', async () => {
    const dir = await repo();
    const w = start(dir, [], { COLUMNS: '' }, { text: true });
    await w.ready();
    const { head, problems } = await manyFilesAtOnce(dir, w);
    expect(head, w.describe()).toMatch(/ → [^;]+; [^;]+; [^;]+; \+\d+ more \[[0-9a-f]{7}\]$/);
    expect(problems, w.describe()).toHaveLength(6);
  });

  // A file saved broken and then fixed: its path named twice and both cut (`…/6-learning.md → nothing written; fixed …learning.md`).
  it('on an 80-column terminal, a save that fixes its own file names it once: `<file> → nothing written; fixed`', async () => {
    const dir = await repo();
    const path = 'threads/sales/acme/3-implication.md';
    const good = read(dir, path);
    const w = start(dir, [], { COLUMNS: '80' }, { text: true });
    await w.ready();
    writeFiles(dir, { [path]: '---\ndate: 2026-03-01\n' });
    await waitFor(() => w.text.some((line) => line.includes('Unclosed front matter')), 'the half-saved file', () => w.describe());
    writeFiles(dir, { [path]: good });
    await waitFor(() => w.text.some((line) => line.includes('fixed')), 'the fix', () => w.describe());
    expect(w.text.find((line) => line.includes('fixed')), w.describe()).toMatch(/^\d\d:\d\d:\d\d threads\/sales\/acme\/3-implication\.md → nothing written; fixed$/);
  });

  // The review: the start-up line (a temp folder's root and the commands it serves) and the line naming what the start-up left uncommitted (every path, then what to do) ran past the terminal, wrapped over several rows among one-row cycles.
  it('on a 40-column terminal, the start-up line and the "not committed" line fit too: the root cut at its start, how to stop kept', async () => {
    const dir = exampleWorkspaceCopy();
    expect((await runCli(['deal', 'new', 'Test Co', '--segment', 'mid-market-fintech', '--no-commit', '--dir', dir])).code).toBe(0);
    const w = start(dir, [], { COLUMNS: '40' }, { text: true });
    await w.ready();
    await waitFor(() => w.text.some((line) => line.includes('differ from HEAD')), 'the line naming what is not committed', () => w.describe());
    for (const line of w.text) expect([...line].length, `${line}\n${w.describe()}`).toBeLessThanOrEqual(40);
    const watching = w.text.find((line) => line.startsWith('watching '))!;
    expect(watching, w.describe()).toMatch(/^watching …\S+ — Ctrl-C to stop$/);
    expect([...watching].length).toBe(40);
    expect(w.text.find((line) => line.includes('differ from HEAD')), w.describe()).toMatch(/^⚠ \d+ source files differ from HEAD.*…$/);
  });
});

