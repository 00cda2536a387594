import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify, slugShortened } from '../src/workspace/slug.js';
import { runCli, runJson } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

/**
 * A German company name opens the folder a German reader writes for it: umlauts spelt out
 * and `&` as "und" (`Müller & Söhne GmbH` → `mueller-und-soehne-gmbh`, where it was
 * `muller-and-sohne-gmbh`, a different surname and an English word). A deal opened under
 * the old folder name keeps it: the same name typed again is that deal, never a second one.
 */
describe('German company names as folder names', () => {
  it.each([
    ['Schäfer Werkzeugbau', 'Sensorik Nachrüst GmbH', 'schaefer-werkzeugbau'],
    ['Schäfer Werkzeugbau', 'Acme Inc', 'schafer-werkzeugbau'],
    ['Malmö Verkstad AB', 'Sensorik Nachrüst GmbH', 'malmo-verkstad-ab'],
    ['Dupont & Fils SARL', 'Sensorik Nachrüst GmbH', 'dupont-et-fils-sarl'],
  ])('%s in the workspace of %s → %s', (name, ours, slug) => {
    expect(slugify(name, 'company name', undefined, ours)).toBe(slug);
  });

  it('says a name is shortened as slugify reads it: in a German workspace its umlauts spelt out', () => {
    // 59 letters as `u`, 61 as `ue`: cut to 60 only where the workspace's company is German.
    const name = 'Schützenhof Präzisionsteile und Sondermaschinen Nordwestbad';
    expect(slugify(name, 'company name').length).toBeLessThanOrEqual(60);
    expect(slugShortened(name)).toBe(false);
    expect(slugShortened(name, 'Sensorik Nachrüst GmbH')).toBe(true);
  });


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
    // No legal form of its own: read in the language of the workspace's company (Sensorik Nachrüst GmbH).
    const schaefer = await runJson<{ path: string }>(['deal', 'new', 'Schäfer Werkzeugbau', '--segment', 'maschinenbau', '--goal', 'g-first-customers'], { cwd: ws });
    expect(schaefer.json.path).toBe('threads/sales/schaefer-werkzeugbau');
    const campaign = await runJson<{ path: string }>(['campaign', 'new', 'Frühjahr Süd & Ost', '--segment', 'maschinenbau', '--date', '2026-03-02'], { cwd: ws });
    expect(campaign.json.path).toBe('threads/sales/campaigns/2026-03-02-fruehjahr-sued-und-ost');
    const sync = await runJson<{ written: string[] }>(['sync'], { cwd: ws });
    expect(sync.code, sync.stderr).toBe(0);
    expect(existsSync(join(ws, 'threads/sales/muller-and-sohne-gmbh/meta.json'))).toBe(true);
    expect(existsSync(join(ws, 'threads/sales/mueller-und-soehne-gmbh'))).toBe(false);
  });
});
