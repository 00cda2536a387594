// Prints the figures the reliability suites recorded during `npm run stress`
// (one JSON line per figure in the file named by THREADWORK_STRESS_OUT), as a table.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? process.env.THREADWORK_STRESS_OUT;
if (!file || !existsSync(file)) {
  console.error(`no figures recorded (${file ?? 'THREADWORK_STRESS_OUT not set'})`);
  process.exit(1);
}
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const width = (key) => Math.max(...rows.map((r) => String(r[key]).length), key.length);
const [ws, wn, wv] = [width('suite'), width('name'), width('value')];
const line = (s, n, v) => `| ${String(s).padEnd(ws)} | ${String(n).padEnd(wn)} | ${String(v).padStart(wv)} |`;
console.log(`\nthreadwork stress figures\n`);
console.log(line('suite', 'figure', 'value'));
console.log(`|${'-'.repeat(ws + 2)}|${'-'.repeat(wn + 2)}|${'-'.repeat(wv + 1)}:|`);
for (const r of rows) console.log(line(r.suite, r.name, r.value));
