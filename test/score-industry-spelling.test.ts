import { describe, expect, it, vi } from 'vitest';
import { scoreCommand } from '../src/cli/commands/score.js';
import { industryMatches } from '../src/scoring/industry-match.js';
import { commandJson } from './helpers/in-process.js';
import { testdir } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

interface Ranked {
  name: string;
  band: string;
  disqualified: { disqualifier: string }[];
  factors: { component: string; name: string; value: number | null; detail: string }[];
}

// An industry as an export spells it — hyphenated, run together, plural — is the industry the ICP names.
describe('industry spelled another way', () => {
  it.each([
    { company: 'Neo-bank', icp: 'neobank', matches: true },
    { company: 'Neobanks', icp: 'neobank', matches: true },
    { company: 'E-Commerce', icp: 'ecommerce', matches: true },
    { company: 'B2B eCommerce', icp: 'e-commerce', matches: true },
    { company: 'Health care', icp: 'Healthcare', matches: true },
    { company: 'Payment processing', icp: 'payments', matches: true },
    { company: 'Payments', icp: 'payment', matches: true },
    { company: 'Marketplaces', icp: 'marketplace', matches: true },
    { company: 'B2B SaaS', icp: 'SaaS', matches: true },
    // Still whole words: no word inside another, and another industry is not this one.
    { company: 'Retail', icp: 'AI', matches: false },
    { company: 'Financial Services', icp: 'Fintech', matches: false },
    { company: 'Marketing', icp: 'Capital markets', matches: false },
    { company: 'News media', icp: 'New media', matches: false },
  ])('$company against $icp: $matches', ({ company, icp, matches }) => {
    expect(industryMatches(company, icp)).toBe(matches);
  });

  it('scores Neo-bank and Payment services as in the segment, not disqualified by its `Industry outside` rule', async () => {
    const dir = workspace({
      'strategy/canvas/04-segments.md': `---
title: Segments
segments:
  - id: mid-market-fintech
    name: Mid-market fintech
    filters:
      industry: [payments, lending, neobank]
      employees: {min: 200, max: 2000}
---
`,
    });
    const list = testdir({ 'accounts.csv': 'name,industry,employees\nKeel,Neo-bank,400\nNorthwind,Payment services,400\nBakery,Food retail,400\n' });
    vi.stubEnv('THREADWORK_TODAY', '2026-11-22');
    try {
      const answer = await commandJson<{ ranked: Ranked[] }>(() => scoreCommand(`${list}/accounts.csv`, { segment: 'mid-market-fintech' }, { dir, json: true }));
      const byName = new Map(answer.json.ranked.map((a) => [a.name, a]));
      for (const name of ['Keel', 'Northwind']) {
        const account = byName.get(name)!;
        expect(account.disqualified, name).toEqual([]);
        expect(account.factors.find((f) => f.component === 'fit' && f.name === 'industry')?.value, name).toBe(1);
      }
      expect(byName.get('Keel')!.factors.find((f) => f.name === 'industry')?.detail).toBe('"Neo-bank" matches "neobank"');
      expect(byName.get('Bakery')!.disqualified.map((d) => d.disqualifier)).toEqual(['Industry outside payments, lending, neobank']);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
