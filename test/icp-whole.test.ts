import { describe, expect, it } from 'vitest';
import { icpSchema } from '../src/schema/icp.js';
import { segmentSchema } from '../src/schema/canvas.js';
import { dealInputSchema } from '../src/schema/stages.js';
import {
  checkDisqualifiers,
  contentStems,
  DISQUALIFIED_CAP,
  matchTrigger,
  profileFromIcp,
  profileFromSegment,
  prospectFromDealInput,
  scoreIcp,
  scoreIntent,
  SIGNAL_WEIGHTS,
  TRIGGER_WEIGHT,
} from '../src/scoring/index.js';

const asOf = '2026-03-01';

/** A logistics ICP as a user writes it: the generated disqualifiers plus their own. */
const logisticsIcp = icpSchema.parse({
  segment: 'regional-logistics',
  name: 'Regional logistics carriers',
  firmographics: { industry: ['Logistics', 'Freight', 'Distribution'], employees: { min: 50, max: 1000 }, geography: ['United States'] },
  technographics: { required: ['Samsara'], preferred: [] },
  problem_signals: ['Paper proof of delivery', 'Trigger: Opening a new terminal', 'Trigger: Launching a new lane or a cross-dock service'],
  disqualifiers: ['Fewer than 25 employees (half the segment minimum of 50)', 'Headquartered outside United States', 'Food distributors', 'Already uses Descartes'],
});
const profile = profileFromIcp(logisticsIcp);

const foodDistributor = {
  company: { name: 'FreshWay Foods', industry: 'Food distribution', employees: 300, geography: 'Ohio, United States', technologies: ['Samsara'], signals: ['funding'] },
  emailStatus: 'verified',
  dataDate: '2026-02-25',
};

describe('disqualifiers cap the composite', () => {
  it('reproduces the finding: without its disqualifiers the food distributor scores strong', () => {
    const blind = scoreIcp(foodDistributor, { ...profile, disqualifiers: [] }, { asOf });
    expect(blind.band).toBe('strong');
    expect(blind.score).toBeGreaterThan(0.75);
  });

  it('caps a food distributor against a logistics ICP that excludes it, naming the disqualifier and field', () => {
    const result = scoreIcp(foodDistributor, profile, { asOf });
    expect(result.score).toBe(DISQUALIFIED_CAP);
    expect(result.band).toBe('poor');
    expect(result.uncapped).toBeGreaterThan(0.75);
    expect(result.disqualifiers.matched).toEqual([
      expect.objectContaining({ disqualifier: 'Food distributors', field: 'industry', value: 'Food distribution' }),
    ]);
  });

  it('leaves a logistics carrier that matches no disqualifier uncapped', () => {
    const carrier = { ...foodDistributor, company: { ...foodDistributor.company, name: 'Buckeye Freight', industry: 'Freight and logistics' } };
    const result = scoreIcp(carrier, profile, { asOf });
    expect(result.disqualifiers.matched).toEqual([]);
    expect(result.score).toBe(result.uncapped);
    expect(result.band).toBe('strong');
  });

  it.each([
    ['Fewer than 25 employees (half the segment minimum of 50)', { employees: 12 }, 'employees', '12'],
    ['More than 1,000 employees', { employees: 4000 }, 'employees', '4000'],
    ['Revenue under $5M', { revenue: '1M-3M' }, 'revenue', '1M-3M'],
    ['More than $1B in revenue', { revenue: '$2B' }, 'revenue', '$2B'],
    ['Industry outside e-commerce, consumer goods, retail', { industry: 'Banking' }, 'industry', 'Banking'],
    ['Headquartered outside United States, United Kingdom', { geography: 'Berlin, Germany' }, 'geography', 'Berlin, Germany'],
    ['Companies based outside the United States', { geography: 'Toronto, Canada' }, 'geography', 'Toronto, Canada'],
    ['Already uses Descartes', { technologies: ['Descartes MacroPoint'] }, 'technologies', 'Descartes MacroPoint'],
    ['Industry: government', { industry: 'Government agencies' }, 'industry', 'Government agencies'],
    ['Food & beverage distributors', { industry: 'Food distribution' }, 'industry', 'Food distribution'],
  ])('reads %j on the %s field', (disqualifier, company, field, value) => {
    expect(checkDisqualifiers(company, [disqualifier]).matched).toEqual([expect.objectContaining({ disqualifier, field, value })]);
  });

  it.each([
    ['Fewer than 25 employees', { employees: 25 }],
    ['Industry outside e-commerce, retail', { industry: 'Retail' }],
    ['Headquartered outside United States', { geography: 'Austin, TX, USA' }],
    ['Companies outside the United States', { geography: 'United States' }],
    ['Companies outside the United States', { geography: 'Austin, Texas, United States' }],
    ['Anything except logistics', { industry: 'Logistics' }],
    ['Logistics companies with fewer than 10 trucks', { industry: 'Logistics' }],
    ['No Shopify store', { industry: 'Shopify agency' }],
    ['Food distributors', { industry: 'Freight' }],
  ])('does not disqualify on %j for %j', (disqualifier, company) => {
    expect(checkDisqualifiers(company, [disqualifier]).matched).toEqual([]);
  });

  it('lists a disqualifier whose field is absent as unchecked, and does not cap for it', () => {
    const check = checkDisqualifiers({ industry: 'Freight' }, ['Fewer than 25 employees', 'Revenue under $5M']);
    expect(check.unchecked).toEqual([
      { disqualifier: 'Fewer than 25 employees', field: 'employees' },
      { disqualifier: 'Revenue under $5M', field: 'revenue' },
    ]);
    expect(check.matched).toEqual([]);
  });

  it("applies a segment's generated disqualifiers when there is no ICP file", () => {
    const segment = segmentSchema.parse({ id: 'logistics', name: 'Logistics', filters: { industry: ['Logistics'], employees: { min: 50, max: 500 } }, disqualifiers: ['Food distributors'] });
    const seg = profileFromSegment(segment);
    expect(seg.disqualifiers).toEqual(['Fewer than 25 employees (half the segment\'s minimum of 50)', 'More than 1000 employees (twice the segment\'s maximum of 500)', 'Industry outside Logistics', 'Food distributors']);
    expect(scoreIcp({ company: { industry: 'Logistics', employees: 5000, signals: ['funding'] } }, seg, { asOf }).disqualifiers.matched[0]).toMatchObject({ field: 'employees', value: '5000' });
  });
});

