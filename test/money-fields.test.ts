import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { moneyProblems, parseMoney } from '../src/schema/money.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, replaceInFile } from './helpers/testdir.js';

const schemaErrors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`);

/**
 * A deal's `arr_potential` took money as people write it (`"$40k"`, `"€30.000"`), but a
 * won deal's `arr`, a goal's target and the money targets of 13-metrics took plain
 * numbers only: `arr: "$42k"` was a schema error, "expected a number". Money is written
 * the same way everywhere (docs/file-formats.md, "Money"): these fields read it with the
 * parser `arr_potential` uses, and the figures count the amount it reads.
 */
describe('money written as text in a won deal, a goal and the metric targets', () => {
  // In the workspace's currency (USD): one in another is left out of the figures (goal-target-currency.test.ts).
  it('"$42k", "$500k" and "$42.000" are read as the amounts, and the figures count them', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000', 'arr: "$42k"');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 500000', 'target: "$500k"');
    replaceInFile(dir, 'strategy/canvas/13-metrics.md', 'avg_deal_size: 42000', 'avg_deal_size: "$42.000"');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(check.json.diagnostics)).toEqual([]);
    const { json } = await runJson<{ goals: { id: string; metrics: { name: string; current: number; target: number }[] }[] }>(['report', 'goals'], { cwd: dir });
    const wonArr = json.goals.find((g) => g.id === 'g-arr-500k-2026')!.metrics.find((m) => m.name === 'won_arr');
    expect(wonArr).toMatchObject({ current: 42_000, target: 500_000 });
    await runJson(['sync'], { cwd: dir });
    expect(read(dir, 'strategy/canvas/13-metrics.md')).toContain('| average deal size | 39,000 | 42,000 |');
    expect(read(dir, 'goals/g-arr-500k-2026.md')).toContain('| won_arr | 42,000 | 500,000 | 458,000 |');
  });

  it('what is not one amount is an error at the value that says what was expected', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000', 'arr: "$40k-$50k"');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 500000', 'target: lots');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 12', 'target: "$12"');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 0.35', 'target: 35%');
    // A count in words, or in quotes, is said as such, not as money it never was.
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', '    target: 5\n', '    target: five\n');
    replaceInFile(dir, 'goals/g-fintech-beachhead.md', '    target: 40\n', '    target: "40"\n');
    replaceInFile(dir, 'strategy/canvas/13-metrics.md', 'won_arr: 500000', 'won_arr: "-$500k"');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(json.diagnostics)).toEqual([
      'goals/g-arr-500k-2026.md:9:13 Invalid `metrics[0].target`: expected an amount such as 36000 or "$36k" (got "lots")',
      'goals/g-arr-500k-2026.md:11:13 Invalid `metrics[1].target`: expected a number: won_count is a count, not an amount of money (got "$12")',
      'goals/g-arr-500k-2026.md:13:13 Invalid `metrics[2].target`: expected a number from 0 to 1 — write 35% as 0.35 (got "35%")',
      'goals/g-arr-500k-2026.md:18:13 Invalid `subgoals[0].target`: expected a number, written in digits: won_count is a count (got "five")',
      'goals/g-fintech-beachhead.md:9:13 Invalid `metrics[0].target`: expected a number: meetings is a count — write 40 without quotes: quoted, it is text (got "40")',
      'strategy/canvas/13-metrics.md:8:12 Invalid `targets.won_arr`: expected an amount of 0 or more (got "-$500k")',
      'threads/sales/northwind-payments/6-learning.md:4:6 Invalid `arr`: expected one amount, not a range: which amount did the deal close at? (got "$40k-$50k")',
    ]);
  });
});

/**
 * A company's `revenue` — in a deal's Stage 1, on a campaign prospect, and the `{min, max}`
 * of a segment's filters or an ICP — took any text (`revenue: lots`) without a word, and
 * the scores counted it as no revenue at all. It is read by the money parser the other
 * money fields use, and what it cannot read is an error at the value, as theirs is.
 */
describe('a company revenue that is no amount', () => {
  it('is an error at the value in Stage 1, on a prospect, in a segment filter and an ICP', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/brightcart/1-input.md', '  revenue: "$48M"', '  revenue: lots');
    replaceInFile(dir, 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/5-actions.md', 'title: Controller, status: meeting, started: 2026-09-15}', 'title: Controller, status: meeting, started: 2026-09-15, revenue: "$4M/month"}');
    replaceInFile(dir, 'strategy/canvas/04-segments.md', 'revenue: {min: "$20M", max: "$500M"}', 'revenue: {min: "$20M", max: "1.200"}');
    replaceInFile(dir, 'research/customer/icp/mid-market-fintech-icp.yaml', 'min: $20M', 'min: twenty million');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(json.diagnostics)).toEqual([
      'research/customer/icp/mid-market-fintech-icp.yaml:29:10 Invalid `firmographics.revenue.min`: expected an amount such as 36000 or "$36k" (got "twenty million")',
      'strategy/canvas/04-segments.md:12:35 Invalid `segments[0].filters.revenue.max`: expected an amount that reads one way: "1.200" reads two ways, 1200 or 1.2: write 1200 (or "€1.200", a currency sign makes the dot group thousands) or 1.2 (got "1.200")',
      'threads/sales/brightcart/1-input.md:15:12 Invalid `company.revenue`: expected an amount such as "$45M", a range such as "10M-50M", or a band with one bound such as "> $1B", "1M+" or "Under $1M" (got "lots")',
      'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/5-actions.md:21:146 Invalid `prospects[0].revenue`: expected an amount such as "$45M", a range such as "10M-50M", or a band with one bound such as "> $1B", "1M+" or "Under $1M" — $4M/month is a monthly figure: amounts here are yearly (ARR), write the yearly amount (got "$4M/month")',
    ]);
  });

  // The one-bound forms CRMs export are read since they scored as exactly their bound; the
  // error for a revenue that cannot be read did not offer them, so `> $1B` looked unwritable.
  it('is told every form a revenue takes, the one-bound bands included, and a band that reads checks clean', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/brightcart/1-input.md', '  revenue: "$48M"', '  revenue: "> $1B"');
    replaceInFile(dir, 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/5-actions.md', 'title: Controller, status: meeting, started: 2026-09-15}', 'title: Controller, status: meeting, started: 2026-09-15, revenue: Under $1M}');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(json.diagnostics)).toEqual([]);
  });

  it('as an amount or a range is taken as before', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/brightcart/1-input.md', '  revenue: "$48M"', '  revenue: 10M-50M');
    replaceInFile(dir, 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/5-actions.md', 'title: Controller, status: meeting, started: 2026-09-15}', 'title: Controller, status: meeting, started: 2026-09-15, revenue: "€1.200.000"}');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(json.diagnostics)).toEqual([]);
  });
});

/**
 * A minus after the currency (`"$-5k"`, `"€ -500"`) was told "expected an amount such as
 * 36000 or "$36k"" — as if it were no amount — where `"-$5k"` was told the amount must be
 * 0 or more. Either way round it is a negative amount, and said so.
 */
describe('a negative amount with its currency first', () => {
  it.each(['$-5k', '€ -500', 'USD -5,000', '−$5k'])('%j is an amount below 0', (input) => {
    expect(parseMoney(input)).toBeUndefined();
    expect(moneyProblems(input)).toEqual([{ path: [], message: 'expected an amount of 0 or more' }]);
    expect(moneyProblems({ min: input, max: '$10k' })).toEqual([{ path: ['min'], message: 'expected an amount of 0 or more' }]);
  });
});

/**
 * A campaign's `expected_pipeline` took any text: `expected_pipeline: lots` checked clean,
 * where the same word in a deal's `arr_potential` is an error. It is money, read as money
 * is everywhere: one amount, and what is not one is an error at the value.
 */
describe("a campaign's expected pipeline", () => {
  it('is money: "$420k" checks clean, "lots" and a range are errors at the value', async () => {
    const dir = exampleWorkspaceCopy();
    const file = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/3-implication.md';
    replaceInFile(dir, file, 'expected_pipeline: 420000', 'expected_pipeline: "$420k"');
    const clean = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(clean.json.diagnostics.filter((d) => d.path === file)).toEqual([]);
    replaceInFile(dir, file, 'expected_pipeline: "$420k"', 'expected_pipeline: lots');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path === file).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual(['3:20 schema Invalid `expected_pipeline`: expected an amount such as 36000 or "$36k" (got "lots")']);
  });
});

/**
 * A pricing tier's `price` took any text: `price: call us` or `price: "$36k/yr"` passed
 * check, and `threadwork strategy` then showed the tier's price as "—" and left it out
 * of the entry price and the pilot fee, with nothing said. A price is read as a deal's
 * `arr_potential` is: an amount, or a range, as people write money.
 */
describe("a pricing tier's price", () => {
  it('is an error at the value, saying what was expected, when it is no amount', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'price: 36000', 'price: call us');
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'price: 60000', 'price: "-$60k"');
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'price: 96000', 'price: "$96k-$80k"');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'strategy/canvas/11-pricing.md:7:12 Invalid `tiers[0].price`: expected an amount such as 36000 or "$36k", or a range such as "$30k-$50k" (got "call us")',
      'strategy/canvas/11-pricing.md:11:12 Invalid `tiers[1].price`: expected an amount of 0 or more (got "-$60k")',
      'strategy/canvas/11-pricing.md:15:12 Invalid `tiers[2].price`: expected the lower amount first: this reads as 96000 to 80000 (got "$96k-$80k")',
    ]);
  });

  it('takes money as people write it, as arr_potential does', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'price: 36000', 'price: "$36k"');
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'price: 60000', 'price: "USD 60,000"');
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'price: 96000', 'price: "$90k-$100k"');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path === 'strategy/canvas/11-pricing.md')).toEqual([]);
  });
});

/**
 * `threadwork migrate` reads `"$40k/year"` as 40000 (a trailing `/year`, `per year`,
 * `annual`, `ARR` is dropped: every amount here is yearly), but `check` refused the same
 * text in a file as "expected an amount such as 36000" with no word of why, nor of what
 * to write. One form is written in files — the amount — and check now says what migrate
 * would write; a monthly figure is told to be written as the yearly amount, as migrate does.
 */
describe('money written per year or per month', () => {
  it('check says to write the amount migrate would read, and that a monthly figure is no yearly one', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000', 'arr: "$40k/year"');
    replaceInFile(dir, 'threads/sales/brightcart/3-implication.md', 'arr_potential: 36000', 'arr_potential: "$30k-$50k per year"');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 500000', 'target: "$42k MRR"');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'goals/g-arr-500k-2026.md:9:13 Invalid `metrics[0].target`: expected an amount such as 36000 or "$36k" — $42k MRR is a monthly figure: amounts here are yearly (ARR), write the yearly amount (got "$42k MRR")',
      'threads/sales/brightcart/3-implication.md:2:16 Invalid `arr_potential`: expected an amount such as 36000 or "$36k", or a range such as "$30k-$50k" — amounts here are yearly: write $30k-$50k per year as {min: "$30000", max: "$50000"} (got "$30k-$50k per year")',
      'threads/sales/northwind-payments/6-learning.md:4:6 Invalid `arr`: expected an amount such as 36000 or "$36k" — amounts here are yearly: write $40k/year as "$40000" (got "$40k/year")',
    ]);
  });
});

/**
 * A negative amount written as a YAML number (`arr: -36000`) was reported twice at the
 * same place: once by the number's own minimum, once by the money check that reads text
 * (`"-$36k"`) — two errors for one mistake, in different words for a price.
 */
describe('a negative amount written as a number', () => {
  it('is one error at the value, in the words a negative amount written as text gets', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/harbor-lending/6-learning.md', 'arr: 36000', 'arr: -36000');
    replaceInFile(dir, 'threads/sales/harbor-lending/3-implication.md', 'arr_potential: 36000', 'arr_potential: -36000');
    replaceInFile(dir, 'threads/sales/keel-neobank/3-implication.md', 'min: 60000', 'min: -60000');
    replaceInFile(dir, 'strategy/canvas/11-pricing.md', 'price: 36000', 'price: -36000');
    replaceInFile(dir, 'strategy/canvas/13-metrics.md', 'avg_deal_size: 42000', 'avg_deal_size: -42000');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(json.diagnostics)).toEqual([
      'strategy/canvas/11-pricing.md:7:12 Invalid `tiers[0].price`: expected an amount of 0 or more (got -36000)',
      'strategy/canvas/13-metrics.md:7:18 Invalid `targets.avg_deal_size`: expected an amount of 0 or more (got -42000)',
      'threads/sales/harbor-lending/3-implication.md:2:16 Invalid `arr_potential`: expected an amount of 0 or more (got -36000)',
      'threads/sales/harbor-lending/6-learning.md:4:6 Invalid `arr`: expected an amount of 0 or more (got -36000)',
      'threads/sales/keel-neobank/3-implication.md:2:22 Invalid `arr_potential.min`: expected an amount of 0 or more (got -60000)',
    ]);
  });
});

/**
 * A goal's target or baseline below 0 (`target: -5`, `baseline: -1000`) passed check: a
 * goal no deal could miss, its progress drawn past 100% from the first day. Only a rate's
 * was refused. A figure below 0 is an error at the value, whatever the metric.
 */
describe("a goal's figure below 0", () => {
  it('is refused at the value, for a target, a baseline and a subgoal target', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 500000', 'target: -500000\n    baseline: -1000');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'target: 12\n', 'target: -12\n');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'metric: pipeline_count\n    target: 12', 'metric: pipeline_count\n    target: -3');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(json.diagnostics)).toEqual([
      'goals/g-arr-500k-2026.md:9:13 Invalid `metrics[0].target`: expected an amount of 0 or more (got -500000)',
      'goals/g-arr-500k-2026.md:10:15 Invalid `metrics[0].baseline`: expected an amount of 0 or more (got -1000)',
      'goals/g-arr-500k-2026.md:12:13 Invalid `metrics[1].target`: expected a number of 0 or more (got -12)',
      'goals/g-arr-500k-2026.md:27:13 Invalid `subgoals[2].target`: expected a number of 0 or more (got -3)',
    ]);
  });

  // `~€50k`, `ca. 50k`, `€12k p.a.` were told only "expected an amount such as 36000", where migrate reads each.
  it.each([
    ['~€50k', 'a file holds the amount alone: write ~€50k as "€50000" (an estimate is fine: say how sure it is in the prose)'],
    ['ca. 50k', 'a file holds the amount alone: write ca. 50k as 50000 (an estimate is fine: say how sure it is in the prose)'],
    ['$30k-$50k (est.)', 'a file holds the amount alone: write $30k-$50k (est.) as {min: "$30000", max: "$50000"} (an estimate is fine: say how sure it is in the prose)'],
    ['$12k p.a.', 'amounts here are yearly: write $12k p.a. as "$12000"'],
  ])('says what to write for an amount written as a guess or per annum: %s', async (written, advice) => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/brightcart/3-implication.md', 'arr_potential: 36000', `arr_potential: "${written}"`);
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => d.message)).toEqual([
      `Invalid \`arr_potential\`: expected an amount such as 36000 or "$36k", or a range such as "$30k-$50k" — ${advice} (got "${written}")`,
    ]);
  });

  // The advice named the bare number: `€40k/year` told to be `40000`, which a USD workspace counts as $40,000.
  it('keeps the currency the amount was written in, so following the advice does not change it', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000', 'arr: "€40.5k/year"');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => d.message)).toEqual([
      'Invalid `arr`: expected an amount such as 36000 or "$36k" — amounts here are yearly: write €40.5k/year as "€40500" (got "€40.5k/year")',
    ]);
  });
});
