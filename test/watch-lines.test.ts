import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, runJson } from './helpers/cli.js';
import { git, slowGit } from './helpers/git.js';
import { read, testdir } from './helpers/testdir.js';
import { WatchProcess, waitFor } from './helpers/watch.js';
import { learning, repo } from './helpers/won-deal.js';

const running: WatchProcess[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) await w.kill();
});

/** Every JSON line validates against the shipped watch-line schema. */
function expectSchemaValid(w: WatchProcess): void {
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/cli/watch-line.schema.json'), 'utf8')) as object);
  for (const line of w.lines) expect(validate(line), JSON.stringify(line)).toBe(true);
}

function start(dir: string, args: string[] = [], env: Record<string, string> = {}, options: { text?: boolean } = {}): WatchProcess {
  const w = new WatchProcess(dir, args, env, options);
  running.push(w);
  return w;
}


/** A git on PATH whose `commit-tree` fails while `failing` exists: a commit git refuses, the files written. */
function failingGit(): { path: string; failing: string } {
  const bin = testdir();
  const realGit = execFileSync('which', ['git'], { encoding: 'utf8' }).trim();
  const failing = join(bin, 'failing');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nif [ "$1" = "commit-tree" ] && [ -e '${failing}' ]; then\n  echo 'fatal: refusing for the test' >&2\n  exit 128\nfi\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  writeFileSync(failing, '');
  return { path: `${bin}:${process.env.PATH ?? ''}`, failing };
}

/** Saves that fail to commit, then a prose save (moving nothing derived) once git commits again: the lines of both. */
async function commitFailsThenProse(text: boolean): Promise<{ dir: string; w: WatchProcess; head: string }> {
  const dir = await repo();
  const fake = failingGit();
  const w = start(dir, [], { PATH: fake.path }, { text });
  await w.ready();
  writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
  await waitFor(() => /refusing for the test/.test(text ? w.stderr : w.describe()), 'the failed commit to be reported', () => w.describe());
  const head = git(dir, 'rev-parse', 'HEAD').trim();
  rmSync(fake.failing);
  writeFileSync(join(dir, 'threads/sales/acme/3-implication.md'), `${read(dir, 'threads/sales/acme/3-implication.md')}\nThey run three PSPs.\n`);
  await waitFor(() => git(dir, 'rev-parse', 'HEAD').trim() !== head && (text ? w.text.some((l) => l.includes('3-implication.md')) : w.cycles().some((c) => c.trigger?.includes('threads/sales/acme/3-implication.md'))), 'the prose save to be answered', () => w.describe());
  return { dir, w, head };
}

describe('watch lines say what their own cycle did', () => {
  it('a cycle after a failed commit names the commit that finished the earlier write apart from its own (--json)', async () => {
    const { dir, w } = await commitFailsThenProse(false);
    const line = w.cycles().find((c) => c.trigger?.includes('threads/sales/acme/3-implication.md'))!;
    expect(line.written).toEqual([]);
    // The prose save committed nothing of its own: the commit it made is the earlier write's.
    expect(line.commit, w.describe()).toBeNull();
    expect(line.recovered).toMatchObject({ committed: true, commit: git(dir, 'rev-parse', 'HEAD').trim() });
    expect(line.recovered?.paths).toContain('threads/sales/acme/6-learning.md');
    expectSchemaValid(w);
  });

  it('a cycle after a failed commit says in text that it finished the earlier write, not "nothing written [hash]"', async () => {
    const { dir, w } = await commitFailsThenProse(true);
    const hash = git(dir, 'rev-parse', '--short=7', 'HEAD').trim();
    const line = w.text.find((l) => l.includes('3-implication.md'))!;
    expect(line, w.describe()).toMatch(new RegExp(`→ nothing written; finished an interrupted write and committed it \\[${hash}\\]$`));
  });
});

/**
 * A watcher whose cycle for a closed deal is held in its commit (git blocks until
 * `slow.hold` is removed): a signal sent now lands mid-cycle, as the tests below check.
 */
async function watcherMidCommit(text: boolean): Promise<{ dir: string; slow: ReturnType<typeof slowGit>; w: WatchProcess }> {
  const dir = await repo();
  const slow = slowGit();
  const w = start(dir, [], { PATH: slow.path }, { text });
  await w.ready();
  writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
  await waitFor(() => existsSync(slow.entered), 'the cycle to be committing', () => w.describe());
  return { dir, slow, w };
}

