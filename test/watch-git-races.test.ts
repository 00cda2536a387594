import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { read, testdir } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { learning, repo, wonArr } from './helpers/won-deal.js';

const start = watchStarter();
const LEARNING = 'threads/sales/acme/6-learning.md';

/**
 * git as the watcher runs it, but once `armed` exists, the first `hash-object -w` (the commit
 * hashing and storing the files it names; the question of which sources differ from HEAD
 * hashes without `-w`) first runs `action` in the repository: a person acting at the very
 * moment threadwork commits, between its read of the files and git's.
 */
function gitActingOnce(action: string, command = 'hash-object -w'): { env: Record<string, string>; armed: string; acted: string } {
  const [name, option] = command.split(' ');
  const bin = testdir();
  const realGit = execFileSync('which', ['git'], { encoding: 'utf8' }).trim();
  const armed = join(bin, 'armed');
  const acted = join(bin, 'acted');
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nif [ "$1" = "${name}" ] && [ "${option ?? ''}" = '' -o "$2" = "${option ?? ''}" ] && [ -e '${armed}' ] && [ ! -e '${acted}' ]; then\n  : > '${acted}'\n  (unset GIT_LITERAL_PATHSPECS GIT_OPTIONAL_LOCKS; ${action})\nfi\nexec '${realGit}' "$@"\n`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  return { env: { PATH: `${bin}:${process.env.PATH ?? ''}` }, armed, acted };
}

/** A watcher on `dir` saved into (the learning, won at 48,000) whose commit meets `action` as git stores the files; once the save is answered. */
async function saveWhileGitActs(dir: string, action: string): Promise<ReturnType<typeof start>> {
  const { env, armed, acted } = gitActingOnce(action);
  const w = start(dir, [], env);
  await w.ready();
  writeFileSync(armed, '');
  writeFileSync(join(dir, LEARNING), learning(48000));
  await waitFor(() => w.cycles().length > 0 || w.lines.some((l) => l.event === 'error'), 'the save to be answered', () => w.describe());
  expect(existsSync(acted)).toBe(true);
  return w;
}

/** Each commit of HEAD's history: whether it holds `path`, and the won ARR its 13-metrics.md shows. */
const wonArrByCommit = (dir: string, path: string): { commit: string; holds: boolean; wonArr: string }[] =>
  git(dir, 'log', '--format=%H')
    .trim()
    .split('\n')
    .map((commit) => ({
      commit,
      holds: git(dir, 'ls-tree', commit, '--', path).trim() !== '',
      wonArr: /\| won ARR \| ([^|]+) \|/.exec(git(dir, 'ls-tree', commit, '--', 'strategy/canvas/13-metrics.md').trim() ? git(dir, 'show', `${commit}:strategy/canvas/13-metrics.md`) : '')?.[1]?.trim() ?? '(none)',
    }));

/** Every version of `path` in the history of HEAD. */
const versions = (dir: string, path: string): string[] =>
  git(dir, 'log', '--format=%H', '--', path)
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((commit) => (git(dir, 'ls-tree', commit, '--', path).trim() ? git(dir, 'show', `${commit}:${path}`) : '(deleted)'));

describe('watch while git and editors act during its commit', () => {
  it('never commits a file an editor truncated between the read and the commit (the first step of a two-step save)', async () => {
    const dir = await repo();
    const w = await saveWhileGitActs(dir, `: > '${join(dir, LEARNING)}'`);
    // The cycle says why it did not commit, naming the file once.
    const refused = w.cycles()[0]!.commit as { committed: boolean; reason?: string; message?: string };
    expect(refused, w.describe()).toMatchObject({ committed: false, reason: 'changed-meanwhile' });
    expect(refused.message!.split(LEARNING).length - 1, refused.message).toBe(1);
    // The editor's second step: the whole text.
    writeFileSync(join(dir, LEARNING), learning(48000));
    await waitFor(() => git(dir, 'status', '--porcelain') === '' && git(dir, 'show', `HEAD:${LEARNING}`) === learning(48000), 'the full save to be committed', () => `${w.describe()}\n${git(dir, 'status', '--porcelain')}`);
    expect(w.lines.filter((l) => l.event === 'error'), w.describe()).toEqual([]);
    expect(versions(dir, LEARNING).filter((text) => text === ''), w.describe()).toEqual([]);
    expect(wonArr(dir)).toBe('48,000');
    expect(git(dir, 'show', 'HEAD:strategy/canvas/13-metrics.md')).toContain('| won ARR | 48,000 |');
    await w.stop();
    // A fresh process finds nothing to derive.
    expect((await runJson<{ written: string[] }>(['sync', '--dry-run', '--dir', dir], { env: { THREADWORK_NO_SERVER: '1' } })).json.written).toEqual([]);
  });

  /*
   * A review of watch: the second step brought the file back as the cycle had read it, so the
   * cycle that finished the commit found no file changed and named none — a text line began
   * `05:20:00  → nothing written; finished an interrupted write …`, `"trigger": []`.
   */
  it.each([false, true])('names the file saved in two steps on the line of the cycle that finishes its commit (text: %s)', async (text) => {
    const dir = await repo();
    const { env, armed, acted } = gitActingOnce(`: > '${join(dir, LEARNING)}'`);
    const w = start(dir, [], env, { text });
    await w.ready();
    writeFileSync(armed, '');
    writeFileSync(join(dir, LEARNING), learning(48000));
    await waitFor(() => (text ? w.text.some((l) => l.includes('changed while threadwork committed')) : w.cycles().length > 0), 'the save to be answered', () => w.describe());
    expect(existsSync(acted)).toBe(true);
    writeFileSync(join(dir, LEARNING), learning(48000));
    await waitFor(() => git(dir, 'status', '--porcelain') === '', 'the save to be committed', () => `${w.describe()}\n${git(dir, 'status', '--porcelain')}`);
    const hash = git(dir, 'rev-parse', '--short=7', 'HEAD').trim();
    if (text) await waitFor(() => w.text.some((l) => l.includes(`finished an interrupted write and committed it [${hash}]`)), 'the finishing line', () => w.describe());
    else await waitFor(() => w.cycles().some((c) => c.recovered?.committed), 'the finishing line', () => w.describe());
    if (text) expect(w.text.find((l) => l.includes('finished an interrupted write')), w.describe()).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d ${LEARNING} → nothing written; finished an interrupted write and committed it \\[${hash}\\]$`));
    else expect(w.cycles().find((c) => c.recovered?.committed)?.trigger, w.describe()).toEqual([LEARNING]);
    expect(git(dir, 'show', `HEAD:${LEARNING}`)).toBe(learning(48000));
  });

  // git failed to read the file it was to store ("could not open … for reading") and the cycle
  // said "error: … git said: fatal", as though git had refused the commit.
  /*
   * A review of watch: the next cycle finished the refused commit, and a save during that
   * commit (the file written again, as it was) refused it too — its line showed the figures
   * it wrote with no word of their commit, and no cycle came to commit them (the next only
   * at the minute's reconcile, or another save).
   */
  it('says so when the commit a cycle finishes is refused too, and the next cycle commits it', async () => {
    const dir = await repo();
    const path = join(dir, LEARNING);
    const aside = testdir();
    writeFileSync(join(aside, 'saved'), learning(50000));
    // The first commit meets a save of 50,000; the one finishing it meets that file written again as it is.
    const { env, armed } = gitActingOnce(`if [ -e '${aside}/again' ]; then cp '${path}' '${aside}/copy' && mv '${aside}/copy' '${path}'; else cp '${aside}/saved' '${path}'; : > '${aside}/again'; rm -f "$(dirname "$0")/acted"; fi`);
    const w = start(dir, [], { ...env, THREADWORK_WATCH_RECONCILE_MS: '0' });
    await w.ready();
    writeFileSync(armed, '');
    writeFileSync(path, learning(48000));
    await waitFor(() => w.cycles().length >= 2, 'the refused finish to be answered', () => w.describe());
    expect(w.cycles()[0]!.commit, w.describe()).toMatchObject({ committed: false, reason: 'changed-meanwhile' });
    expect(w.cycles()[1]!.commit, w.describe()).toMatchObject({ committed: false, reason: 'changed-meanwhile' });
    await waitFor(() => w.cycles().length >= 3 && git(dir, 'status', '--porcelain') === '', 'the write to be committed', () => `${w.describe()}\n${git(dir, 'status', '--porcelain')}`);
    expect(w.cycles()[2]!, w.describe()).toMatchObject({ trigger: [LEARNING], recovered: { committed: true } });
    expect(git(dir, 'show', `HEAD:${LEARNING}`)).toBe(learning(50000));
    expect(wonArr(dir)).toBe('50,000');
  });

  /*
   * A review of watch: the commit that finishes a refused one named every changed source a
   * trigger, prose that moves nothing included — a person's paragraph being drafted in the
   * canvas went into it (and, when the figures were back at HEAD's, made up the whole commit).
   */
  it('finishes a refused commit without the prose a person is drafting elsewhere', async () => {
    const dir = await repo();
    const segments = 'strategy/canvas/04-segments.md';
    writeFileSync(join(dir, segments), `${read(dir, segments)}\nFintech first: a paragraph half-written.\n`);
    const aside = testdir();
    writeFileSync(join(aside, 'saved'), learning(50000));
    const w = await saveWhileGitActs(dir, `cp '${aside}/saved' '${join(dir, LEARNING)}'`);
    expect(w.cycles()[0]!.commit, w.describe()).toMatchObject({ committed: false, reason: 'changed-meanwhile' });
    await waitFor(() => git(dir, 'ls-tree', 'HEAD', '--', LEARNING).trim() !== '' && git(dir, 'show', `HEAD:${LEARNING}`) === learning(50000), 'the second save to be committed', () => `${w.describe()}\n${git(dir, 'status', '--porcelain')}`);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).not.toContain(segments);
    expect(git(dir, 'status', '--porcelain')).toBe(` M ${segments}\n`);
  });

  it('takes a file removed while git stores it (a `git stash`) as changed meanwhile, not as git refusing the commit, and commits once it is back', async () => {
    const dir = await repo();
    const w = await saveWhileGitActs(dir, `rm -f '${join(dir, LEARNING)}'`);
    expect(w.lines.filter((l) => l.event === 'error'), w.describe()).toEqual([]);
    expect(w.cycles()[0]!.commit, w.describe()).toMatchObject({ committed: false, reason: 'changed-meanwhile' });
    writeFileSync(join(dir, LEARNING), learning(48000));
    await waitFor(() => git(dir, 'status', '--porcelain') === '' && git(dir, 'show', `HEAD:${LEARNING}`) === learning(48000), 'the file back to be committed', () => `${w.describe()}\n${git(dir, 'status', '--porcelain')}`);
    expect(git(dir, 'show', 'HEAD:strategy/canvas/13-metrics.md')).toContain('| won ARR | 48,000 |');
    expect(w.lines.filter((l) => l.event === 'error'), w.describe()).toEqual([]);
    await w.stop();
  });

  // The journal's message was kept as the first save derived it: the commit held 60,000 and
  // its subject, body and `history` said 48,000; the cycle that rewrote the figures said "nothing written".
  it('describes a commit finished after a second save by what it holds: the second save\'s figures, from HEAD, and says what it wrote', async () => {
    const dir = await repo();
    const before = git(dir, 'rev-parse', 'HEAD').trim();
    const { env, armed, acted } = gitActingOnce(`printf '%s' '${learning(60000)}' > '${join(dir, LEARNING)}'`);
    const w = start(dir, [], env);
    await w.ready();
    writeFileSync(armed, '');
    writeFileSync(join(dir, LEARNING), learning(48000));
    await waitFor(() => git(dir, 'rev-parse', 'HEAD').trim() !== before && git(dir, 'status', '--porcelain') === '', 'the second save to be committed', () => `${w.describe()}\n${git(dir, 'status', '--porcelain')}`);
    expect(existsSync(acted)).toBe(true);
    expect(w.cycles()[0]!.commit, w.describe()).toMatchObject({ committed: false, reason: 'changed-meanwhile' });
    expect(git(dir, 'rev-list', '--count', `${before}..HEAD`).trim()).toBe('1');
    expect(git(dir, 'show', `HEAD:${LEARNING}`)).toBe(learning(60000));
    expect(git(dir, 'show', 'HEAD:strategy/canvas/13-metrics.md')).toContain('| won ARR | 60,000 |');
    const message = git(dir, 'log', '-1', '--format=%B');
    expect(message).toMatch(/^threadwork: learning threads\/sales\/acme \(closed-won, ARR 60000\)\n/);
    expect(message).toMatch(/won ARR 0 → 60,000/);
    expect(message).not.toMatch(/48,000/);
    // The cycle that finished it wrote the figures again and says so.
    await waitFor(() => w.cycles().some((c) => c.recovered?.committed), 'the finishing cycle to be printed', () => w.describe());
    const finishing = w.cycles().find((c) => c.recovered?.committed);
    expect(finishing?.written, w.describe()).toContain('strategy/canvas/13-metrics.md');
    expect(finishing?.changes?.map((c) => c.description).join('; ')).toMatch(/won ARR 0 → 60,000/);
    await w.stop();
  });

  it('never commits figures derived from a save that `git stash` took away before the commit, and commits them once it is popped', async () => {
    const dir = await repo();
    // The person stashes their save after the watcher read it, before it asked git which sources differ from HEAD.
    const { env, armed, acted } = gitActingOnce(`cd '${dir}' && git stash -q --include-untracked`, 'status');
    const w = start(dir, [], env);
    await w.ready();
    await waitFor(() => w.lines.some((l) => l.event === 'uncommitted'), 'git to have answered the start-up', () => w.describe());
    writeFileSync(armed, '');
    writeFileSync(join(dir, LEARNING), learning(48000));
    await waitFor(() => w.cycles().length > 0 || w.lines.some((l) => l.event === 'error'), 'the save to be answered', () => w.describe());
    expect(existsSync(acted)).toBe(true);
    await waitFor(() => !existsSync(join(dir, LEARNING)) && wonArr(dir) === '0' && git(dir, 'status', '--porcelain') === '', 'the stash to be taken in', () => `${w.describe()}\n${git(dir, 'status', '--porcelain')}`);
    git(dir, 'stash', 'pop', '-q');
    await waitFor(() => git(dir, 'status', '--porcelain') === '' && wonArr(dir) === '48,000', 'the popped save to be committed', () => `${w.describe()}\n${git(dir, 'status', '--porcelain')}`);
    expect(w.lines.filter((l) => l.event === 'error'), w.describe()).toEqual([]);
    // No commit shows the deal won without the learning that wins it.
    expect(wonArrByCommit(dir, LEARNING).filter((c) => !c.holds && c.wonArr !== '0' && c.wonArr !== '(none)'), w.describe()).toEqual([]);
    expect(git(dir, 'show', `HEAD:${LEARNING}`)).toBe(learning(48000));
  });

  it('holds a file left with conflict markers by a stopped rebase at HEAD, as sync does, not at the version seen on the branch before', async () => {
    const dir = await repo();
    const save = async (branch: string, arr: number): Promise<void> => {
      git(dir, 'checkout', '-q', '-B', branch);
      writeFileSync(join(dir, LEARNING), learning(arr));
      git(dir, 'add', LEARNING);
      git(dir, 'commit', '-q', '-m', `${branch}: won ${arr}`);
      expect((await runCli(['sync', '--dir', dir], { env: { THREADWORK_NO_SERVER: '1' } })).code).toBe(0);
    };
    await save('side', 48000);
    git(dir, 'checkout', '-q', 'HEAD~2');
    await save('main', 60000);
    git(dir, 'checkout', '-q', 'side');
    const w = start(dir);
    await w.ready();
    expect(wonArr(dir)).toBe('48,000');
    // The rebase stops on the learning both branches wrote: its file has git's markers.
    expect(() => git(dir, 'rebase', 'main')).toThrow();
    await waitFor(() => w.cycles().some((c) => c.diagnostics?.some((d) => d.rule === 'merge-conflict')), 'the conflict to be seen', () => w.describe());
    // As a fresh sync holds it: at HEAD's version (main's 60,000), so nothing is written that `git rebase --continue` would refuse to go on with.
    expect(wonArr(dir), w.describe()).toBe('60,000');
    expect([...new Set(git(dir, 'diff', '--name-only').trim().split('\n'))], w.describe()).toEqual([LEARNING]);
    expect((await runJson<{ written: string[] }>(['sync', '--dry-run', '--dir', dir], { env: { THREADWORK_NO_SERVER: '1' } })).json.written).toEqual([]);
  });

  it('after a checkout that brings a file broken as committed, derives what a fresh sync does (held at HEAD, not at the other branch)', async () => {
    const dir = await repo();
    writeFileSync(join(dir, LEARNING), learning(48000));
    expect((await runCli(['sync', '--dir', dir], { env: { THREADWORK_NO_SERVER: '1' } })).code).toBe(0);
    git(dir, 'checkout', '-q', '-b', 'broken');
    writeFileSync(join(dir, LEARNING), learning(48000).replace('outcome: closed-won', 'outcome: [closed-won'));
    git(dir, 'commit', '-q', '-am', 'a learning committed broken');
    git(dir, 'checkout', '-q', 'main');
    const w = start(dir);
    await w.ready();
    git(dir, 'checkout', '-q', 'broken');
    await waitFor(() => w.cycles().some((c) => c.diagnostics?.some((d) => d.rule === 'yaml-syntax')), 'the broken file to be seen', () => w.describe());
    const fresh = await runJson<{ written: string[] }>(['sync', '--dry-run', '--dir', dir], { env: { THREADWORK_NO_SERVER: '1' } });
    expect(fresh.json.written, w.describe()).toEqual([]);
  });
});
