import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * `winloss.min_deals` was read through a type cast, in no schema and no doc: a value that
 * is not a number (`min_deals: "two"`) passed check and hid every pattern of report
 * winloss without a word. It is a config key like the others now: a positive whole
 * number, 3 by default, a schema error at its line otherwise.
 */
describe('winloss.min_deals in threadwork.config.yaml', () => {
  it('a wrong value is a schema error at its line, and the report keeps its default', async () => {
    const dir = exampleWorkspaceCopy();
    appendFileSync(join(dir, 'threadwork.config.yaml'), 'winloss:\n  min_deals: "two"\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir, env: { THREADWORK_TODAY: '2026-12-06' } });
    const schema = json.diagnostics.filter((d) => d.rule === 'schema' && d.path === 'threadwork.config.yaml');
    expect(schema.map((d) => d.message)).toEqual(['Invalid `winloss.min_deals`: expected a number (got "two")']);
    expect(schema[0]!.line).toBeGreaterThan(1);
  });

  it('a valid value sets the smallest group the win/loss patterns keep', async () => {
    const dir = exampleWorkspaceCopy();
    appendFileSync(join(dir, 'threadwork.config.yaml'), 'winloss:\n  min_deals: 1\n');
    const { json } = await runJson<{ patterns: { segment: { deals: number }[] } }>(['report', 'winloss'], { cwd: dir, env: { THREADWORK_TODAY: '2026-12-06' } });
    // The example's three closed deals: two segments, one of them with a single deal.
    expect(json.patterns.segment.map((g) => g.deals).sort()).toEqual([1, 2]);
  });
});
