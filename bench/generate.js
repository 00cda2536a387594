// Generates a realistic workspace of N deal threads for the benchmark: the example
// workspace's canvas and goals, then N deals with all six stage files each (about 500
// bytes of prose per file), deterministic from a seed.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
export const GENERATOR_VERSION = 3;

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROSE =
  'The controller described a close that takes eight business days, most of it spent matching payout files from two payment providers against bank deposits and the ledger. ' +
  'Fees, refunds and reserves arrive netted into one number, so the team rebuilds the gross in a spreadsheet every month. ' +
  'They asked how the audit export works and whether read-only access is enough for the pilot. We agreed on next steps and a date.';

const SEGMENTS = ['mid-market-fintech', 'ecommerce-finance'];
const INDUSTRIES = { 'mid-market-fintech': ['payments', 'lending', 'neobank'], 'ecommerce-finance': ['e-commerce', 'consumer goods', 'retail'] };
const SIGNALS = ['funding', 'expansion', 'hiring', 'regulatory', 'new-product', 'partnership'];
const ASSUMPTIONS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'];
const GOALS = [
  { id: 'g-arr-500k-2026', subgoals: ['SG1', 'SG2', 'SG3'] },
  { id: 'g-fintech-beachhead', subgoals: ['SG1', 'SG2'] },
];

const fm = (lines) => `---\n${lines.join('\n')}\n---\n\n# Stage\n\n${PROSE}\n`;
const date = (day) => new Date(Date.UTC(2025, 0, 1) + day * 86400000).toISOString().slice(0, 10);

export function generateWorkspace(dir, { deals, seed = 1 }) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  mkdirSync(dir, { recursive: true });
  cpSync(join(REPO, 'strategy'), join(dir, 'strategy'), { recursive: true });
  cpSync(join(REPO, 'goals'), join(dir, 'goals'), { recursive: true });
  let files = 0;
  const write = (rel, text) => {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    files += 1;
  };
  for (let i = 0; i < deals; i++) {
    const id = `deal-${String(i).padStart(5, '0')}`;
    const segment = pick(SEGMENTS);
    const goal = pick(GOALS);
    const start = Math.floor(random() * 600);
    const outcome = pick(['closed-won', 'closed-won', 'closed-lost', 'stalled']);
    const tests = [pick(ASSUMPTIONS), pick(ASSUMPTIONS)].filter((a, j, all) => all.indexOf(a) === j);
    const base = `threads/sales/${id}`;
    write(`${base}/meta.json`, `${JSON.stringify({ id, type: 'sales-deal', title: `Company ${i}`, segment, goal_id: goal.id, subgoal: pick(goal.subgoals), source: pick(['inbound', 'outbound', 'referral']), created: date(start) }, null, 2)}\n`);
    write(`${base}/1-input.md`, fm([`source: outbound`, `date: ${date(start)}`, `signal: Raised a round and added a second payment provider`, `contact:`, `  name: Contact ${i}`, `  title: Controller`, `  email: contact${i}@company${i}.example`, `company:`, `  name: Company ${i}`, `  industry: ${pick(INDUSTRIES[segment])}`, `  employees: ${50 + Math.floor(random() * 2500)}`, `  revenue: "$${5 + Math.floor(random() * 300)}M"`, `  geography: United States`, `  technologies: [NetSuite, Stripe]`, `  signals:`, `    - {type: ${pick(SIGNALS)}, date: ${date(start - 10)}}`]));
    write(`${base}/2-hypothesis.md`, fm([`tests: [${tests.join(', ')}]`, `initial_confidence: ${(0.3 + random() * 0.5).toFixed(2)}`]));
    write(`${base}/3-implication.md`, fm([`arr_potential: ${24000 + Math.floor(random() * 60) * 1000}`, `strategic_value: ${pick(['high', 'medium', 'low'])}`, `resource_cost_hours: ${20 + Math.floor(random() * 80)}`]));
    write(`${base}/4-decision.md`, fm([`decision: QUALIFY`, `framework: BANT`, `criteria:`, `  budget: ${30000 + Math.floor(random() * 30) * 1000}`, `  authority: ${pick(['confirmed', 'identified', 'unknown'])}`, `  need: ${pick(['confirmed', 'identified'])}`, `  timeline: Q${1 + Math.floor(random() * 4)} 2026`, `reasoning: Budget and need confirmed on the second call`]));
    write(`${base}/5-actions.md`, fm([`actions:`, ...['sales:qualify', 'sales:demo', 'sales:pilot', 'sales:close'].flatMap((type, k) => [`  - type: ${type}`, `    status: completed`, `    completed: ${date(start + 10 + k * 12)}`])]));
    const arr = outcome === 'closed-won' ? 24000 + Math.floor(random() * 60) * 1000 : null;
    write(`${base}/6-learning.md`, fm([`outcome: ${outcome}`, `closed: ${date(start + 70 + Math.floor(random() * 40))}`, `arr: ${arr ?? 'null'}`, `margin: ${arr ? (0.7 + random() * 0.2).toFixed(2) : 'null'}`, `validations:`, ...tests.flatMap((a) => [`  - assumption: ${a}`, `    result: ${pick(['validated', 'validated', 'partial', 'invalidated'])}`, `    evidence: Observed during the pilot`])]));
  }
  return { files: files + 32 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir, deals] = process.argv.slice(2);
  if (!dir || !deals) {
    console.error('usage: node bench/generate.js <dir> <deals>');
    process.exit(2);
  }
  console.log(JSON.stringify(generateWorkspace(dir, { deals: Number(deals) })));
}
