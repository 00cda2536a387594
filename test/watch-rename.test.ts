import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/git.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { testdir } from './helpers/testdir.js';
import { repo } from './helpers/won-deal.js';

const start = watchStarter();

/* The review: a thread folder renamed while watching read as deleted + added (`…/1-input.md +11 (6 deleted)`). */
describe('watch: a thread folder renamed while it watches', () => {
  it('says the rename on one line, old → new, and commits a rename git recognises', async () => {
    const dir = await repo();
    // A quiet time long enough that the folder's move out and back in (its id edited meanwhile, as a rename needs) is one cycle.
    const w = start(dir, [], { COLUMNS: '', THREADWORK_WATCH_DEBOUNCE_MS: '800' }, { text: true });
    await w.ready();
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const away = join(testdir(), 'acme-corp');
    renameSync(join(dir, 'threads/sales/acme'), away);
    writeFileSync(join(away, 'meta.json'), readFileSync(join(away, 'meta.json'), 'utf8').replace('"id": "acme"', '"id": "acme-corp"'));
    renameSync(away, join(dir, 'threads/sales/acme-corp'));
    await waitFor(() => git(dir, 'rev-parse', 'HEAD').trim() !== head && w.text.some((line) => line.includes('acme-corp') && !line.includes('error')), 'the rename to be committed', () => w.describe());
    const line = w.text.find((l) => l.includes('acme-corp'))!;
    expect(line, w.describe()).toMatch(/^\d\d:\d\d:\d\d threads\/sales\/acme → acme-corp renamed → .*\[[0-9a-f]{7}\]$/);
    const status = git(dir, 'show', '-M', '--name-status', '--format=', 'HEAD');
    for (const stage of ['1-input.md', '2-hypothesis.md', '5-actions.md']) expect(status).toMatch(new RegExp(`^R\\d+\\tthreads/sales/acme/${stage}\\tthreads/sales/acme-corp/${stage}$`, 'm'));
  });

  // The review: a folder renamed with its id left as it was is held (`→ nothing written`, the error under it); the save that fixes the id committed the rename, and its line read as an unrelated edit of `…/acme-corp/meta.json`.
  it('renamed in one cycle and its id fixed in the next: the second line says the rename it commits', async () => {
    const dir = await repo();
    const w = start(dir, [], { COLUMNS: '' }, { text: true });
    await w.ready();
    renameSync(join(dir, 'threads/sales/acme'), join(dir, 'threads/sales/acme-corp'));
    await waitFor(() => w.text.some((line) => /acme → acme-corp renamed → nothing written$/.test(line)), 'the rename, held by its id', () => w.describe());
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    const meta = join(dir, 'threads/sales/acme-corp/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"id": "acme"', '"id": "acme-corp"'));
    await waitFor(() => git(dir, 'rev-parse', 'HEAD').trim() !== head && w.text.some((line) => /^\d\d:.*; fixed /.test(line)), 'the rename to be committed', () => w.describe());
    expect(w.text.find((line) => /^\d\d:.*; fixed /.test(line)), w.describe()).toMatch(/^\d\d:\d\d:\d\d threads\/sales\/acme-corp\/meta\.json \(renamed from acme\) → .*\[[0-9a-f]{7}\]; fixed threads\/sales\/acme-corp\/meta\.json$/);
    expect(git(dir, 'show', '-M', '--name-status', '--format=', 'HEAD')).toMatch(/^R\d+\tthreads\/sales\/acme\/1-input\.md\tthreads\/sales\/acme-corp\/1-input\.md$/m);
  });
});
