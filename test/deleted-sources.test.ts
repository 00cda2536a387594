import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { advanceCommand } from '../src/cli/commands/advance.js';
import { dealNewCommand, type DealNewFlags } from '../src/cli/commands/deal.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import type { CommandOutcome } from '../src/cli/outcome.js';
import { withWorkspaceLock } from '../src/workspace/lock.js';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, lastCommitMessage, lastCommitPaths } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { WatchProcess } from './helpers/watch.js';

/**
 * A sync commits the deletion or the renaming of a thread's files with what it moved,
 * including files the parse cache never held: a deal opened by `deal new` and advanced,
 * committed, then deleted or renamed by hand. A cold run asks git only about the files its
 * record names and those the load found changed or gone since the parse cache
 * (src/engine/uncommitted.ts); a file created after that cache was written and deleted
 * since is in neither, unless the record keeps it.
 */

const DEAL = 'threads/sales/kappa-lend';
const RENAMED = 'threads/sales/kappa-lending';

/*
 * Speed: a CLI process costs about a second on a loaded two-core machine. The sync each
 * test is about runs as a CLI process, a cold run as a user's; the steps that lead up to
 * it, and the sync after it, run the CLI commands' own functions in this process (each
 * opens the workspace anew, from its files and caches, as a process does). The example
 * workspace is copied from one prepared per file: no step before the first sync has a
 * cache to miss.
 */

async function cli(dir: string, ...args: string[]): Promise<void> {
  const result = await runCli([...args, '--dir', dir]);
  expect(result.code, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
}

/** A CLI command run in this process (`threadwork … --json`), which must exit 0. */
async function command(what: string, run: () => Promise<CommandOutcome>): Promise<void> {
  const answer = await commandJson(run);
  expect(answer.code, `${what}\n${JSON.stringify(answer.json)}`).toBe(0);
}

const GLOBALS = (dir: string) => ({ dir, json: true });
const syncInProcess = (dir: string): Promise<void> => command('sync', () => syncCommand({ commit: true }, GLOBALS(dir)));
/** `threadwork deal new Kappa Lend --segment mid-market-fintech …`, with commander's default `--source inbound`. */
const dealNewInProcess = (dir: string, flags: Omit<DealNewFlags, 'segment' | 'source'>): Promise<void> =>
  command('deal new', () => dealNewCommand('Kappa Lend', { segment: 'mid-market-fintech', source: 'inbound', commit: true, ...flags }, GLOBALS(dir)));

/** The example workspace synced, then a deal opened with the CLI's `deal new` on a goal and advanced to Stage 2: each step committed. */
async function withNewDeal(): Promise<string> {
  const dir = exampleWorkspaceCopy();
  await syncInProcess(dir);
  await dealNewInProcess(dir, { goal: 'g-arr-500k-2026', subgoal: 'SG2', date: '2026-11-25', contact: 'Kim Park', signal: 'Asked for a demo' });
  await command('advance', () => advanceCommand('kappa-lend', { commit: true }, GLOBALS(dir)));
  expect(git(dir, 'status', '--porcelain')).toBe('');
  return dir;
}

const committedPaths = (dir: string): string[] => git(dir, 'show', '--name-status', '--no-renames', '--format=', 'HEAD').trim().split('\n');

const running: WatchProcess[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) await w.kill();
});

describe('a deal opened with the CLI, then deleted or renamed by hand', () => {
  it.each([
    {
      name: 'its last stage file deleted',
      edit: (dir: string) => rmSync(join(dir, DEAL, '2-hypothesis.md')),
      committed: [`D\t${DEAL}/2-hypothesis.md`, `M\t${DEAL}/meta.json`],
    },
    {
      name: 'its last stage file deleted while an edit of another is uncommitted',
      edit: (dir: string) => {
        writeFiles(dir, { [`${DEAL}/1-input.md`]: read(dir, `${DEAL}/1-input.md`).replace('date: "2026-11-25"', 'date: "2026-11-26"') });
        rmSync(join(dir, DEAL, '2-hypothesis.md'));
      },
      committed: [`D\t${DEAL}/2-hypothesis.md`, `M\t${DEAL}/1-input.md`, `M\t${DEAL}/meta.json`],
    },
    {
      name: 'its folder deleted',
      edit: (dir: string) => rmSync(join(dir, DEAL), { recursive: true }),
      committed: [`D\t${DEAL}/1-input.md`, `D\t${DEAL}/2-hypothesis.md`, `D\t${DEAL}/meta.json`],
    },
    {
      name: 'its folder renamed, with its id',
      edit: (dir: string) => {
        renameSync(join(dir, DEAL), join(dir, RENAMED));
        writeFiles(dir, { [`${RENAMED}/meta.json`]: read(dir, `${RENAMED}/meta.json`).replace('"id": "kappa-lend"', '"id": "kappa-lending"') });
      },
      committed: [`D\t${DEAL}/1-input.md`, `D\t${DEAL}/2-hypothesis.md`, `D\t${DEAL}/meta.json`, `A\t${RENAMED}/1-input.md`, `A\t${RENAMED}/2-hypothesis.md`, `A\t${RENAMED}/meta.json`],
      // The goal's block moved only in the thread its subgoal links to: the body says which.
      body: /^g-arr-500k-2026 SG2 threads [a-z, -]*\bkappa-lend\b[a-z, -]* → [a-z, -]*\bkappa-lending\b/m,
    },
  ])('sync commits it with what it moved: $name', async ({ edit, committed, body }) => {
    const dir = await withNewDeal();
    edit(dir);
    await cli(dir, 'sync');
    expect(committedPaths(dir)).toEqual(expect.arrayContaining(committed));
    if (body) expect(lastCommitMessage(dir)).toMatch(body);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // And the run after it has nothing left to find.
    await syncInProcess(dir);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('a deal opened without a commit and deleted leaves nothing to commit', async () => {
    const dir = exampleWorkspaceCopy();
    await syncInProcess(dir);
    await dealNewInProcess(dir, { date: '2026-11-25', commit: false });
    rmSync(join(dir, DEAL), { recursive: true });
    await cli(dir, 'sync');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(lastCommitPaths(dir).some((p) => p.startsWith(DEAL))).toBe(false);
  });

  it('a running watcher commits the deletion of a stage file another process committed before the watcher saw it', async () => {
    const dir = exampleWorkspaceCopy();
    await syncInProcess(dir);
    await dealNewInProcess(dir, { date: '2026-11-25', contact: 'Kim Park', signal: 'Asked for a demo' });
    const w = new WatchProcess(dir);
    running.push(w);
    await w.ready();
    // What `advance` leaves, then the file removed, all while the workspace lock is held: the
    // watcher applies events under that lock, so it never sees the stage file exist.
    await withWorkspaceLock(dir, async () => {
      const meta = JSON.parse(read(dir, `${DEAL}/meta.json`)) as Record<string, unknown>;
      writeFiles(dir, { [`${DEAL}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.5'), [`${DEAL}/meta.json`]: `${JSON.stringify({ ...meta, stage: 2 }, null, 2)}\n` });
      git(dir, 'add', DEAL);
      git(dir, 'commit', '-qm', 'advance kappa-lend, committed by another process');
      rmSync(join(dir, DEAL, '2-hypothesis.md'));
    });
    await w.cycle(1);
    expect(w.cycles()[0]!.commit?.committed, w.describe()).toBe(true);
    expect(committedPaths(dir)).toEqual(expect.arrayContaining([`D\t${DEAL}/2-hypothesis.md`, `M\t${DEAL}/meta.json`]));
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });
});
