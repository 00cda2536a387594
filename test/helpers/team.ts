import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';
import { exampleWorkspaceCopy } from './example.js';
import { git } from './git.js';
import { preparedCopy } from './prepared.js';
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
  // clone's -c writes each setting into the clone's config: one git process a clone, not five.
  const clone = (name: string): string => {
    const dir = join(root, name);
    const config = { 'user.name': name, 'user.email': `${name}@example.com`, 'commit.gpgsign': 'false', 'pull.rebase': 'false' };
    git(root, 'clone', '-q', ...Object.entries(config).flatMap(([key, value]) => ['-c', `${key}=${value}`]), origin, dir);
    return dir;
  };
  return { origin, alice: clone('alice'), bob: clone('bob') };
}

/**
 * teamWorkspace() with `prepare` run on it (deals closed, synced, pushed…), built once per
 * test file under `key` and copied per test. Why: a team costs eleven git processes, and each
 * deal closed a CLI sync; a copy costs two git processes. Each clone of the copy fetches from
 * and pushes to the copy's origin, never the prepared one (its remote's URL, an absolute path,
 * is rewritten in its config), so no test sees another's pushes. `start` is the team `prepare`
 * works on: a new one, or a copy of another prepared team that several build on.
 */
export async function preparedTeam(key: string, prepare: (team: Team) => Promise<void> = async () => {}, start: () => Team | Promise<Team> = teamWorkspace): Promise<Team> {
  const root = await preparedCopy(`team:${key}`, async () => {
    const team = await start();
    await prepare(team);
    return dirname(team.origin);
  });
  const team = { origin: join(root, 'origin.git'), alice: join(root, 'alice'), bob: join(root, 'bob') };
  for (const clone of [team.alice, team.bob]) {
    const config = join(clone, '.git', 'config');
    const text = readFileSync(config, 'utf8');
    const preparedOrigin = /^\s*url = (.*)$/m.exec(text)?.[1] ?? '';
    expect(preparedOrigin, `${config} names its origin`).toMatch(/origin\.git$/);
    writeFileSync(config, text.replaceAll(`url = ${preparedOrigin}`, `url = ${team.origin}`));
    // The copy's index holds its own files' stat data, as preparedCopy's copies do.
    git(clone, 'update-index', '-q', '--refresh');
  }
  return team;
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

/**
 * A team in which Alice has closed Oakline (aliceClosesOakline with `options`), prepared once
 * per test file: she has not fetched, so nothing Bob does after it could have changed it.
 */
export function oaklineClosedTeam(options: { validates?: string } = {}): Promise<Team> {
  return preparedTeam(`oakline-closed-${options.validates ?? ''}`, ({ alice }) => aliceClosesOakline(alice, options));
}

/** Alice closed Oakline and synced; Bob closed Meridian Pay, synced and pushed; neither has fetched: prepared once per test file. */
export function bothClosedTeam(): Promise<Team> {
  return preparedTeam('both-closed', async ({ alice, bob }) => {
    await aliceClosesOakline(alice);
    await bobClosesMeridian(bob);
    git(bob, 'push', '-q', 'origin', 'main');
  });
}
