import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { SyncResult } from '../src/engine/transaction.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, replaceInFile, testdir, writeFiles } from './helpers/testdir.js';

/**
 * Sync refreshes the generated strategy files from what each segment rendered to before
 * (strategy/render-memo.ts) while nothing it is rendered from changed. Each step runs on
 * two copies of the same workspace, one syncing with the persistent cache (the memo) and
 * one with `cache: false` (every segment rendered): they must write the same files, keep
 * the same ones and say the same — and, in a fresh process, a sync after a deal's edit
 * does not load Handlebars.
 */
const GENERATED = ['artifacts/sales', 'research/customer/icp'];

function generatedFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const top of GENERATED) {
    for (const entry of readdirSync(join(dir, top), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
      files[path] = readFileSync(join(dir, path), 'utf8');
    }
  }
  return files;
}

/** What a sync says about the strategy: which files it wrote, and its strategy diagnostics. */
function strategyAnswer(result: SyncResult): { written: string[]; diagnostics: string[] } {
  return {
    written: [...result.written].sort(),
    diagnostics: result.diagnostics.filter((d) => d.rule.startsWith('strategy-')).map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`),
  };
}

async function twinSyncs(memoised: string, rendered: string): Promise<{ written: string[]; diagnostics: string[] }> {
  const withMemo = strategyAnswer(await (await openWorkspace(memoised)).sync());
  const withoutMemo = strategyAnswer(await (await openWorkspace(rendered)).sync({ cache: false }));
  expect(withMemo).toEqual(withoutMemo);
  expect(generatedFiles(memoised)).toEqual(generatedFiles(rendered));
  return withMemo;
}

/** The same edit on both copies. */
function onBoth(dirs: string[], edit: (dir: string) => void): void {
  for (const dir of dirs) edit(dir);
}

const NARRATIVE = 'artifacts/sales/mid-market-fintech/narrative/solution-narrative.md';
const PITCH = 'artifacts/sales/mid-market-fintech/materials/pitch-deck.md';
const ICP = 'research/customer/icp/mid-market-fintech-icp.yaml';
const LEARNING = 'threads/sales/brightcart/6-learning.md';

describe('the strategy files sync refreshes, from what they rendered to before', () => {
  it('decides as rendering would, through edits of deals, of the canvas, of generated files and of templates', async () => {
    process.env.THREADWORK_TODAY = '2026-11-20';
    const dirs = [exampleWorkspaceCopy(), exampleWorkspaceCopy()];
    const [memoised, rendered] = dirs as [string, string];
    await twinSyncs(memoised, rendered);

    // A deal closed: the canvas's assumptions move, and with them what the strategy cites.
    onBoth(dirs, (dir) => replaceInFile(dir, LEARNING, /^outcome: .*$/m.exec(read(dir, LEARNING))![0], 'outcome: closed-won'));
    await twinSyncs(memoised, rendered);
    // Nothing changed since: nothing to write, decided from the memo alone.
    expect(await twinSyncs(memoised, rendered)).toEqual({ written: [], diagnostics: [] });

    // A generated file edited by hand is kept, and not stale while the canvas stands still.
    onBoth(dirs, (dir) => writeFileSync(join(dir, NARRATIVE), `${read(dir, NARRATIVE)}\nOur own closing line.\n`));
    expect((await twinSyncs(memoised, rendered)).written).toEqual([]);

    // The canvas changes: every unedited file regenerated, the edited one kept and now stale.
    onBoth(dirs, (dir) => replaceInFile(dir, 'strategy/canvas/07-uvp.md', 'tagline: Reconciliation that keeps up with your payments', 'tagline: Reconciliation that never falls behind'));
    const afterCanvas = await twinSyncs(memoised, rendered);
    expect(afterCanvas.written).toContain(PITCH);
    expect(afterCanvas.diagnostics.some((d) => d.startsWith(`${NARRATIVE}:`) && d.includes('strategy-stale'))).toBe(true);

    // Saved with CRLF line endings: the same content, not written again. Mixed endings are.
    onBoth(dirs, (dir) => writeFileSync(join(dir, PITCH), read(dir, PITCH).replace(/\n/g, '\r\n')));
    expect((await twinSyncs(memoised, rendered)).written).toEqual([]);
    onBoth(dirs, (dir) => writeFileSync(join(dir, PITCH), read(dir, PITCH).replace('\r\n', '\n')));
    expect((await twinSyncs(memoised, rendered)).written).toEqual([PITCH]);

    // The marker of the other kind of file (a YAML comment in Markdown) is rewritten.
    onBoth(dirs, (dir) => writeFileSync(join(dir, PITCH), read(dir, PITCH).replace(/^<!-- (threadwork:generated sha256=[0-9a-f]+) -->/, '# $1')));
    expect((await twinSyncs(memoised, rendered)).written).toEqual([PITCH]);

    // A generated file deleted is not created again (that is `threadwork strategy`'s job).
    onBoth(dirs, (dir) => rmSync(join(dir, ICP)));
    expect((await twinSyncs(memoised, rendered)).written).toEqual([]);

    // A template of the workspace's own: every segment's file rendered from it.
    onBoth(dirs, (dir) => writeFiles(dir, { '.threadwork/templates/strategy/materials/pitch-deck.md.hbs': '# Pitch for {{segment.name}}\n\n{{uvp}}\n' }));
    expect((await twinSyncs(memoised, rendered)).written).toEqual(['artifacts/sales/ecommerce-finance/materials/pitch-deck.md', PITCH]);
    expect(read(memoised, PITCH)).toContain('# Pitch for ');
  });

  it('is discarded with a warning when its file is damaged, and the strategy rendered as without it', async () => {
    process.env.THREADWORK_TODAY = '2026-11-20';
    const dirs = [exampleWorkspaceCopy(), exampleWorkspaceCopy()];
    const [memoised, rendered] = dirs as [string, string];
    await twinSyncs(memoised, rendered);
    const stored = join(memoised, '.git', 'threadwork-cache', 'strategy-render.json');
    const text = readFileSync(stored, 'utf8');
    // A hash changed in place: the checksum no longer matches what it was stored with.
    writeFileSync(stored, text.replace(/"([0-9a-f])([0-9a-f]{63})"/, (_all, first: string, rest: string) => `"${first === 'a' ? 'b' : 'a'}${rest}"`));
    onBoth(dirs, (dir) => replaceInFile(dir, 'strategy/canvas/07-uvp.md', 'tagline: Reconciliation that keeps up with your payments', 'tagline: Reconciliation that never falls behind'));
    // A fresh process reads the file (this one keeps the memo it made in memory).
    const env = { THREADWORK_TODAY: '2026-11-20' };
    const [withMemo, withoutMemo] = await Promise.all([runJson<SyncResult>(['sync'], { cwd: memoised, env }), runJson<SyncResult>(['sync', '--no-cache'], { cwd: rendered, env })]);
    expect(withMemo.json.diagnostics.filter((d) => d.rule === 'cache-discarded').map((d) => d.path)).toEqual(['.git/threadwork-cache/strategy-render.json']);
    expect(strategyAnswer(withMemo.json)).toEqual(strategyAnswer(withoutMemo.json));
    expect(strategyAnswer(withMemo.json).written).toContain(PITCH);
    expect(generatedFiles(memoised)).toEqual(generatedFiles(rendered));
    // Stored anew: the next sync neither warns nor writes.
    const next = await runJson<SyncResult>(['sync'], { cwd: memoised, env });
    expect(next.json.diagnostics.filter((d) => d.rule === 'cache-discarded')).toEqual([]);
    expect(next.json.written).toEqual([]);
  });

  it('in a fresh process, a sync after a deal changed renders no template', async () => {
    const dir = exampleWorkspaceCopy();
    const preload = new URL('./helpers/require-log/preload.mjs', import.meta.url).pathname;
    const sync = async (): Promise<{ written: string[]; required: string[] }> => {
      const log = join(testdir(), 'required.log');
      const { json } = await runJson<{ written: string[] }>(['sync'], { cwd: dir, env: { NODE_OPTIONS: `--import ${preload}`, THREADWORK_REQUIRE_LOG: log, THREADWORK_TODAY: '2026-11-20' } });
      return { written: json.written, required: readFileSync(log, 'utf8').split('\n') };
    };
    const renders = (required: string[]): boolean => required.some((path) => path.includes('/node_modules/handlebars/'));
    // The first sync of a fresh copy renders every segment (no memo yet): the log sees Handlebars.
    const first = await sync();
    expect(renders(first.required)).toBe(true);
    replaceInFile(dir, LEARNING, /^outcome: .*$/m.exec(read(dir, LEARNING))![0], 'outcome: closed-won');
    const afterDeal = await sync();
    expect(afterDeal.written).toContain('threads/sales/brightcart/meta.json');
    expect(renders(afterDeal.required)).toBe(false);
  });
});
