import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { learning, repo } from './helpers/won-deal.js';

const start = watchStarter();

const BOTH_MISSING =
  "warning: git has no user.name or user.email here: committed with threadwork <threadwork@localhost>, threadwork's fallback; to commit as yourself, run `git config --global user.name \"Your Name\" && git config --global user.email \"you@example.com\"` (or set git.author in threadwork.config.yaml)";
const EMAIL_MISSING =
  "warning: git has no user.email here: committed with the email threadwork@localhost, threadwork's fallback; to commit as yourself, run `git config --global user.email \"you@example.com\"` (or set git.author in threadwork.config.yaml)";

/**
 * On a machine where git has no user.name or user.email, every commit a watcher made put
 * the fallback-identity warning under its line: on every save, the same three lines of
 * advice. It is said under the first commit made so, and again only when what is missing
 * changes (the name set, the email still not); `--json` keeps it on each commit, for machines.
 */
describe('threadwork watch without a git identity', () => {
  it('says the git config command once per session, and again only when the missing part changes', async () => {
    const dir = await repo();
    // No identity anywhere git or threadwork looks: the repository's removed, no global config, no EMAIL.
    git(dir, 'config', '--unset', 'user.name');
    git(dir, 'config', '--unset', 'user.email');
    const home = testdir();
    const env = { HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', EMAIL: '', GIT_AUTHOR_NAME: '', GIT_AUTHOR_EMAIL: '', GIT_COMMITTER_NAME: '', GIT_COMMITTER_EMAIL: '' };
    const w = start(dir, [], env, { text: true });
    await w.ready();
    const commits = (): string[] => w.text.filter((line) => /^\d\d:\d\d:\d\d threads\/.*\[[0-9a-f]{7}\]/.test(line));
    for (const [i, arr] of [48000, 60000, 72000].entries()) {
      writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(arr));
      await waitFor(() => commits().length > i, `the commit of the save with ARR ${arr}`, () => w.describe());
    }
    expect(git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('threadwork <threadwork@localhost>');
    const warnings = (): string[] => w.text.filter((line) => line.includes('git has no'));
    expect(warnings(), w.describe()).toEqual([`  ${BOTH_MISSING}`]);
    // Said under the first commit made with the fallback.
    expect(w.text.indexOf(warnings()[0]!), w.describe()).toBe(w.text.indexOf(commits()[0]!) + 1);

    // The name set, the email still missing: a different warning, said once in its turn.
    git(dir, 'config', 'user.name', 'Ana Lima');
    for (const [i, arr] of [84000, 96000].entries()) {
      writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(arr));
      await waitFor(() => commits().length > 3 + i, `the commit of the save with ARR ${arr}`, () => w.describe());
    }
    expect(warnings(), w.describe()).toEqual([`  ${BOTH_MISSING}`, `  ${EMAIL_MISSING}`]);
  }, 60_000);
});
