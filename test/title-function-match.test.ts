import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * An ICP whose economic buyer is the `CFO` gave `VP, Finance`, `Vice President of Finance`,
 * `Head of Finance` and `Finance Director` no title match at all (no keyword in common), the
 * same 0 as a `Finance Analyst`. A leader of the persona's function now scores by how many
 * levels apart the two are (docs/scoring.md); one who does not lead it gets nothing more.
 */

interface Ranked {
  title: string;
  contactScore: number;
  detail: { contact: { name: string; value: number; detail: string }[] };
}

describe('a title that leads the persona’s function matches it, by level', () => {
  it('ranks the CFO, then VPs of Finance, then finance directors, and a Finance Analyst gets nothing from the CFO persona', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'research/customer/icp/ecommerce-finance-icp.yaml', '  economic_buyer:\n    title: VP Finance', '  economic_buyer:\n    title: CFO');
    const rows = ['CFO', '"VP, Finance"', 'Vice President of Finance', 'Head of Finance', 'Finance Director', 'Finance Analyst', 'VP Sales'];
    writeFileSync(join(dir, 'contacts.csv'), `name,title,email,company,domain\n${rows.map((title, i) => `P${i},${title},p${i}@c${i}.com,C${i},c${i}.com`).join('\n')}\n`);
    const { json, code } = await runJson<{ ranked: Ranked[] }>(['score', '--contacts', 'contacts.csv', '-s', 'ecommerce-finance'], { cwd: dir });
    expect(code).toBe(0);
    const titleMatch = Object.fromEntries(json.ranked.map((r) => [r.title, r.detail.contact.find((p) => p.name === 'title_match')!]));
    expect(Object.fromEntries(Object.entries(titleMatch).map(([title, part]) => [title, part.value]))).toEqual({
      CFO: 1,
      'VP, Finance': 0.7,
      'Vice President of Finance': 0.7,
      'Head of Finance': 0.5,
      'Finance Director': 0.5,
      // Keyword overlap with another persona (`Finance Operations Manager`, `Staff Accountant`), never the CFO's.
      'Finance Analyst': 0.267,
      'VP Sales': 0,
    });
    expect(titleMatch['VP, Finance']!.detail).toBe('"VP, Finance" against persona "CFO": leads finance one level apart');
    expect(titleMatch['Finance Analyst']!.detail).not.toContain('CFO');
    expect(json.ranked.map((r) => r.title).slice(0, 5)).toEqual(['CFO', 'VP, Finance', 'Vice President of Finance', 'Head of Finance', 'Finance Director']);
  });
});

/**
 * A `VP Sales` scored 0.4 against a `VP Finance` persona — half the persona's words, `vp`,
 * in common — as much as a `Finance Manager` in the persona's own function. A leader of
 * another function shares only the level with the persona: no title match.
 */
describe('a leader of another function', () => {
  it('gets no partial title match from the level word it shares with the persona', async () => {
    const dir = exampleWorkspaceCopy();
    const rows = ['VP Sales', 'VP of Marketing', 'Head of Sales', 'Finance Manager', 'VP Finance'];
    writeFileSync(join(dir, 'contacts.csv'), `name,title,email,company,domain\n${rows.map((title, i) => `P${i},${title},p${i}@c${i}.com,C${i},c${i}.com`).join('\n')}\n`);
    const { json, code } = await runJson<{ ranked: Ranked[] }>(['score', '--contacts', 'contacts.csv', '-s', 'ecommerce-finance'], { cwd: dir });
    expect(code).toBe(0);
    const titleMatch = Object.fromEntries(json.ranked.map((r) => [r.title, r.detail.contact.find((p) => p.name === 'title_match')!.value]));
    expect(titleMatch).toEqual({ 'VP Sales': 0, 'VP of Marketing': 0, 'Head of Sales': 0, 'Finance Manager': 0.533, 'VP Finance': 1 });
  });
});