describe('Ctrl-C while a cycle is under way', () => {
  it.each([false, true])('says it is finishing the cycle, then that it stopped (text: %s)', async (text) => {
    const { dir, slow, w } = await watcherMidCommit(text);
    w.signal('SIGINT');
    // Said while the cycle is still held: whoever pressed Ctrl-C learns it was heard.
    if (text) await waitFor(() => w.text.some((l) => l === 'stopping (SIGINT): finishing the cycle under way'), 'the stopping line', () => w.describe());
    else await waitFor(() => w.lines.some((l) => l.event === 'stopping'), 'the stopping line', () => w.describe());
    expect(w.cycles()).toEqual([]);
    rmSync(slow.hold);
    expect(await w.exit(), w.describe()).toBe(0);
    if (text) expect(w.text.at(-1)).toBe('stopped (SIGINT)');
    else {
      expect(w.lines.find((l) => l.event === 'stopping')).toMatchObject({ signal: 'SIGINT' });
      expect(w.lines.map((l) => l.event).slice(-2)).toEqual(['cycle', 'stopped']);
      expectSchemaValid(w);
    }
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  // An impatient second Ctrl-C used to kill the process at once (the handler was `once`):
  // the cycle's derived files written and not committed, the pid file left in .git.
  it.each([false, true])('pressed again, still finishes the cycle and commits it, saying so (text: %s)', async (text) => {
    const { dir, slow, w } = await watcherMidCommit(text);
    w.signal('SIGINT');
    await waitFor(() => w.text.some((l) => l.includes(text ? 'finishing the cycle under way' : '"event":"stopping"')), 'the stopping line', () => w.describe());
    w.signal('SIGINT');
    const again = text ? 'still finishing the cycle under way (SIGINT): Ctrl-C once more stops at once, its write left for the next sync to finish' : '"again":true';
    await waitFor(() => w.text.some((l) => l.includes(again)), 'the line saying it is still finishing', () => w.describe());
    rmSync(slow.hold);
    expect(await w.exit(), w.describe()).toBe(0);
    expect(w.text.at(-1)).toContain(text ? 'stopped (SIGINT)' : '"event":"stopped"');
    if (!text) expectSchemaValid(w);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(existsSync(join(dir, '.git/threadwork-watch.pid'))).toBe(false);
  });

  it('pressed a third time, stops at once (a git that hangs), the write left for the next sync to finish', async () => {
    const { dir, slow, w } = await watcherMidCommit(false);
    w.signal('SIGINT');
    await waitFor(() => w.lines.some((l) => l.event === 'stopping'), 'the stopping line', () => w.describe());
    w.signal('SIGINT');
    await waitFor(() => w.text.some((l) => l.includes('"again":true')), 'the line saying it is still finishing', () => w.describe());
    w.signal('SIGINT');
    expect(await w.exit(), w.describe()).toBe(130);
    rmSync(slow.hold);
    expect(git(dir, 'status', '--porcelain')).not.toBe('');
    const sync = await runJson<{ commit: { committed: boolean } | null }>(['sync', '--dir', dir]);
    expect(sync.json.commit?.committed, sync.stdout).toBe(true);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

/*
 * A signal in a watcher's first second, while its start-up sync was still committing: the
 * start-up went on to open the CLI's socket after it, and the CLI's commands were answered
 * (a write made and committed) by a watcher that had been told to stop, until it got round
 * to stopping. From the signal on, nothing is served: the CLI runs its commands itself.
 */
describe('a signal during the start-up', () => {
  it('serves the CLI nothing, then finishes the start-up sync and stops', async () => {
    const dir = await repo();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    const slow = slowGit();
    const w = start(dir, [], { PATH: slow.path });
    await waitFor(() => existsSync(slow.entered), 'the start-up sync to be committing', () => w.describe());
    w.signal('SIGTERM');
    // Said at once, the start-up still held: whoever pressed Ctrl-C learns it was heard.
    await waitFor(() => w.lines.some((l) => l.event === 'stopping'), 'the stopping line', () => w.describe());
    expect(w.lines.map((l) => l.event)).toEqual(['stopping']);
    rmSync(slow.hold);
    expect(await w.exit(), w.describe()).toBe(0);
    expect(w.lines.find((l) => l.event === 'ready'), w.describe()).toMatchObject({ serving: false });
    expect(w.lines.find((l) => l.kind === 'startup')?.commit).toMatchObject({ committed: true });
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});

describe('the start-up line naming uncommitted sources', () => {
  it('tells to fix a source in error, never to commit it', async () => {
    const dir = await repo();
    const broken = 'threads/sales/acme/3-implication.md';
    writeFileSync(join(dir, broken), read(dir, broken).replace('date: 2026-03-01', 'date: [2026-03-01'));
    writeFileSync(join(dir, 'threads/sales/acme/4-decision.md'), `${read(dir, 'threads/sales/acme/4-decision.md')}\nA thought for later.\n`);
    writeFileSync(join(dir, 'strategy/canvas/04-segments.md'), `${read(dir, 'strategy/canvas/04-segments.md')}\nFintech first.\n`);
    const w = start(dir, [], {}, { text: true });
    await w.ready();
    await waitFor(() => w.text.some((l) => l.includes('in error is not committed')), 'the line naming the file in error', () => w.describe());
    expect(w.text.find((l) => l.includes('git add')), w.describe()).toContain(': strategy/canvas/04-segments.md; commit it with `git add`');
    expect(w.text.filter((l) => l.includes('git add') && l.includes('threads/sales/acme/'))).toEqual([]);
    expect(w.text).toContain(`⚠ 1 source file in error is not committed: ${broken}; fix the error above — a file in error is held, neither synced nor committed, until it is valid`);
    // The other file of the thread held with it is held too: not to be committed by hand meanwhile.
    expect(w.text.find((l) => l.includes('held and not committed'))).toContain('threads/sales/acme/4-decision.md');
  });
});

describe('a commit git refuses', () => {
  it('is commit-failed, saying the files are written and what commits them, not an internal error', async () => {
    const dir = await repo();
    const fake = failingGit();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    const refused = await runJson<{ ok: false; error: { code: string; message: string } }>(['sync', '--dir', dir], { env: { PATH: fake.path } });
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.json.error.code, refused.stdout).toBe('commit-failed');
    expect(refused.json.error.message).toMatch(/^The files were written but not committed: git said: fatal: refusing for the test\b.*the next threadwork command \(e\.g\. `threadwork sync`\) commits them first/s);
    rmSync(fake.failing);
    const next = await runJson<{ commit: { committed: boolean } | null }>(['sync', '--dir', dir]);
    expect(next.json.commit).toMatchObject({ committed: true });
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
