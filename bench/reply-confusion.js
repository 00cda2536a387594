#!/usr/bin/env node
// The reply classifier against the labelled corpus in test/fixtures/replies/: the
// confusion matrix, accuracy, per-category recall and precision, the misread replies
// and wrong dates. Uses the built library (dist/): run `npm run build` first.
//   node bench/reply-confusion.js [--json]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { evaluateReplies, REPLY_CATEGORIES } from '../dist/outreach/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'test/fixtures/replies');

/** Every corpus entry, its category from its file name. */
export function readCorpus(dir = folder) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((file) => parse(readFileSync(join(dir, file), 'utf8')).map((entry) => ({ ...entry, category: file.split('.')[0] })));
}

const percent = (x) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function table(evaluation) {
  const short = { positive: 'pos', negative: 'neg', unsubscribe: 'unsub', 'out-of-office': 'ooo', nurture: 'nurture', neutral: 'neutral', bounce: 'bounce' };
  const lines = [
    `| expected ↓ / got → | ${REPLY_CATEGORIES.map((c) => short[c]).join(' | ')} | recall | precision |`,
    `|---|${REPLY_CATEGORIES.map(() => '---:').join('|')}|---:|---:|`,
  ];
  for (const expected of REPLY_CATEGORIES) {
    const row = REPLY_CATEGORIES.map((got) => (got === expected ? `**${evaluation.matrix[expected][got]}**` : String(evaluation.matrix[expected][got] || '·')));
    const { recall, precision } = evaluation.perCategory[expected];
    lines.push(`| ${expected} | ${row.join(' | ')} | ${percent(recall)} | ${percent(precision)} |`);
  }
  return lines.join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const evaluation = evaluateReplies(readCorpus());
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`);
  } else {
    console.log(`## Reply classifier: ${evaluation.total} labelled replies (test/fixtures/replies/)\n`);
    console.log(table(evaluation));
    console.log(`\naccuracy ${percent(evaluation.accuracy)} (${evaluation.correct}/${evaluation.total}); bars: accuracy ≥ 95%, every recall ≥ 90%, every date right`);
    for (const m of evaluation.misclassified) console.log(`- ${m.id}: expected ${m.expected}, got ${m.reason}`);
    for (const d of evaluation.wrongDates) console.log(`- ${d.id}: ${d.field} expected ${d.expected}, got ${d.got}`);
  }
}
