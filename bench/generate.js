// Generates a realistic threadwork workspace for the benchmark, deterministic from a seed:
// threadwork.config.yaml, the 16 canvas sections (4 segments, assumptions A1..A12,
// metric targets), 3 goals with subgoals, N deal threads with meta.json and all six
// stage files (front matter plus ~500 bytes of prose each), and M campaign threads.
//
//   node bench/generate.js <dir> <deals> [campaigns] [seed]
//
// The result passes `threadwork check` with zero errors (run.js asserts it on every run).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/**
 * Bump when the shape of the output changes on purpose. The cache key in run.js also
 * includes a hash of this file's source, so an edit never reuses a stale workspace.
 */
export const GENERATOR_VERSION = 4;
export const GENERATOR_HASH = createHash('sha1').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 8);

// ---------------------------------------------------------------------------------------
// Randomness and small helpers

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} random */
function helpers(random) {
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  /** @template T @param {readonly T[]} list @returns {T} */
  const pick = (list) => list[Math.floor(random() * list.length)];
  /** Picks by weight: `weighted([['a', 3], ['b', 1]])`. */
  const weighted = (pairs) => {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = random() * total;
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[pairs.length - 1][0];
  };
  /** `n` distinct items, in list order. */
  const sample = (list, n) => {
    const chosen = new Set();
    while (chosen.size < Math.min(n, list.length)) chosen.add(Math.floor(random() * list.length));
    return [...chosen].sort((x, y) => x - y).map((i) => list[i]);
  };
  const chance = (p) => random() < p;
  return { int, pick, weighted, sample, chance };
}

const DAY = 86_400_000;
const EPOCH = Date.UTC(2025, 0, 1);
/** Day number (0 = 2025-01-01) to `YYYY-MM-DD`. */
const iso = (day) => new Date(EPOCH + day * DAY).toISOString().slice(0, 10);
const LAST_DAY = (Date.UTC(2026, 11, 31) - EPOCH) / DAY;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const spoken = (day) => {
  const d = new Date(EPOCH + day * DAY);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
};

