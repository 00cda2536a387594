import { describe, expect, it } from 'vitest';
import { misspeltKeys } from '../src/schema/misspelt-keys.js';
import { dealLearningSchema } from '../src/schema/stages.js';
import { classifyPath } from '../src/workspace/layout.js';
import { parseFile } from '../src/workspace/parse-file.js';

/**
 * The two walks every parse makes over a file's data beside its schema — keys written almost
 * as a key the schema reads (misspelt-keys.ts) and money written `36.000` (dotted-thousands.ts)
 * — build the path of what they find on one array they push onto and pop. Each finding keeps
 * its own path, at every depth and in the order the file has them.
 */
const at = (path: string, text: string) => parseFile(path, classifyPath(path), text).diagnostics.map((d) => [d.rule, d.field, d.line, d.column]);

describe('what the walks over a file find, at its place', () => {
  it('names each misspelt key at its own depth, in list items of list items too', () => {
    const text = [
      '---',
      'outcom: closed-won',
      'validations:',
      '  - assumption: A1',
      '    result: validated',
      '    evidence: Signed',
      '  - assumptoin: A2',
      '    result: partial',
      '    evidence: Pilot only',
      '    evidense: twice',
      'content_opportunity:',
      '  topic: Close playbook',
      '  priorty: high',
      '---',
      '',
    ].join('\n');
    expect(at('threads/sales/acme/6-learning.md', text)).toEqual([
      ['schema', 'validations[1].assumption', 7, 5],
      ['key-misspelt', 'outcom', 2, 1],
      ['key-misspelt', 'validations[1].assumptoin', 7, 5],
      ['key-misspelt', 'content_opportunity.priorty', 13, 3],
    ]);
  });

  it('names each amount written with a dot for thousands, both ends of a range and the items of a list', () => {
    const implication = '---\narr_potential: {min: 36.000, max: 50.000}\nresource_cost_hours: 12.000\n---\n';
    expect(at('threads/sales/acme/3-implication.md', implication)).toEqual([
      ['schema', 'arr_potential.min', 2, 22],
      ['schema', 'arr_potential.max', 2, 35],
    ]);
    const input = '---\ncompany:\n  name: Acme\n  revenue: {min: 20.000, max: 120.000}\n---\n';
    expect(at('threads/sales/acme/1-input.md', input)).toEqual([
      ['schema', 'company.revenue.min', 4, 18],
      ['schema', 'company.revenue.max', 4, 31],
    ]);
  });

  it('leaves the path it is given as it was', () => {
    const prefix = ['front'];
    const found = misspeltKeys({ validations: [{ assumptoin: 'A1' }], outcom: 'closed-won' }, dealLearningSchema, prefix);
    expect(prefix).toEqual(['front']);
    expect(found).toEqual([
      { path: ['front', 'validations', 0, 'assumptoin'], meant: 'assumption' },
      { path: ['front', 'outcom'], meant: 'outcome' },
    ]);
  });
});
