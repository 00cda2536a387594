import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

/**
 * A German company name opens the folder a German reader writes for it: umlauts spelt out
 * and `&` as "und" (`Müller & Söhne GmbH` → `mueller-und-soehne-gmbh`, where it was
 * `muller-and-sohne-gmbh`, a different surname and an English word). A deal opened under
 * the old folder name keeps it: the same name typed again is that deal, never a second one.
 */
describe('German company names as folder names', () => {
  it('opens weiss-und-soehne-maschinenbau-ag, and a deal in the folder an older version made stays the deal', { timeout: 120_000 }, async () => {
    const ws = testdir({});
    const init = await runCli(['init', '--company', 'Sensorik Nachrüst GmbH'], { cwd: ws });
    expect(init.code, init.stderr).toBe(0);
    const segments = join(ws, 'strategy/canvas/04-segments.md');
    writeFileSync(segments, readFileSync(segments, 'utf8').replace('segments: []\n', 'segments:\n  - id: maschinenbau\n    name: Maschinenbau Mittelstand\n'));

    const weiss = await runJson<{ path: string }>(['deal', 'new', 'Weiß & Söhne Maschinenbau AG', '--segment', 'maschinenbau', '--goal', 'g-first-customers'], { cwd: ws });
    expect(weiss.code, weiss.stderr).toBe(0);
    expect(weiss.json.path).toBe('threads/sales/weiss-und-soehne-maschinenbau-ag');

    // The folder the name made before: as if opened by an older threadwork.
    const old = await runJson<{ path: string }>(['deal', 'new', 'Müller & Söhne GmbH', '--slug', 'muller-and-sohne-gmbh', '--segment', 'maschinenbau', '--goal', 'g-first-customers'], { cwd: ws });
    expect(old.code, old.stderr).toBe(0);
    for (const typed of ['Müller & Söhne GmbH', 'Müller und Söhne GmbH']) {
      const again = await runJson<{ error: { code: string; path: string } }>(['deal', 'new', typed, '--segment', 'maschinenbau', '--goal', 'g-first-customers'], { cwd: ws });
      expect(again.code).toBe(1);
      expect(again.json.error).toMatchObject({ code: 'thread-exists', path: 'threads/sales/muller-and-sohne-gmbh' });
    }
    const sync = await runJson<{ written: string[] }>(['sync'], { cwd: ws });
    expect(sync.code, sync.stderr).toBe(0);
    expect(existsSync(join(ws, 'threads/sales/muller-and-sohne-gmbh/meta.json'))).toBe(true);
    expect(existsSync(join(ws, 'threads/sales/mueller-und-soehne-gmbh'))).toBe(false);
  });
});