/** A YAML scalar: plain when it is unambiguous text, double-quoted otherwise. */
function y(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const s = String(value);
  const plain =
    /^[A-Za-z][A-Za-z0-9 ,.()/&'%+-]*$/.test(s) &&
    !/: |\s#|\s$/.test(s) &&
    !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}
/** A scalar inside a flow collection (`[a, b]`, `{k: v}`), where commas and brackets need quotes too. */
const yf = (value) => (typeof value === 'string' && /[,[\]{}]/.test(value) ? JSON.stringify(value) : y(value));
const flowList = (items) => `[${items.map(yf).join(', ')}]`;

/** Word-wraps a paragraph at 88 columns, as people's editors tend to. */
function wrap(text, width = 88) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** A Markdown file: front matter lines, then the body. */
const markdown = (frontMatter, body) => `---\n${frontMatter.join('\n')}\n---\n\n${body.trimEnd()}\n`;

/**
 * Prose of about `target` bytes: the sentences in order, after the first ones, until
 * the target is reached; split into two sections.
 */
function prose(title, sections, target = 500) {
  let out = `# ${title}\n`;
  for (const [heading, sentences] of sections) {
    if (out.length >= target) break;
    let paragraph = '';
    for (const sentence of sentences) {
      if (paragraph && out.length + paragraph.length >= target) break;
      paragraph = paragraph ? `${paragraph} ${sentence}` : sentence;
    }
    out += `\n## ${heading}\n\n${wrap(paragraph)}\n`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The company the workspace belongs to: its canvas and goals

const SEGMENTS = [
  {
    id: 'mid-market-fintech',
    name: 'Mid-market fintech',
    description: 'Payments, lending and neobank companies whose finance team reconciles several payment providers and banks against one ledger',
    industry: ['payments', 'lending', 'neobank', 'embedded finance'],
    business_model: 'B2B2C platform',
    employees: [200, 2000],
    revenue: ['$20M', '$500M'],
    geography: ['United States', 'United Kingdom'],
    tech_stack: ['NetSuite', 'Stripe', 'Adyen', 'Checkout.com', 'Modern Treasury'],
    problem_indicators: ['Three or more payment providers in production', 'Month-end close longer than eight business days', 'Open roles for reconciliation analysts'],
    pains: ['Month-end close takes two weeks because settlements are matched by hand', 'Unexplained breaks between processor reports and bank deposits', 'Audit requests for transaction-level evidence take days'],
    triggers: ['A new funding round or a new payment provider going live', 'An audit finding on cash controls', 'A new controller or VP of Finance'],
    personas: [['CFO', ['audit readiness', 'flat finance headcount']], ['Head of Finance Systems', ['NetSuite integration', 'read-only access']], ['Senior Accountant', ['fewer manual matches']]],
    companies: ['Northwind Payments', 'Harbor Lending', 'Keel Neobank', 'Meridian Pay', 'Cobalt Remit'],
    titles: ['Controller', 'VP Finance', 'CFO', 'Head of Accounting', 'Financial Controller'],
    /** The goals (and subgoals) a deal in this segment may count towards. */
    goals: [['g-arr-1m-2026', ['SG1', 'SG3']], ['g-fintech-beachhead', ['SG1', 'SG2', 'SG3']]],
    weight: 4,
  },
  {
    id: 'ecommerce-finance',
    name: 'E-commerce finance teams',
    description: 'Direct-to-consumer brands selling on their own store and on marketplaces, whose small finance team reconciles payouts from several channels',
    industry: ['e-commerce', 'consumer goods', 'retail'],
    business_model: 'DTC and marketplaces',
    employees: [50, 500],
    revenue: ['$10M', '$200M'],
    geography: ['United States', 'United Kingdom', 'Canada'],
    tech_stack: ['Shopify', 'Amazon Seller Central', 'NetSuite', 'Xero', 'PayPal'],
    problem_indicators: ['Sells on three or more channels', 'Payout fees and refunds booked as one net line', 'A finance team of five or fewer'],
    pains: ['Marketplace payouts arrive net of fees, refunds and reserves', 'Chargebacks and fees are invisible until the month is closed', 'Gross margin per channel is a quarterly spreadsheet'],
    triggers: ['Launching on a new marketplace', 'A first external audit or a lender covenant', 'Hiring a first controller'],
    personas: [['Head of Finance', ['margin by channel', 'a close in days']], ['Operations Lead', ['no new tools to maintain']], ['Bookkeeper', ['fewer journal entries by hand']]],
    companies: ['Brightcart', 'Fernway Home', 'Oakline Outfitters', 'Juniper Goods', 'Tidewater Supply'],
    titles: ['Head of Finance', 'Finance Manager', 'Controller', 'COO', 'Founder'],
    /** The goals (and subgoals) a deal in this segment may count towards. */
    goals: [['g-arr-1m-2026', ['SG2', 'SG3']]],
    weight: 3,
  },
  {
    id: 'b2b-saas-finance',
    name: 'B2B SaaS finance teams',
    description: 'Subscription software companies billing through Stripe or Chargebee whose revenue team reconciles invoices, payments and revenue schedules',
    industry: ['software', 'saas', 'developer tools'],
    business_model: 'B2B subscription',
    employees: [100, 1500],
    revenue: ['$15M', '$300M'],
    geography: ['United States', 'Germany', 'United Kingdom'],
    tech_stack: ['Stripe Billing', 'Chargebee', 'NetSuite', 'Salesforce', 'Sage Intacct'],
    problem_indicators: ['Usage-based pricing next to seats', 'Revenue recognition kept in spreadsheets', 'More than 2,000 invoices a month'],
    pains: ['Cash and revenue disagree every month and nobody knows why', 'Failed payments and credit notes are matched by hand', 'The revenue waterfall is rebuilt before each board meeting'],
    triggers: ['A move to usage-based pricing', 'An upcoming SOC 2 or IPO readiness project', 'A new CFO from a public company'],
    personas: [['CFO', ['board-ready numbers', 'audit trail']], ['RevOps Lead', ['billing system stays the source of truth']], ['Revenue Accountant', ['a close without spreadsheets']]],
    companies: ['Quillstack', 'Northbeam Analytics', 'Relaydesk', 'Parcelwise', 'Vantage Forms'],
    titles: ['CFO', 'VP Finance', 'Revenue Accounting Manager', 'Controller', 'Director of Finance'],
    /** The goals (and subgoals) a deal in this segment may count towards. */
    goals: [['g-arr-1m-2026', ['SG4', 'SG3']]],
    weight: 2,
  },
  {
    id: 'marketplace-platforms',
    name: 'Marketplaces and platforms',
    description: 'Two-sided marketplaces that collect from buyers and pay out to thousands of sellers, and must prove every payout against the ledger',
    industry: ['marketplace', 'travel', 'gig economy', 'logistics'],
    business_model: 'Two-sided marketplace',
    employees: [150, 3000],
    revenue: ['$30M', '$1B'],
    geography: ['United States', 'Netherlands', 'United Kingdom'],
    tech_stack: ['Stripe Connect', 'Adyen for Platforms', 'Hyperwallet', 'NetSuite', 'Snowflake'],
    problem_indicators: ['Pays out to more than 5,000 sellers a month', 'Funds held in several currencies', 'Payout disputes handled in a shared inbox'],
    pains: ['Seller payouts cannot be traced to the bank line that paid them', 'Held funds and reserves are reconciled once a quarter', 'Regulators ask for safeguarding evidence at short notice'],
    triggers: ['A money-transmitter or e-money licence application', 'Expansion into a new currency', 'A payout incident that reached the press'],
    personas: [['CFO', ['safeguarding compliance', 'one view of funds']], ['Head of Payments', ['payout reliability']], ['Payments Operations Analyst', ['fewer disputes to chase']]],
    companies: ['Harborline Stays', 'Gigloop', 'Freightpath', 'Tasklane', 'Stallmarket'],
    titles: ['CFO', 'Head of Payments', 'Director of Finance Operations', 'Controller', 'VP Finance'],
    /** The goals (and subgoals) a deal in this segment may count towards. */
    goals: [['g-marketplace-launch', ['SG1', 'SG2', 'SG3']], ['g-arr-1m-2026', ['SG3']]],
    weight: 1,
  },
];

const ASSUMPTIONS = [
  ['A1', 'Controllers at fintechs with three or more payment providers spend more than five days a month on reconciliation', 'mid-market-fintech', 0.6],
  ['A2', 'A 30-day paid pilot converts to an annual contract within 45 days', null, 0.5],
  ['A3', 'A $36k ARR entry price is approved by the CFO without a procurement process', 'mid-market-fintech', 0.45],
  ['A4', 'E-commerce finance teams can buy without involving IT or a security review', 'ecommerce-finance', 0.5],
  ['A5', 'An audit finding or a new finance leader is the strongest buying trigger', 'mid-market-fintech', 0.55],
  ['A6', 'Teams on NetSuite go live in the first week of the pilot', null, 0.5],
  ['A7', 'Multi-channel brands lose more than 1% of revenue to unreconciled fees and chargebacks', 'ecommerce-finance', 0.4],
  ['A8', 'SaaS finance teams will pay to reconcile billing against cash before they fix revenue recognition', 'b2b-saas-finance', 0.35],
  ['A9', 'Marketplaces value payout traceability above reconciliation speed', 'marketplace-platforms', 0.5],
  ['A10', 'A safeguarding or licence deadline shortens the marketplace sales cycle to under 60 days', 'marketplace-platforms', 0.45],
  ['A11', 'Outbound that leads with a peer case study earns a reply rate above 5%', null, 0.4],
  ['A12', 'Gross margin above 75% holds once onboarding is self-serve', null, 0.65],
];
/** The assumptions a deal in a segment is likely to test: its own and the general ones. */
const testableFor = (segment) => ASSUMPTIONS.filter(([, , s]) => s === null || s === segment).map(([id]) => id);

const GOALS = [
  {
    id: 'g-arr-1m-2026',
    title: 'Reach $1M ARR by the end of 2026',
    owner: 'Maya (CEO)',
    created: '2025-01-15',
    deadline: '2026-12-31',
    metrics: [['won_arr', 1000000], ['won_count', 25], ['win_rate', 0.35]],
    subgoals: [['SG1', 'Land eight mid-market fintech customers', 'won_count', 8], ['SG2', 'Land eight e-commerce customers', 'won_count', 8], ['SG3', 'Keep thirty deals open in the pipeline', 'pipeline_count', 30], ['SG4', 'Land six SaaS finance customers', 'won_count', 6]],
    assumptions: ['A2', 'A3', 'A4'],
    why: 'The Series A conversation starts in Q1 2027. Investors told us what they need to see: a million in ARR from two dozen customers, at a win rate that proves the motion repeats.',
  },
  {
    id: 'g-fintech-beachhead',
    title: 'Own the mid-market fintech beachhead',
    owner: 'Jon (Head of Sales)',
    created: '2025-03-01',
    deadline: '2026-06-30',
    metrics: [['won_count', 10], ['meetings', 40], ['avg_cycle_days', 75, 95]],
    subgoals: [['SG1', 'Book forty discovery meetings with controllers', 'meetings', 40], ['SG2', 'Win five references willing to take a call', 'won_count', 5], ['SG3', 'Bring the average cycle under 75 days', 'avg_cycle_days', 75]],
    assumptions: ['A1', 'A5', 'A11'],
    why: 'Ten fintech logos make the segment ours: enough references that every new controller knows a peer who uses us, and enough deals to trust the cycle figures.',
  },
  {
    id: 'g-marketplace-launch',
    title: 'Prove the marketplace segment with three customers',
    owner: 'Priya (Product)',
    created: '2025-06-01',
    deadline: '2026-09-30',
    metrics: [['won_arr', 300000], ['avg_deal_size', 90000], ['weighted_pipeline', 150000]],
    subgoals: [['SG1', 'Sign the first marketplace customer', 'won_count', 1], ['SG2', 'Sign three marketplace customers', 'won_count', 3], ['SG3', 'Build a weighted pipeline of $150k', 'weighted_pipeline', 150000]],
    assumptions: ['A9', 'A10'],
    why: 'Marketplaces buy larger contracts and feel the payout problem most sharply. Three customers tell us whether the payout-traceability module deserves its own team.',
  },
];

function writeCompanyFiles(write) {
  write(
    'threadwork.config.yaml',
    [
      '# threadwork settings for the generated benchmark workspace (bench/generate.js).',
      'company: Ledgerline',
      '',
      'confidence:',
      '  prior_weight: 2',
      '  validated_threshold: 0.8',
      '  invalidated_threshold: 0.2',
      '  min_results: 3',
      '',
      'pipeline:',
      '  stages:',
      '    - {name: lead, probability: 0.1}',
      '    - {name: qualified, probability: 0.25}',
      '    - {name: discovery, probability: 0.4}',
      '    - {name: proposal, probability: 0.6}',
      '    - {name: negotiation, probability: 0.8}',
      '    - {name: closed-won, probability: 1.0}',
      '',
      'git:',
      '  commit: true',
      '',
    ].join('\n'),
  );

  const updated = '2026-10-02';
  const canvas = (name, title, frontMatter, paragraphs, blocks = []) =>
    write(
      `strategy/canvas/${name}.md`,
      markdown(
        [`title: ${y(title)}`, `updated: ${updated}`, ...frontMatter],
        [`# ${title}`, ...paragraphs.map((p) => wrap(p)), ...blocks.map((b) => `<!-- threadwork:begin ${b} -->\n<!-- threadwork:end ${b} -->`)].join('\n\n'),
      ),
    );

  canvas('00-business-model-mode', 'Business model mode', ['mode: sales-led', 'motion: Founder-led outbound and referrals, moving to a small sales team in 2026'], [
    'We sell annual contracts to finance teams through a sales-led motion: a discovery call, a demo on the prospect\'s own data, a 30-day paid pilot, then an annual contract.',
  ]);
  canvas('01-context', 'Context', [], [
    'Ledgerline reconciles payment-provider settlements, bank deposits and the general ledger automatically, so finance teams close the month in days instead of weeks.',
    'We have twelve paying customers, a team of eleven and eighteen months of runway. The next year must prove that the motion repeats beyond the founders.',
  ]);
  canvas('02-constraints', 'Constraints', [], [
    'Two engineers can build at most one new connector a month. We cannot support on-premise deployments, and we only sell where we can meet SOC 2 Type II requirements.',
  ]);
  canvas('03-opportunity', 'Opportunity', [], [
    'Companies now run two to five payment providers where they ran one five years ago; every new provider multiplies the reconciliation work of a finance team that is not growing.',
  ]);
  const segmentLines = ['segments:'];
  for (const s of SEGMENTS) {
    segmentLines.push(
      `  - id: ${s.id}`,
      `    name: ${y(s.name)}`,
      `    description: ${y(s.description)}`,
      '    filters:',
      `      industry: ${flowList(s.industry)}`,
      `      business_model: ${y(s.business_model)}`,
      `      employees: {min: ${s.employees[0]}, max: ${s.employees[1]}}`,
      `      revenue: {min: ${JSON.stringify(s.revenue[0])}, max: ${JSON.stringify(s.revenue[1])}}`,
      `      geography: ${flowList(s.geography)}`,
      `      tech_stack: ${flowList(s.tech_stack)}`,
      '      problem_indicators:',
      ...s.problem_indicators.map((p) => `        - ${y(p)}`),
      '    pains:',
      ...s.pains.map((p) => `      - ${y(p)}`),
      '    triggers:',
      ...s.triggers.map((p) => `      - ${y(p)}`),
      '    personas:',
      ...['economic_buyer', 'technical_buyer', 'end_user'].flatMap((role, i) => [`      ${role}:`, `        title: ${y(s.personas[i][0])}`, `        priorities: ${flowList(s.personas[i][1])}`]),
      `    sample_companies: ${flowList(s.companies)}`,
    );
  }
  canvas('04-segments', 'Customer segments', segmentLines, [
    'Four segments share one problem, reconciling money that moves through several providers, but buy differently. Fintech is the beachhead; marketplaces are the bet for 2026.',
  ]);
  canvas('05-problem', 'Problem', [
    'problems:',
    ...SEGMENTS.map((s, i) => `  - {id: P${i + 1}, statement: ${yf(s.pains[0])}, segment: ${s.id}, severity: ${i === 0 ? 'critical' : 'high'}, current_solution: Spreadsheets and VLOOKUPs}`),
  ], ['Every segment lives with the same failure: money that cannot be traced from the provider to the bank to the ledger without a person matching lines by hand.']);
  canvas('06-competitive', 'Competitive landscape', [
    'competitors:',
    '  - {name: Spreadsheets, category: status quo, strengths: [free, flexible], weaknesses: [manual, error-prone]}',
    '  - {name: ERP add-ons, category: incumbent, strengths: [already bought], weaknesses: [one provider at a time]}',
    '  - {name: Enterprise reconciliation suites, category: enterprise, strengths: [complete], weaknesses: [six-month implementations, price]}',
  ], ['Our real competitor is the spreadsheet and the accountant who maintains it. The enterprise suites win above 5,000 employees and rarely below.']);
  canvas('07-uvp', 'Unique value proposition', ['uvp: Close the month in days, with every payout traced from provider to bank to ledger', 'tagline: Every payout, explained'], [
    'We match every settlement line to its bank deposit and ledger entry, and explain the ones that do not match, before the accountant opens a spreadsheet.',
  ]);
  canvas('08-advantage', 'Unfair advantage', [], ['A library of settlement-file parsers for forty payment providers, each tested against real files from customers, which a newcomer would need years to rebuild.']);
  canvas('09-solution', 'Solution', [], ['Read-only connectors to providers, banks and the ERP; a matching engine with explainable rules; an exceptions queue; and an audit export that answers an auditor in minutes.']);
  canvas('10-assumptions', 'Assumptions', [
    'assumptions:',
    ...ASSUMPTIONS.flatMap(([id, statement, segment, prior]) => [`  - id: ${id}`, `    statement: ${y(statement)}`, ...(segment ? [`    segment: ${segment}`] : []), `    prior: ${prior}`]),
  ], ['The beliefs our plan rests on. Each deal\'s hypothesis names the assumptions it tests; each closed deal records what it showed.'], ['assumptions']);
  canvas('11-pricing', 'Pricing', [
    'currency: USD',
    'tiers:',
    '  - {name: Growth, price: 36000, billing: annual, includes: [three providers, one entity]}',
    '  - {name: Scale, price: 60000, billing: annual, includes: [ten providers, five entities, audit export]}',
    '  - {name: Platform, price: "$120k", billing: annual, includes: [unlimited providers, payout traceability]}',
  ], ['Annual contracts, priced by providers and entities rather than by transaction volume, so a growing customer is never punished for growing.']);
  canvas('12-costs', 'Cost structure', [], ['People are 80% of our costs. Infrastructure is about 6% of revenue; onboarding takes 25 hours of solutions engineering per customer today.']);
  canvas('13-metrics', 'Key metrics', [
    'targets:',
    '  win_rate: 0.35',
    '  avg_cycle_days: 75',
    '  avg_deal_size: 42000',
    '  won_arr: 1000000',
    '  pipeline_count: 30',
    '  weighted_pipeline: 400000',
    '  avg_margin: 0.8',
    '  meetings: 40',
    '  open_rate: 0.45',
    '  reply_rate: 0.05',
  ], ['Targets for 2026, set in January and revisited each quarter. The actual figures are computed by threadwork from every deal and campaign thread.'], ['metrics']);
  canvas('14-growth', 'Growth', [], ['Referrals from controllers are our cheapest channel: a third of won deals named a peer. We will formalise it with an audit-firm partnership in 2026.']);
  canvas('15-gtm', 'Go-to-market', [], ['Outbound campaigns to controllers timed to the close and audit calendar, a pilot on the prospect\'s own data, and case studies from each segment\'s first customers.']);

  for (const g of GOALS) {
    write(
      `goals/${g.id}.md`,
      markdown(
        [
          `id: ${g.id}`,
          `title: ${y(g.title)}`,
          `owner: ${y(g.owner)}`,
          `created: ${g.created}`,
          `deadline: ${g.deadline}`,
          'metrics:',
          ...g.metrics.flatMap(([name, target, baseline]) => [`  - name: ${name}`, `    target: ${target}`, ...(baseline !== undefined ? [`    baseline: ${baseline}`] : [])]),
          'subgoals:',
          ...g.subgoals.flatMap(([id, title, metric, target]) => [`  - id: ${id}`, `    title: ${y(title)}`, `    metric: ${metric}`, `    target: ${target}`]),
          `assumptions: ${flowList(g.assumptions)}`,
        ],
        `# ${g.title}\n\n${wrap(g.why)}\n\n<!-- threadwork:begin state -->\n<!-- threadwork:end state -->`,
      ),
    );
  }
}

// ---------------------------------------------------------------------------------------
// Threads

const PREFIXES = ['north', 'harbor', 'keel', 'meridian', 'cobalt', 'bright', 'fern', 'oak', 'juniper', 'tide', 'quill', 'relay', 'parcel', 'vantage', 'gig', 'freight', 'task', 'stall', 'lumen', 'crest', 'quay', 'ferry', 'tally', 'summit', 'alder', 'birch', 'cedar', 'delta', 'ember', 'flint', 'granite', 'hollow', 'indigo', 'jasper', 'kestrel', 'larch', 'maple', 'nimbus', 'orbit', 'pine', 'quartz', 'raven', 'sable', 'thistle', 'umber', 'vale', 'willow', 'yarrow', 'zephyr', 'copper'];
const SUFFIXES = {
  'mid-market-fintech': ['pay', 'payments', 'lending', 'remit', 'bank', 'credit', 'finance', 'capital', 'ledger', 'money'],
  'ecommerce-finance': ['goods', 'supply', 'outfitters', 'home', 'cart', 'apparel', 'kitchen', 'botanicals', 'co', 'market'],
  'b2b-saas-finance': ['stack', 'analytics', 'desk', 'forms', 'cloud', 'labs', 'data', 'hq', 'works', 'io'],
  'marketplace-platforms': ['stays', 'loop', 'path', 'lane', 'market', 'hub', 'exchange', 'rides', 'gigs', 'haul'],
};
const FIRST = ['Dana', 'Ravi', 'Lucia', 'Hannah', 'Peter', 'Aisha', 'James', 'Sofia', 'Daniel', 'Priya', 'Tom', 'Mei', 'Omar', 'Clara', 'Jonas', 'Nadia', 'Luis', 'Grace', 'Ken', 'Elena', 'Marcus', 'Zoe', 'Felix', 'Amara', 'Noah', 'Ingrid', 'Sam', 'Yuki', 'Leo', 'Maria'];
const LAST = ['Reyes', 'Shah', 'Moreno', 'Brooks', 'Novak', 'Bello', 'Carter', 'Marin', 'Kim', 'Natarajan', 'Okafor', 'Lindqvist', 'Haddad', 'Fischer', 'Tanaka', 'Costa', 'Walsh', 'Dubois', 'Ahmed', 'Rossi', 'Park', 'Jensen', 'Mendes', 'Olsen', 'Kowalski', 'Silva', 'Byrne', 'Ito', 'Weber', 'Nguyen'];
const SIGNALS = [
  ['funding', 'Closed a growth round'],
  ['expansion', 'Launching in a new market this quarter'],
  ['hiring', 'Open roles for reconciliation accountants'],
  ['regulatory', 'Licence application filed with the regulator'],
  ['new-product', 'Added a second payment provider'],
  ['leadership', 'New VP of Finance started'],
  ['audit', 'Auditor raised a finding on cash controls'],
];
const SIGNAL_LINES = [
  'Announced a new payment provider alongside the existing one and posted two reconciliation roles',
  'New VP of Finance joined from a public company and is rebuilding the close',
  'Auditor flagged cash controls in the last management letter',
  'Raised a growth round and plans to enter two new markets',
  'Controller asked in a community forum how others reconcile marketplace payouts',
  'Downloaded the close-checklist guide and attended the reconciliation webinar',
];
const LOSS_REASONS = ['Chose to build it in-house with their data team', 'Went with their ERP vendor\'s add-on, bundled at no extra cost', 'Budget moved to a fraud project after a chargeback spike', 'The champion left during the pilot', 'Security review would have taken six months'];
const STALL_REASONS = ['The CFO postponed every tool purchase until after the audit', 'The pilot data never arrived from their second provider', 'A re-organisation froze all new vendors for the quarter', 'Our champion went on leave and nobody else owns the close'];
const EVIDENCE = {
  validated: ['The controller described exactly this on the first call, unprompted', 'Pilot numbers confirmed it: the close went from eight days to four', 'The CFO signed without asking for procurement', 'Their data showed it across three months of settlements'],
  partial: ['True for their main entity, not for the smaller ones', 'Confirmed by the team, but the budget came from a different line than expected', 'It held, but took twice as long as we planned'],
  invalidated: ['The buyer said it plainly: this is not where the time goes', 'Procurement and a security review were required after all', 'The numbers from the pilot did not support it'],
};
const OWNERS = ['Maya', 'Jon', 'Priya', 'Alex'];
const ACTION_TYPES = ['sales:lead-intake', 'sales:qualify', 'sales:demo', 'sales:pilot', 'sales:close'];

/** Company names per segment, unique across the workspace: `Cobalt Remit`, then `Cobalt Remit 2`. */
function companyNamer(h) {
  const used = new Map();
  return (segment) => {
    const base = `${h.pick(PREFIXES)}-${h.pick(SUFFIXES[segment])}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const slug = n === 1 ? base : `${base}-${n}`;
    const name = slug.split('-').map((w) => (/^\d+$/.test(w) ? w : w[0].toUpperCase() + w.slice(1))).join(' ');
    return { slug, name };
  };
}

function dealThread(h, write, namer, campaigns) {
  const segment = h.weighted(SEGMENTS.map((s) => [s, s.weight]));
  const { slug, name } = namer(segment.id);
  const dir = `threads/sales/${slug}`;
  const created = h.int(0, LAST_DAY - 160);
  const outcome = h.weighted([['closed-won', 4], ['closed-lost', 4], ['stalled', 2]]);
  const cycle = h.int(28, 150);
  const closed = Math.min(created + cycle, LAST_DAY);
  // A deal opened from a campaign names one to its segment that ran in the six weeks before.
  const recent = campaigns.filter((c) => c.segment === segment.id && c.day <= created && c.day >= created - 42);
  const source = recent.length && h.chance(0.3) ? `campaign:${h.pick(recent).id}` : h.weighted([['outbound', 5], ['inbound', 3], ['referral', 2], ['partner', 1], ['event', 1]]);
  const [goalId, subgoals] = h.chance(0.7) ? h.pick(segment.goals) : [null, []];
  const subgoal = goalId && h.chance(0.8) ? h.pick(subgoals) : null;
  const [first, last] = [h.pick(FIRST), h.pick(LAST)];
  const contactTitle = h.pick(segment.titles);
  const domain = `${slug}.example.com`;
  const employees = h.int(segment.employees[0], segment.employees[1]);
  const revenueM = h.int(5, 400);
  const tests = h.sample(testableFor(segment.id), h.weighted([[1, 2], [2, 4], [3, 3]]));
  const arrPotential = h.int(24, 120) * 1000;
  const won = outcome === 'closed-won';
  const decision = h.chance(0.9) ? 'QUALIFY' : 'DEFER';
  const framework = h.weighted([['BANT', 5], ['MEDDIC', 3], ['SPIN', 2]]);
  const owner = h.pick(OWNERS);

  write(`${dir}/meta.json`, `${JSON.stringify({ id: slug, type: 'sales-deal', title: name, segment: segment.id, ...(goalId ? { goal_id: goalId } : {}), ...(subgoal ? { subgoal } : {}), source, created: iso(created) }, null, 2)}\n`);

  // 1 — input
  const signals = h.sample(SIGNALS, h.int(1, 3)).map(([type, detail], k) => `    - type: ${type}\n      detail: ${y(detail)}\n      date: ${iso(Math.max(0, created - 5 - k * h.int(3, 20)))}`);
  const signalLine = h.pick(SIGNAL_LINES);
  write(
    `${dir}/1-input.md`,
    markdown(
      [
        `source: ${y(source)}`,
        `date: ${iso(created)}`,
        `signal: ${y(signalLine)}`,
        'contact:',
        `  name: ${first} ${last}`,
        `  title: ${y(contactTitle)}`,
        `  email: ${first.toLowerCase()}.${last.toLowerCase()}@${domain}`,
        ...(h.chance(0.5) ? [`  linkedin: linkedin.com/in/${first.toLowerCase()}${last.toLowerCase()}`] : []),
        'company:',
        `  name: ${y(name)}`,
        `  domain: ${domain}`,
        `  industry: ${y(h.pick(segment.industry))}`,
        `  employees: ${employees}`,
        `  revenue: "$${revenueM}M"`,
        `  geography: ${y(h.pick(segment.geography))}`,
        `  technologies: ${flowList(h.sample(segment.tech_stack, h.int(2, 4)))}`,
        '  signals:',
        ...signals,
      ],
      prose(`Input — ${name}`, [
        ['Signal', [`${signalLine}.`, `${first} ${last} is ${contactTitle} at ${name} and owns the month-end close.`, `The company has about ${employees} people and roughly $${revenueM}M in revenue.`, `${{ inbound: 'They came to us through the website.', outbound: 'We reached out after the signal above.', referral: 'A customer introduced us.', partner: 'Our audit-firm partner introduced us.', event: 'We met at a finance operations meetup.' }[source] ?? 'They replied to one of our campaigns.'}`]],
        ['First read', [`A typical ${segment.name.toLowerCase()} account: ${h.pick(segment.pains).toLowerCase()}.`, `Open questions: who signs, how many providers they run, and whether the audit committee is asking about cash controls.`, 'We will ask for a sample settlement file before the demo so that the first call is about their data, not ours.']],
      ]),
    ),
  );

  // 2 — hypothesis
  const statement = `${name} will pay to end this: ${h.pick(segment.pains).toLowerCase()}`;
  write(
    `${dir}/2-hypothesis.md`,
    markdown(
      [`tests: ${flowList(tests)}`, `initial_confidence: ${(0.3 + h.int(0, 50) / 100).toFixed(2)}`, `statement: ${y(statement)}`],
      prose(`Hypothesis — ${name}`, [
        ['What we believe', [`${statement}.`, `If we are right, the first call will raise the problem before we do, and ${first} will ask about the pilot unprompted.`, 'If we are wrong, the pain will turn out to be elsewhere in the close, and we should learn where.']],
        ['Assumptions under test', tests.map((id) => `${id}: ${ASSUMPTIONS.find(([a]) => a === id)[1]}.`)],
      ]),
    ),
  );

  // 3 — implication
  const ranged = h.chance(0.4);
  write(
    `${dir}/3-implication.md`,
    markdown(
      [`arr_potential: ${ranged ? `{min: ${arrPotential}, max: ${arrPotential + h.int(6, 40) * 1000}}` : arrPotential}`, `strategic_value: ${h.weighted([['high', 2], ['medium', 3], ['low', 1]])}`, `resource_cost_hours: ${h.int(20, 120)}`],
      prose(`Implication — ${name}`, [
        ['If we are right', [`${name} would be worth about $${Math.round(arrPotential / 1000)}k a year, on the ${arrPotential >= 60000 ? 'Scale' : 'Growth'} tier.`, `As a reference it matters for the ${segment.name.toLowerCase()} segment, where every new controller asks who else uses us.`, 'A second entity or provider later would move it up a tier.']],
        ['What it costs', ['Discovery, a demo on their own data, a 30-day pilot with about 25 hours of solutions engineering, and a contract review.', 'The pilot uses a read-only connector, so no engineering tickets on their side.']],
      ]),
    ),
  );

  // 4 — decision: criteria strong enough that QUALIFY agrees with the qualification score.
  const criteria = {
    BANT: [`budget: ${h.int(30, 90) * 1000}`, `authority: ${h.pick(['confirmed', 'confirmed - the CFO signs', 'engaged'])}`, `need: ${y(h.pick(['confirmed', 'Close takes nine days and is getting longer', 'strong']))}`, `timeline: ${y(`Q${h.int(1, 4)} ${2025 + (created > 365 ? 1 : 0)}`)}`],
    MEDDIC: ['metrics: Close in four days instead of eight', `economic_buyer: ${h.pick(['confirmed', 'identified'])}`, 'decision_criteria: documented', `decision_process: ${h.pick(['mapped', 'confirmed'])}`, 'identify_pain: confirmed', `champion: ${h.pick(['engaged', 'confirmed', 'strong'])}`],
    SPIN: ['situation: Two providers, NetSuite, a team of four', 'problem: confirmed', `implication: ${h.pick(['Two more hires next year', 'strong'])}`, 'need_payoff: confirmed'],
  }[framework];
  write(
    `${dir}/4-decision.md`,
    markdown(
      [
        `decision: ${decision}`,
        `framework: ${framework}`,
        'criteria:',
        ...criteria.map((line) => `  ${line}`),
        'alternatives:',
        '  - Wait until the next close and revisit',
        '  - Offer an unpaid proof of concept',
        `reasoning: ${y(decision === 'QUALIFY' ? 'Budget, authority and need are explicit, and the next close gives a natural deadline for the pilot.' : 'Strong fit, but nobody can start a pilot before the audit is over; revisit then.')}`,
        `revisit: ${decision === 'DEFER' ? iso(created + 30) : 'null'}`,
      ],
      prose(`Decision — ${name}`, [
        ['Decision', [`**${decision}.** ${decision === 'QUALIFY' ? 'Every criterion is answered and the answers are strong.' : 'The fit is there, the timing is not.'}`, `We scored the deal with ${framework} after the second call, with ${first} and the person who signs.`]],
        ['Alternatives considered', ['Waiting for the next close would make the pain obvious but put the pilot in the middle of it.', 'An unpaid proof of concept would not test whether they pay, which is the point of the pilot.', 'We chose the paid pilot.']],
      ]),
    ),
  );

  // 5 — actions
  const reached = won ? 5 : outcome === 'closed-lost' ? h.int(3, 5) : h.int(2, 4);
  const actionLines = [];
  const logLines = [];
  ACTION_TYPES.forEach((type, k) => {
    const due = Math.min(created + Math.round((k * cycle) / 4), LAST_DAY);
    const done = k < reached - (won ? 0 : 1);
    const status = done ? 'completed' : k === reached - 1 ? (outcome === 'stalled' ? 'blocked' : 'cancelled') : 'cancelled';
    const result = done ? ['Researched and added to the list', 'Second call confirmed the criteria', 'Demo on their own data; most lines auto-matched', 'Pilot closed the month in half the time', 'Contract signed'][k] : null;
    actionLines.push(`  - type: ${type}`, `    status: ${status}`, `    due: ${iso(due)}`, ...(done ? [`    completed: ${iso(Math.max(created, due - h.int(0, 3)))}`, `    result: ${y(result)}`] : []), `    owner: ${owner}`);
    if (done) logLines.push(`${spoken(due)}: ${result.toLowerCase()}.`);
  });
  write(
    `${dir}/5-actions.md`,
    markdown(
      ['actions:', ...actionLines],
      prose(`Actions — ${name}`, [
        ['Plan', ['Qualify with the person who signs, demo on their own settlement files, run a pilot through one close, then sign before the next quarter.', `${owner} owns the deal; solutions engineering joins from the demo on.`]],
        ['Log', logLines.length ? logLines : ['Nothing completed yet.']],
      ]),
    ),
  );

  // 6 — learning
  const validations = tests
    .filter(() => h.chance(0.85))
    .map((id) => {
      const result = won ? h.weighted([['validated', 6], ['partial', 3], ['invalidated', 1]]) : h.weighted([['validated', 2], ['partial', 3], ['invalidated', 4]]);
      return [`  - assumption: ${id}`, `    result: ${result}`, `    evidence: ${y(h.pick(EVIDENCE[result]))}`];
    });
  const arr = won ? h.int(24, 120) * 1000 : null;
  const reason = outcome === 'closed-lost' ? h.pick(LOSS_REASONS) : outcome === 'stalled' ? h.pick(STALL_REASONS) : null;
  const content = won && h.chance(0.01) ? `{topic: ${y(`How ${name} closed the month in four days`)}, priority: ${h.pick(['high', 'medium'])}}` : 'null';
  write(
    `${dir}/6-learning.md`,
    markdown(
      [
        `outcome: ${outcome}`,
        `closed: ${iso(closed)}`,
        `arr: ${arr ?? 'null'}`,
        `margin: ${won ? (0.7 + h.int(0, 20) / 100).toFixed(2) : 'null'}`,
        `csat: ${won && h.chance(0.6) ? h.int(6, 10) : 'null'}`,
        `loss_reason: ${reason ? y(reason) : 'null'}`,
        ...(validations.length ? ['validations:', ...validations.flat()] : ['validations: []']),
        `content_opportunity: ${content}`,
      ],
      prose(`Learning — ${name}`, [
        ['Outcome', [won ? `Won at $${Math.round(arr / 1000)}k ARR, ${closed - created} days from first contact.` : outcome === 'closed-lost' ? `Lost after ${closed - created} days. ${reason}.` : `Stalled after ${closed - created} days. ${reason}.`, won ? 'The side-by-side close during the pilot decided it.' : 'We could have seen it earlier: the signs were in the second call.']],
        ['What we learned', [`${tests.join(', ')} ${tests.length > 1 ? 'were' : 'was'} put to the test; the evidence is recorded above.`, `The ${contactTitle.toLowerCase()} cared most about ${h.pick(segment.personas[0][1])}.`, 'Next time we ask in discovery where the budget would come from, and who else must agree.']],
      ]),
    ),
  );
  return slug;
}

function campaignThread(h, write, c, count) {
  const segment = h.weighted(SEGMENTS.map((s) => [s, s.weight]));
  // Campaigns spread evenly over 2025-2026, one folder per date and name.
  const day = 7 + Math.floor(((c + 0.5) * (LAST_DAY - 50)) / count);
  const topic = h.pick(['controller-outbound', 'audit-season', 'close-checklist', 'new-provider', 'finance-leader', 'peer-case-study']);
  const id = `${iso(day)}-${segment.id.split('-')[0]}-${topic}-${c + 1}`;
  const dir = `threads/sales/campaigns/${id}`;
  const title = `${segment.name}: ${topic.replace(/-/g, ' ')} #${c + 1}`;
  const goal = h.chance(0.8) ? h.pick(GOALS) : null;
  const subgoal = goal && h.chance(0.6) ? h.pick(goal.subgoals)[0] : null;
  const tests = h.sample(testableFor(segment.id), h.int(1, 2));
  const listSize = h.int(80, 400);
  const end = day + h.int(25, 40);

  write(`${dir}/meta.json`, `${JSON.stringify({ id, type: 'sales-campaign', title, segment: segment.id, ...(goal ? { goal_id: goal.id } : {}), ...(subgoal ? { subgoal } : {}), source: 'outbound', created: iso(day - 7) }, null, 2)}\n`);
  write(
    `${dir}/1-input.md`,
    markdown(
      [`goal: ${y(`Book discovery meetings with ${segment.personas[0][0]}s in the ${segment.name.toLowerCase()} segment`)}`, ...(goal ? [`goal_id: ${goal.id}`] : []), `segment: ${segment.id}`, `date: ${iso(day)}`, 'target_list:', `  source: ${y('Funding, hiring and provider-change signals')}`, `  count: ${listSize}`, `  criteria: ${y(`${segment.geography.join(' and ')}, ${segment.employees[0]}-${segment.employees[1]} employees`)}`],
      prose(`Input — ${title}`, [
        ['Why this campaign, why now', [`The ${segment.name.toLowerCase()} segment has produced our best recent deals, and the next close season is when the pain is sharpest.`, `${h.pick(segment.triggers)} is the trigger we lead with.`]],
        ['Who we target', [`${listSize} people, one per company, from a list built on funding rounds, provider changes and job postings.`, `Titles: ${segment.titles.slice(0, 3).join(', ')}.`]],
      ]),
    ),
  );
  write(
    `${dir}/2-hypothesis.md`,
    markdown([`tests: ${flowList(tests)}`, `initial_confidence: ${(0.3 + h.int(0, 40) / 100).toFixed(2)}`, `statement: ${y('Leading with a peer story earns more replies than leading with the product')}`], prose(`Hypothesis — ${title}`, [['What we believe', ['Timing the sequence to the close calendar, plus a peer\'s story, should beat our last campaign\'s reply rate.', 'If it does not, the list criteria are wrong, not the copy.', `The assumptions under test are ${tests.join(' and ')}.`]]])),
  );
  write(
    `${dir}/3-implication.md`,
    markdown([`expected_meetings: ${Math.round(listSize / 20)}`, `expected_pipeline: ${Math.round(listSize / 40) * 42000}`, `resource_cost_hours: ${h.int(30, 80)}`, `strategic_value: ${h.pick(['high', 'medium'])}`], prose(`Implication — ${title}`, [['If it works', [`About ${Math.round(listSize / 20)} meetings at our usual meeting-to-opportunity rate would add several deals and meaningful pipeline to the segment.`, 'It also tells us which touch does the work, which we reuse in the next sequence.', 'The cost is a few days of list building and copy.']]])),
  );
  write(
    `${dir}/4-decision.md`,
    markdown(['decision: LAUNCH', 'alternatives:', '  - Sponsor a conference instead', '  - Wait for partner introductions', `reasoning: ${y('The list and the story are ready, the timing is seasonal, and the cost is small against a conference.')}`], prose(`Decision — ${title}`, [['Decision', [`**LAUNCH** on ${spoken(day)} with the five-touch cold sequence.`, 'A conference would cost ten times as much for a similar number of conversations, and partner introductions are not ready.', 'We review the numbers after the third touch.']]])),
  );
  const prospectStatuses = [['completed', 10], ['replied', 2], ['meeting', 1], ['unsubscribed', 1], ['bounced', 1], ['active', 1]];
  const prospects = Array.from({ length: h.int(8, 20) }, (_, k) => {
    const [first, last] = [h.pick(FIRST), h.pick(LAST)];
    const company = `${h.pick(PREFIXES)} ${h.pick(SUFFIXES[segment.id])}`.replace(/\b\w/g, (ch) => ch.toUpperCase());
    const email = `${first.toLowerCase()}.${last.toLowerCase()}.${k + 1}@${company.toLowerCase().replace(/ /g, '')}.example.com`;
    return `  - {name: ${first} ${last}, email: ${email}, company: ${company}, title: ${yf(h.pick(segment.titles))}, status: ${h.weighted(prospectStatuses)}, started: ${iso(day)}}`;
  });
  write(
    `${dir}/5-actions.md`,
    markdown(
      ['sequence:', '  preset: five-touch-cold', `  start: ${iso(day)}`, '  touches:', '    - {day: 0, channel: email, template: cold-1-problem}', '    - {day: 3, channel: email, template: cold-2-insight}', '    - {day: 7, channel: linkedin, template: cold-3-case-study}', '    - {day: 14, channel: email, template: cold-4-value}', '    - {day: 21, channel: email, template: cold-5-breakup}', 'prospects:', ...prospects],
      prose(`Actions — ${title}`, [['Sequence', ['Day 0, the problem in one sentence. Day 3, why a second provider doubles the work. Day 7, a peer case study. Day 14, the headcount comparison. Day 21, a polite last note.']], ['Log', [`${spoken(day + 7)}: the case-study touch drew most replies.`, `${spoken(end)}: sequence complete for every prospect.`]]]),
    ),
  );
  const delivered = listSize - h.int(2, 12);
  const opened = Math.round(delivered * (0.35 + h.int(0, 20) / 100));
  const replied = Math.round(delivered * (0.02 + h.int(0, 5) / 100));
  const meetings = Math.round(replied * (0.3 + h.int(0, 30) / 100));
  write(
    `${dir}/6-learning.md`,
    markdown(
      [
        `closed: ${iso(end)}`,
        'results:',
        `  sent: ${listSize}`,
        `  delivered: ${delivered}`,
        `  opened: ${opened}`,
        `  clicked: ${Math.round(opened * 0.18)}`,
        `  replied: ${replied}`,
        `  bounced: ${listSize - delivered}`,
        `  unsubscribed: ${h.int(0, 5)}`,
        '  spam_complaints: 0',
        `  meetings: ${meetings}`,
        `  deals: ${Math.round(meetings / 3)}`,
        'validations:',
        ...tests.flatMap((a) => [`  - assumption: ${a}`, `    result: ${h.pick(['validated', 'partial', 'invalidated'])}`, `    evidence: ${y(`Reply rate ${((replied / delivered) * 100).toFixed(1)}% against the 5% we expected`)}`]),
        'content_opportunity: null',
      ],
      `${prose(`Learning — ${title}`, [
        ['Results', [`Open rate ${Math.round((opened / delivered) * 100)}%, ${replied} replies and ${meetings} meetings from ${listSize} prospects.`, 'The case-study touch did the work: most replies came after it.']],
        ['What changes', ['Segment the next list by close calendar and move the case study to the second touch.']],
      ])}\n<!-- threadwork:begin results -->\n<!-- threadwork:end results -->`,
    ),
  );
  return { id, day, segment: segment.id };
}

// ---------------------------------------------------------------------------------------

/**
 * Writes a workspace into `dir` (created if needed; existing files are overwritten).
 * @param {string} dir
 * @param {{ deals: number, campaigns?: number, seed?: number }} options
 * @returns {{ files: number, bytes: number, deals: number, campaigns: number, dealSlugs: string[], campaignIds: string[] }}
 */
export function generateWorkspace(dir, { deals, campaigns = Math.ceil(deals / 100), seed = 1 }) {
  if (!Number.isInteger(deals) || deals < 0) throw new Error(`deals must be a whole number, not ${deals}`);
  const h = helpers(mulberry32(seed));
  const made = new Set();
  let files = 0;
  let bytes = 0;
  const write = (rel, text) => {
    const abs = join(dir, rel);
    const parent = dirname(abs);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(abs, text);
    files += 1;
    bytes += Buffer.byteLength(text);
  };

  writeCompanyFiles(write);
  // Campaigns first, so that a deal can name one that ran before it as its source.
  const campaignThreads = [];
  for (let c = 0; c < campaigns; c++) campaignThreads.push(campaignThread(h, write, c, campaigns));
  const namer = companyNamer(h);
  const dealSlugs = [];
  for (let i = 0; i < deals; i++) dealSlugs.push(dealThread(h, write, namer, campaignThreads));
  return { files, bytes, deals, campaigns, dealSlugs, campaignIds: campaignThreads.map((c) => c.id) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, deals, campaigns, seed] = process.argv.slice(2);
  if (!dir || !deals || !Number.isInteger(Number(deals))) {
    console.error('usage: node bench/generate.js <dir> <deals> [campaigns] [seed]');
    process.exit(2);
  }
  const started = performance.now();
  const result = generateWorkspace(dir, {
    deals: Number(deals),
    ...(campaigns !== undefined ? { campaigns: Number(campaigns) } : {}),
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
  });
  const { dealSlugs: _dealSlugs, campaignIds: _campaignIds, ...summary } = result;
  console.log(JSON.stringify({ dir, ...summary, megabytes: +(summary.bytes / 1048576).toFixed(2), ms: Math.round(performance.now() - started) }));
}
