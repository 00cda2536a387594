import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitEnv, gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

function deal(id: string): Record<string, string> {
  return {
    [`threads/sales/${id}/meta.json`]: dealMeta(id),
    [`threads/sales/${id}/1-input.md`]: md('date: 2026-03-01'),
  };
}

describe('history of a thread whose name begins another thread\'s', () => {
  it('lists the changes of threads/sales/acme, not those of threads/sales/acme-corp made in the same commit', async () => {
    const dir = workspace({ ...deal('acme'), ...deal('acme-corp') });
    gitInit(dir, { commit: false });
    const env = gitEnv({ THREADWORK_TODAY: '2026-03-02' });
    const sync = await runCli(['sync', '--dir', dir], { env });
    expect(sync.code, sync.stderr).toBe(0);
    const history = await runJson<{ entries: { changes: string[]; triggers: string[] }[] }>(['history', 'threads/sales/acme', '--dir', dir], { env });
    expect(history.code, history.stderr).toBe(0);
    const changes = history.json.entries.flatMap((e) => e.changes);
    expect(changes.some((line) => line.startsWith('threads/sales/acme stage'))).toBe(true);
    expect(changes.filter((line) => line.includes('acme-corp'))).toEqual([]);
    // Another thread's files cannot move this one's derived fields: not named as its triggers.
    const triggers = history.json.entries.flatMap((e) => e.triggers);
    expect(triggers).toContain('threads/sales/acme/1-input.md');
    expect(triggers.filter((t) => t.includes('acme-corp'))).toEqual([]);
    // The longer name still finds its own.
    const corp = await runJson<{ entries: { changes: string[] }[] }>(['history', 'threads/sales/acme-corp', '--dir', dir], { env });
    expect(corp.json.entries.flatMap((e) => e.changes).some((line) => line.startsWith('threads/sales/acme-corp stage'))).toBe(true);
  });
});
