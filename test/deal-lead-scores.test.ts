import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreCompanyAgainstSegment } from '../src/derive/segment-score.js';
import { loadWorkspace } from '../src/workspace/load.js';
import { runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const SEGMENTS = md(`title: Segments
segments:
  - id: regional-logistics
    name: Regional logistics carriers
    filters:
      industry: [logistics, freight]
      employees: {min: 50, max: 1000}
      geography: [United States]
    triggers:
      - Opening a new terminal
    disqualifiers:
      - Food distributors
    personas:
      economic_buyer: {title: VP Operations}
  - id: mid-market-fintech
    name: Mid-market fintech (the assumptions of the base workspace name it)
`);

function meta(dir: string, thread: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, thread, 'meta.json'), 'utf8')) as Record<string, unknown>;
}

describe("a deal's meta.json carries lead_score, lead_band and contact_score", () => {
  it('derives them next to icp_match_score, applies the disqualifier and the deal signal, and a second sync writes nothing', async () => {
    const dir = workspace({ 'strategy/canvas/04-segments.md': SEGMENTS });
    const deals = {
      carrier: 'signal: Opened a new terminal in Columbus, Ohio\ncontact:\n  name: Ana Ruiz\n  title: VP of Operations\n  email: ana@buckeye.com\n  email_status: verified\n  linkedin: linkedin.com/in/anaruiz\ncompany:\n  name: Buckeye Freight\n  industry: Freight\n  employees: 300\n  geography: Ohio, United States\nengagement:\n  email: 5\n  website: 10\n  content: 3\n  social: 5',
      food: 'signal: Opened a new terminal in Toledo\ncontact:\n  name: Bo Lind\n  title: Dispatcher\ncompany:\n  name: FreshWay Foods\n  industry: Food distribution\n  employees: 300\n  geography: United States',
    };
    for (const [id, front] of Object.entries(deals)) {
      writeFiles(dir, {
        [`threads/sales/${id}/meta.json`]: dealMeta(id, { segment: 'regional-logistics' }),
        [`threads/sales/${id}/1-input.md`]: md(`source: outbound\ndate: 2026-03-02\n${front}`),
      });
    }
    gitInit(dir);
    const synced = await runJson<{ commit: { committed: boolean } }>(['sync', '--dir', dir]);
    expect(synced.code, synced.stdout).toBe(0);

    const carrier = meta(dir, 'threads/sales/carrier');
    // 40 demographic (size, industry, geography, role all match) + 60 behavioural (every count at saturation).
    // Contact: title match 1×0.40 + VP seniority 0.9×0.30 + verified email 0.20 + LinkedIn 0.10 = 0.97.
    expect(carrier).toMatchObject({ lead_score: 100, lead_band: 'sql', contact_score: 0.97 });
    expect(carrier.icp_match_score as number).toBeGreaterThan(0.75);

    const food = meta(dir, 'threads/sales/food');
    expect(food.icp_match_score).toBe(0.3);
    expect(food).toMatchObject({ lead_band: 'cold' });
    expect(food.contact_score as number).toBeLessThan(0.3);

    const again = await runJson<{ written: string[]; commit: { committed: boolean } }>(['sync', '--dir', dir]);
    expect(again.json.written).toEqual([]);
    expect(again.json.commit).toBeNull();
  });
});

describe("a deal contact's seniority", () => {
  it('reads a Product Owner as the role in a team it is, not as the owner of the company', async () => {
    const dir = workspace({ 'strategy/canvas/04-segments.md': SEGMENTS });
    for (const [id, title] of [['po', 'Product Owner'], ['owner', 'Owner']] as const) {
      writeFiles(dir, {
        [`threads/sales/${id}/meta.json`]: dealMeta(id, { segment: 'regional-logistics' }),
        [`threads/sales/${id}/1-input.md`]: md(`source: outbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ana Ruiz\n  title: ${title}\ncompany:\n  name: ${id}`),
      });
    }
    gitInit(dir);
    const synced = await runJson(['sync', '--dir', dir]);
    expect(synced.code, synced.stdout).toBe(0);
    // No title match against `VP Operations`, no email, no LinkedIn: seniority alone, × 0.30.
    expect(meta(dir, 'threads/sales/po').contact_score).toBe(0.12); // individual contributor, 0.4
    expect(meta(dir, 'threads/sales/owner').contact_score).toBe(0.3); // the owner of the company: C-level, 1
  });
});

describe('scoreCompanyAgainstSegment', () => {
  it("scores one company against a segment as the workspace defines it, disqualifiers and triggers applied", async () => {
    const model = await loadWorkspace(workspace({ 'strategy/canvas/04-segments.md': SEGMENTS }));
    const carrier = scoreCompanyAgainstSegment(model, 'regional-logistics', { name: 'Buckeye Freight', industry: 'Freight', employees: 300, geography: 'United States', signals: ['opening a new terminal in Dayton'] }, '2026-03-01');
    expect(carrier.components.intent.value).toBe(0.9);
    expect(carrier.factors.find((f) => f.component === 'intent')).toMatchObject({ name: 'trigger' });
    expect(carrier.disqualifiers.matched).toEqual([]);
    const food = scoreCompanyAgainstSegment(model, 'regional-logistics', { company: { name: 'FreshWay', industry: 'Food distribution', employees: 300 }, emailStatus: 'verified' }, '2026-03-01');
    expect(food.score).toBe(0.3);
    expect(food.disqualifiers.matched.map((d) => [d.disqualifier, d.field])).toEqual([
      ['Industry outside logistics, freight', 'industry'],
      ['Food distributors', 'industry'],
    ]);
    expect(() => scoreCompanyAgainstSegment(model, 'space', { name: 'X' }, '2026-03-01')).toThrow(/Unknown segment "space"/);
  });

  it('reads New South Wales as no part of Wales, nor New England of England: outside a UK segment, disqualified', async () => {
    const uk = md(`title: Segments
segments:
  - id: uk-logistics
    name: UK logistics carriers
    filters:
      industry: [logistics]
      geography: [United Kingdom]
`);
    const model = await loadWorkspace(workspace({ 'strategy/canvas/04-segments.md': uk }));
    for (const geography of ['Sydney, New South Wales', 'Boston, New England']) {
      const score = scoreCompanyAgainstSegment(model, 'uk-logistics', { name: 'Far Freight', industry: 'Logistics', geography }, '2026-03-01');
      expect(score.factors.find((f) => f.name === 'geography')?.value, geography).toBe(0);
      expect(score.disqualifiers.matched.map((d) => d.field), geography).toEqual(['geography']);
    }
    // The places themselves still match by name, and a Welsh or English company is still in the UK.
    const cardiff = scoreCompanyAgainstSegment(model, 'uk-logistics', { name: 'Cardiff Freight', industry: 'Logistics', geography: 'Cardiff, Wales' }, '2026-03-01');
    expect(cardiff.factors.find((f) => f.name === 'geography')?.value).toBe(1);
    expect(cardiff.disqualifiers.matched).toEqual([]);
  });
});
