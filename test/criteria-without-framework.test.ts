import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

async function warnings(decision: string): Promise<Diagnostic[]> {
  const ws = await openWorkspace(
    workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01'),
      'threads/sales/acme/4-decision.md': md(decision),
    }),
  );
  return (await ws.check()).diagnostics.filter((d) => d.rule === 'criteria-without-framework');
}

// Criteria written and `framework` left out: no qualification score, the QUALIFY checked against nothing, and "no problems".
describe('Stage 4 criteria without a framework', () => {
  it.each([
    ['left out', 'decision: QUALIFY\ncriteria:\n  budget: none\n  authority: unknown\nreasoning: x'],
    ['empty', 'decision: QUALIFY\nframework:\ncriteria:\n  budget: none\n  authority: unknown\nreasoning: x'],
  ])('warns at criteria when the framework is %s', async (_how, decision) => {
    const found = await warnings(decision);
    expect(found.map((d) => `${d.path} ${d.severity} ${d.field}`)).toEqual(['threads/sales/acme/4-decision.md warning criteria']);
    expect(found[0]!.message).toBe('`criteria` without a `framework`: the criteria are scored against a framework, so with none this deal has no qualification score and its decision is checked against nothing — expected `framework:` one of BANT, MEDDIC, MEDDPICC, SPIN, SANDLER, CHALLENGER');
  });

  it('says nothing with a framework, or with no criteria', async () => {
    expect(await warnings('decision: QUALIFY\nframework: bant\ncriteria:\n  budget: confirmed\nreasoning: x')).toEqual([]);
    expect(await warnings('decision: DEFER\nrevisit: 2027-01-15\nreasoning: x')).toEqual([]);
  });
});
