import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { teamWorkspace } from './helpers/team.js';
import { md, read, writeFiles } from './helpers/testdir.js';

/**
 * Bob closes Meridian Pay validating A1 and syncs on 1 December; Alice closes Oakline
 * validating A1 and syncs on 3 December. Each sync opened A1's proof thread (one folder: it is
 * named after the assumption), its meta.json `created` and 1-input.md `date` each sync's own
 * day. The same-day case was already one thread; on different days both files were errors —
 * `created` a value "to choose" — and the thread held. It is one thread now, opened on the
 * earlier day, with the sources of both.
 */

const THREAD = 'threads/marketing/a1-controllers-at-fintechs-with-three-or-more-psps';
const won = (closed: string, arr: number): string =>
  md(`outcome: closed-won\nclosed: ${closed}\narr: ${arr}\nvalidations:\n  - {assumption: A1, result: validated, evidence: books three weeks behind}`);

describe('a content thread both people opened on different days', () => {
  // Two clones and the real CLI several times over: 30 s is too short on a loaded machine.
  it('is one thread opened on the earlier day, citing the sources of both', { timeout: 120_000 }, async () => {
    const team = teamWorkspace();
    const oakline = (stage: string): string => read(team.bob, `threads/sales/oakline-outfitters/${stage}`).replaceAll('Oakline Outfitters', 'Meridian Pay');
    writeFiles(team.bob, { 'threads/sales/meridian-pay/4-decision.md': oakline('4-decision.md'), 'threads/sales/meridian-pay/5-actions.md': oakline('5-actions.md'), 'threads/sales/meridian-pay/6-learning.md': won('2026-11-25', 48000) });
    expect((await runCli(['sync', '--dir', team.bob], { env: { THREADWORK_TODAY: '2026-12-01' } })).code).toBe(0);
    git(team.bob, 'push', '-q', 'origin', 'main');
    writeFiles(team.alice, { 'threads/sales/oakline-outfitters/6-learning.md': won('2026-11-20', 36000) });
    const today = { env: { THREADWORK_TODAY: '2026-12-03' } };
    expect((await runCli(['sync', '--dir', team.alice], today)).code).toBe(0);
    const dir = team.alice;
    expect(() => git(dir, 'pull', '-q', 'origin', 'main')).toThrow();
    expect(git(dir, 'diff', '--name-only', '--diff-filter=U')).toContain(`${THREAD}/meta.json`);

    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], today);
    const found = check.json.diagnostics.filter((d) => d.path.startsWith(THREAD));
    expect(found.map((d) => [d.path, d.severity, d.rule])).toEqual([
      [`${THREAD}/1-input.md`, 'warning', 'merge-conflict'],
      [`${THREAD}/meta.json`, 'warning', 'merge-conflict'],
    ]);
    expect(found[1]!.message).toContain('both sides opened this content thread for the same event, on different days (`created` 2026-12-01 and 2026-12-03): one thread, opened on the earlier day');

    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir], today);
    expect(sync.json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(JSON.parse(read(dir, `${THREAD}/meta.json`))).toMatchObject({ created: '2026-12-01', stage: 1 });
    const input = read(dir, `${THREAD}/1-input.md`);
    expect(input).not.toContain('<<<<<<<');
    expect(input).toContain('date: "2026-12-01"');
    expect(input).toContain('sources:\n  - threads/sales/harbor-lending\n  - threads/sales/meridian-pay\n  - threads/sales/northwind-payments\n  - threads/sales/oakline-outfitters\n');
    expect(readdirSync(join(dir, 'threads/marketing')).filter((name) => name.startsWith('a1-'))).toEqual([THREAD.split('/').pop()]);

    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'merge');
    const again = await runJson<{ written: string[]; commit: unknown }>(['sync', '--dir', dir], today);
    expect([again.code, again.json.written, again.json.commit]).toEqual([0, [], null]);
  });
});