describe('segment triggers count as intent', () => {
  it('reproduces the finding: without triggers the terminal signal reads as nothing', () => {
    expect(scoreIntent(['opened a new terminal in Ohio']).component.value).toBe(0);
  });

  it('matches "opened a new terminal in Ohio" to the trigger "Opening a new terminal" with the trigger weight', () => {
    const intent = scoreIntent(['opened a new terminal in Ohio'], profile.triggers);
    expect(intent.component.value).toBe(TRIGGER_WEIGHT);
    expect(intent.factors[0]).toMatchObject({ name: 'trigger', status: 'computed', value: TRIGGER_WEIGHT });
    expect(intent.factors[0]!.detail).toContain('Opening a new terminal');
    expect(TRIGGER_WEIGHT).toBe(SIGNAL_WEIGHTS.funding);
  });

  it.each([
    ['Opens two new terminals', 'Opening a new terminal'],
    ['We are opening a new terminal next month', 'Opening a new terminal'],
    ['launched a cross-dock service in Dayton', 'Launching a new lane or a cross-dock service'],
    ['Launches new lanes to Texas', 'Launching a new lane or a cross-dock service'],
  ])('%j matches %j', (signal, trigger) => {
    expect(matchTrigger(signal, profile.triggers ?? [])?.trigger).toBe(trigger);
  });

  it.each(['closed a terminal in Ohio', 'new CFO hired', 'terminal illness in the family'])('%j matches no trigger', (signal) => {
    expect(matchTrigger(signal, profile.triggers ?? [])).toBeUndefined();
  });

  it('reads verb forms and plurals alike, and drops stop words', () => {
    expect(contentStems('Opening the new terminals')).toEqual(contentStems('opened a new terminal'));
    expect(contentStems('hired')).toEqual(contentStems('hiring'));
    expect(contentStems('Food distributors')).toEqual(contentStems('food distribution'));
  });

  it('counts a trigger signal once, and a further keyword type adds the corroboration bonus', () => {
    const intent = scoreIntent(['opened a new terminal in Ohio', { type: 'expansion', detail: 'opening a new terminal in Indiana' }, 'hiring drivers'], profile.triggers);
    expect(intent.factors.map((f) => f.name)).toEqual(['trigger', 'trigger', 'hiring']);
    expect(intent.component.value).toBe(0.95);
  });
});

describe("a deal's signal feeds intent", () => {
  it('reads Stage 1 `signal` as one more company signal', () => {
    const input = dealInputSchema.parse({ signal: 'Opened a new terminal in Columbus', company: { name: 'Buckeye Freight', industry: 'Freight', employees: 200 } });
    const prospect = prospectFromDealInput(input);
    expect(prospect.company.signals).toEqual(['Opened a new terminal in Columbus']);
    const result = scoreIcp(prospect, profile, { asOf });
    expect(result.components.intent.value).toBe(TRIGGER_WEIGHT);
  });

  it('reads a deal signal that names a seed type with its weight', () => {
    const input = dealInputSchema.parse({ signal: 'Raised a Series B', company: { name: 'Acme' } });
    expect(scoreIcp(prospectFromDealInput(input), profile, { asOf }).components.intent.value).toBe(SIGNAL_WEIGHTS.funding);
  });
});
