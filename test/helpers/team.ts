import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';
import { exampleWorkspaceCopy } from './example.js';
import { git } from './git.js';
import { md, read, testdir, writeFiles } from './testdir.js';

/** Two people's clones of one shared (bare) repository holding the bundled example workspace. */
export interface Team {
  origin: string;
  alice: string;
  bob: string;
}

export function teamWorkspace(): Team {
  const root = testdir();
  const origin = join(root, 'origin.git');
  git(root, 'clone', '-q', '--bare', exampleWorkspaceCopy(), origin);
  const clone = (name: string): string => {
    const dir = join(root, name);
    git(root, 'clone', '-q', origin, dir);
    git(dir, 'config', 'user.name', name);
    git(dir, 'config', 'user.email', `${name}@example.com`);
    git(dir, 'config', 'commit.gpgsign', 'false');
    git(dir, 'config', 'pull.rebase', 'false');
    return dir;
  };
  return { origin, alice: clone('alice'), bob: clone('bob') };
}

/** A 6-learning.md closing a deal won, validating `validates` (an assumption id) when given. */
const wonLearning = (closed: string, arr: number, validates?: string): string =>
  md(`outcome: closed-won\nclosed: ${closed}\narr: ${arr}${validates ? `\nvalidations:\n  - {assumption: ${validates}, result: validated, evidence: books three weeks behind}` : ''}`);

/** Alice closes Oakline Outfitters (stage 5) won at 36,000 and syncs, which commits. */
export async function aliceClosesOakline(dir: string, options: { validates?: string } = {}): Promise<void> {
  writeFiles(dir, { 'threads/sales/oakline-outfitters/6-learning.md': wonLearning('2026-11-20', 36000, options.validates) });
  expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
}

/** Bob takes Meridian Pay (stage 3) through decision and actions (Oakline's, renamed) to won at 48,000, validating `validates` when given, and syncs, which commits. */
export async function bobClosesMeridian(dir: string, options: { validates?: string } = {}): Promise<void> {
  const oakline = (stage: string): string => read(dir, `threads/sales/oakline-outfitters/${stage}`).replaceAll('Oakline Outfitters', 'Meridian Pay');
  writeFiles(dir, {
    'threads/sales/meridian-pay/4-decision.md': oakline('4-decision.md'),
    'threads/sales/meridian-pay/5-actions.md': oakline('5-actions.md'),
    'threads/sales/meridian-pay/6-learning.md': wonLearning('2026-11-25', 48000, options.validates),
  });
  expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
}
