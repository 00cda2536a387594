// Rewrites the generated parts of README.md and docs/rules.md from the diagnostics catalog
// (src/diagnostics-catalog.ts). Run through `npm run docs:rules`, which builds dist/ first.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_DOCS, replaceGenerated } from '../dist/diagnostics-docs.js';

const root = fileURLToPath(new URL('../', import.meta.url));
for (const { file, render } of GENERATED_DOCS) {
  const path = `${root}${file}`;
  const before = readFileSync(path, 'utf8');
  const after = replaceGenerated(before, render());
  if (after !== before) writeFileSync(path, after);
  console.log(`${after === before ? 'unchanged' : 'updated'} ${file}`);
}
