import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

interface Checked {
  diagnostics: { path: string; rule: string; message: string }[];
}

/*
 * An id in a file that is a slip of one the workspace defines (`ecommerce-financ`, a
 * segment's first word, `g-arr-500k-2025`) was told "expected one of …" and left the person
 * to spot the difference, as `deal new --segment` no longer does: check names the one meant.
 */
describe('check on an unknown id that is a slip of a known one', () => {
  it('names the segment, segment prefix and goal meant', async () => {
    const dir = exampleWorkspaceCopy();
    const meta = join(dir, 'threads/sales/brightcart/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"segment": "ecommerce-finance"', '"segment": "ecommerce-financ"').replace('"goal_id": "g-arr-500k-2026"', '"goal_id": "g-arr-500k-2025"'));
    const cobalt = join(dir, 'threads/sales/cobalt-remit/meta.json');
    writeFileSync(cobalt, readFileSync(cobalt, 'utf8').replace(/"segment": "[^"]+"/, '"segment": "ecommerce"'));
    const { json } = await runJson<Checked>(['check'], { cwd: dir });
    const message = (path: string, rule: string): string | undefined => json.diagnostics.find((d) => d.path === path && d.rule === rule)?.message;
    expect(message('threads/sales/brightcart/meta.json', 'unknown-segment')).toContain('Unknown segment `ecommerce-financ` (not in 04-segments.md): did you mean ecommerce-finance? expected one of');
    expect(message('threads/sales/cobalt-remit/meta.json', 'unknown-segment')).toContain('did you mean ecommerce-finance?');
    expect(message('threads/sales/brightcart/meta.json', 'unknown-goal')).toContain('did you mean g-arr-500k-2026?');
  });
});
