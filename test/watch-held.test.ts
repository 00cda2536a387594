import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { learning, repo } from './helpers/won-deal.js';

const start = watchStarter();

const LEARNING = 'threads/sales/acme/6-learning.md';
const IMPLICATION = 'threads/sales/acme/3-implication.md';

/* The review: "Held: values derived from it …" stood under every watch line while a file was broken, whatever the line was about. */
describe('watch: a file held at its committed version is said when the hold starts and when it ends', () => {
  it('lists the Held reminder on the line of the broken save, not under the saves after it, and says fixed when it ends', async () => {
    const dir = await repo();
    writeFileSync(join(dir, LEARNING), learning(48000));
    const w = start(dir, [], { COLUMNS: '' }, { text: true });
    await w.ready();
    writeFileSync(join(dir, LEARNING), learning(48000).replace('closed: 2026-05-01', 'closed: 2026-13-01'));
    await waitFor(() => w.text.some((line) => line.includes('(derived-held)')), 'the hold to be said', () => w.describe());
    for (const n of [1, 2]) {
      writeFileSync(join(dir, IMPLICATION), `${read(dir, IMPLICATION)}\nNote ${n}.\n`);
      await waitFor(() => w.text.filter((line) => line.includes(`${IMPLICATION} → `)).length === n, `prose save ${n}`, () => w.describe());
    }
    writeFileSync(join(dir, LEARNING), learning(52000));
    await waitFor(() => w.text.some((line) => line.includes(`fixed ${LEARNING}`)), 'the fix to be said', () => w.describe());
    const held = w.text.filter((line) => line.includes('(derived-held)'));
    expect(held, w.describe()).toHaveLength(1);
    const saves = w.text.filter((line) => line.includes(`${IMPLICATION} → `));
    // Each prose save's line is its own: nothing under it.
    for (const line of saves) expect(w.text[w.text.indexOf(line) + 1], w.describe()).toMatch(/^\d\d:\d\d:\d\d /);
  });
});
