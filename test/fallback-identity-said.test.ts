import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitEnv } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

/**
 * On a fresh machine git has no user.name or user.email. threadwork commits all the same,
 * as `threadwork <threadwork@localhost>` (README, sync), but said nothing: a new user's
 * `init` and every sync after it put that name on the audit trail unnoticed. Each commit
 * made with the fallback now says which setting is missing and the exact command to set it.
 */
describe('a commit made with the fallback identity', () => {
  it('says, under the commit line of init and sync, the git config commands to commit as yourself', async () => {
    const home = testdir();
    const dir = testdir();
    const env = { ...gitEnv({ GIT_CONFIG_GLOBAL: `${home}/.gitconfig` }), HOME: home, EMAIL: '' };
    const init = await runCli(['init', '.', '--company', 'Acme'], { cwd: dir, env });
    expect(init.code, init.stderr).toBe(0);
    expect(git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('threadwork <threadwork@localhost>');
    expect(init.stdout).toMatch(
      /^committed [0-9a-f]{10} \(the repository's first commit, \d+ paths\)\nwarning: git has no user\.name or user\.email here: committed with threadwork <threadwork@localhost>, threadwork's fallback; to commit as yourself, run `git config --global user\.name "Your Name" && git config --global user\.email "you@example\.com"` \(or set git\.author in threadwork\.config\.yaml\)$/m,
    );

    // Only the name set: only the email is asked for.
    git(dir, 'config', 'user.name', 'Ana Lima');
    const segments = 'strategy/canvas/04-segments.md';
    const text = git(dir, 'show', `HEAD:${segments}`).replace('segments: []\n', 'segments:\n  - id: smb\n    name: SMB\n');
    writeFileSync(`${dir}/${segments}`, text);
    const synced = await runJson<{ commit: { committed: boolean; warning?: string } }>(['sync'], { cwd: dir, env });
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.json.commit.warning).toBe(
      "git has no user.email here: committed with the email threadwork@localhost, threadwork's fallback; to commit as yourself, run `git config --global user.email \"you@example.com\"` (or set git.author in threadwork.config.yaml)",
    );

    // Set: nothing said.
    git(dir, 'config', 'user.email', 'ana@example.com');
    const opened = await runCli(['deal', 'new', 'Gamma', '--segment', 'smb'], { cwd: dir, env });
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toMatch(/^committed /m);
    expect(opened.stdout).not.toMatch(/warning: git has no/);
    expect(git(dir, 'log', '-1', '--format=%an <%ae>').trim()).toBe('Ana Lima <ana@example.com>');
  });
});
