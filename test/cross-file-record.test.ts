import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCommand } from '../src/cli/commands/check.js';
import { reportCommand } from '../src/cli/commands/report.js';
import { readParseCache } from '../src/engine/parse-cache.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { git, gitInit } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { md, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/*
 * A sync checks the cross-file rules (unknown ids, a stage without its predecessor) of the
 * threads changed since the run that recorded which threads were in error, not of all
 * 10,000. "Changed since" is read from the parse cache; a reader (`check`, a report) may
 * rewrite that cache too. These tests commit threads by hand — as a `git pull` brings a
 * teammate's work — so no "uncommitted" list names them, and run `check` before `sync`.
 */

interface Diagnostics {
  diagnostics: { path: string; rule: string }[];
}

const DEALS = 90;
const deals = Array.from({ length: DEALS }, (_, i) => `deal-${String(i).padStart(3, '0')}`);

function manyDeals(): string {
  const files: Record<string, string> = {};
  for (const deal of deals) {
    files[`threads/sales/${deal}/meta.json`] = dealMeta(deal);
    files[`threads/sales/${deal}/1-input.md`] = md(`source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncompany:\n  name: ${deal}`);
    files[`threads/sales/${deal}/2-hypothesis.md`] = md('tests: [A1]');
  }
  return workspace(files);
}

const sync = (dir: string) => commandJson<Diagnostics>(() => syncCommand({ dryRun: false, commit: true }, { dir, json: true }));
const check = (dir: string) => commandJson<Diagnostics>(() => checkCommand({}, { dir, json: true }));
const report = (dir: string) => commandJson<{ held: { path: string; rule: string }[] }>(() => reportCommand('pipeline', {}, { dir, json: true }));
const heldThreads = (result: { held: { path: string }[] }): string[] => [...new Set(result.held.map((d) => d.path.split('/').slice(0, 3).join('/')))];
const unknownAssumptions = (result: Diagnostics): string[] => result.diagnostics.filter((d) => d.rule === 'unknown-assumption').map((d) => d.path);

describe('the cross-file errors a sync reports', () => {
  it('are found in threads committed by hand after a check rewrote the parse cache', async () => {
    const dir = manyDeals();
    gitInit(dir);
    expect((await sync(dir)).code).toBe(0);
    // A teammate's commit, pulled: every deal now tests an assumption the canvas does not have.
    const bad = Object.fromEntries(deals.map((deal) => [`threads/sales/${deal}/2-hypothesis.md`, md('tests: [A1, A99]')]));
    writeFiles(dir, bad);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'teammate: test A99');
    const checked = await check(dir);
    expect(checked.code).toBe(1);
    expect(unknownAssumptions(checked.json)).toHaveLength(DEALS);
    // The check read 90 files anew and stored them; the sync still finds every thread in error.
    const synced = await sync(dir);
    expect(synced.code).toBe(1);
    expect(unknownAssumptions(synced.json)).toHaveLength(DEALS);
    // The next sync knows them from its own record: still every one, until they are fixed.
    expect(unknownAssumptions((await sync(dir)).json)).toHaveLength(DEALS);
    // A report holds each of them, as the sync does.
    expect(heldThreads((await report(dir)).json)).toHaveLength(DEALS);
  });

  it('in a report, are those of the threads changed since the last sync and those it found in error', async () => {
    const dir = manyDeals();
    gitInit(dir);
    writeFiles(dir, { 'threads/sales/deal-000/2-hypothesis.md': md('tests: [A1, A98]') });
    expect((await sync(dir)).code).toBe(1);
    // Committed by hand: only the parse cache says deal-001 changed since that sync.
    writeFiles(dir, { 'threads/sales/deal-001/2-hypothesis.md': md('tests: [A1, A99]') });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'by hand');
    expect(heldThreads((await report(dir)).json).sort()).toEqual(['threads/sales/deal-000', 'threads/sales/deal-001']);
  });

  it('follow the parse cache a sync saves, so the next sync need not check every thread', async () => {
    const dir = manyDeals();
    gitInit(dir);
    // The first sync reads every file and writes every meta.json: it saves the parse cache.
    expect((await sync(dir)).code).toBe(0);
    const record = (): { parseCache?: string } => (JSON.parse(readFileSync(join(dir, '.git/threadwork-cache/cross-file.json'), 'utf8')) as { value: { parseCache?: string } }).value;
    const saved = (await readParseCache(dir)).identity;
    expect(saved).toBeDefined();
    expect(record().parseCache).toBe(saved);
  });
});
