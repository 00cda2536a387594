import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

async function diagnostics(decision: string): Promise<Diagnostic[]> {
  const ws = await openWorkspace(
    workspace({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01'),
      'threads/sales/acme/4-decision.md': md(decision),
    }),
  );
  return (await ws.check()).diagnostics.filter((d) => d.rule === 'criterion-answered-twice');
}

const at = (d: Diagnostic): string => `${d.path}:${d.line}:${d.column}`;

// `budget: 36000` beside `money: none`: the score counted the kinder answer and said nothing of the other.
describe('a criterion answered twice', () => {
  it('warns at the key the score leaves out, naming the one it counts', async () => {
    const found = await diagnostics('decision: QUALIFY\nframework: BANT\ncriteria:\n  budget: 36000\n  authority: confirmed\n  need: confirmed\n  timeline: Q1 2027\n  money: none\nreasoning: x');
    expect(found.map(at)).toEqual(['threads/sales/acme/4-decision.md:9:10']);
    expect(found[0]).toMatchObject({ severity: 'warning', field: 'criteria.money' });
    expect(found[0]!.message).toBe('`money` answers budget, as `budget` does: one BANT criterion answered twice, and the score counts only `budget` (read as amount, 1), the better answer — this one is left out. Keep one key, with the answer that holds');
  });

  it('names each key left out when a MEDDIC criterion is written three ways, the better answer counted wherever it stands', async () => {
    const found = await diagnostics('decision: DEFER\nrevisit: 2027-01-15\nframework: MEDDIC\ncriteria:\n  pain: unknown\n  Identify Pain: manual matching takes a week\n  identified_pain: none\nreasoning: x');
    expect(found.map((d) => d.field)).toEqual(['criteria.pain', 'criteria.identified_pain']);
    expect(found[0]!.message).toContain('as `Identify Pain` does');
  });

  it('says nothing of criteria each answered once', async () => {
    expect(await diagnostics('decision: QUALIFY\nframework: BANT\ncriteria:\n  budget: 36000\n  Authority: confirmed\n  need: confirmed\n  timeline: Q1 2027\nreasoning: x')).toEqual([]);
  });
});
