import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/*
 * With every closed deal lost (or every one won) the win/loss report said "Qualification
 * threshold: not enough scored deals yet" of three scored deals — the example printed a
 * threshold from the same three — and "no contact titles recorded" under the buyer personas
 * of no won deal at all. Each now says what is missing: the other outcome.
 */
describe('the win/loss report when every closed deal has one outcome', () => {
  const winloss = async (dir: string): Promise<[string, string]> => {
    const [text, md] = await Promise.all([runCli(['report', 'winloss'], { cwd: dir }), runCli(['report', 'winloss', '--md'], { cwd: dir })]);
    expect(text.code, text.stderr).toBe(0);
    return [text.stdout, md.stdout];
  };

  it('every deal lost: no threshold for want of a win, and no personas for want of a won deal', async () => {
    const dir = exampleWorkspaceCopy();
    for (const [deal, arr] of [['northwind-payments', '42000'], ['harbor-lending', '36000']] as const) {
      replaceInFile(dir, `threads/sales/${deal}/6-learning.md`, `outcome: closed-won\n`, 'outcome: closed-lost\n');
      replaceInFile(dir, `threads/sales/${deal}/6-learning.md`, `arr: ${arr}\n`, 'arr: null\n');
      replaceInFile(dir, `threads/sales/${deal}/6-learning.md`, 'loss_reason: null\n', 'loss_reason: Price\n');
    }
    const [text, md] = await winloss(dir);
    expect(text).toContain('3 closed deals: 0 won, 3 lost');
    expect(text).toContain('Qualification threshold: no won deal yet, so nothing to tell the 3 lost deals from');
    expect(text).toMatch(/Buyer personas \(won deals\)[^\n]*\n│ no won deals yet/);
    expect(md).toContain('Qualification threshold: no won deal yet, so nothing to tell the 3 lost deals from');
    expect(md).toContain('### Buyer personas of won deals\n\n_No won deals yet._');
    expect(text + md).not.toMatch(/not enough scored deals|no contact titles recorded/i);
  });

  it('every deal won: no threshold for want of a loss', async () => {
    const dir = exampleWorkspaceCopy();
    rmSync(join(dir, 'threads/sales/brightcart'), { recursive: true });
    const [text, md] = await winloss(dir);
    expect(text).toContain('2 closed deals: 2 won, 0 lost');
    for (const out of [text, md]) expect(out).toContain('Qualification threshold: no lost deal yet, so nothing to tell the 2 won deals from');
  });
});
