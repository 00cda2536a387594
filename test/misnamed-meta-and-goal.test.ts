import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { waitFor, watchStarter } from './helpers/watch.js';

/**
 * A thread's meta.json or a goal file renamed by a desktop or an editor — `meta (1).json`,
 * `meta.json.txt`, `Meta.json`; `goals/g-x.md.txt` — was never named: the thread got
 * "Missing meta.json", every thread naming the goal `unknown-goal` with a list of the other
 * goals, and the file that was there went unmentioned. Each is now reported at the file,
 * saying to rename it (`meta-file-name`, `goal-file-name`), and `unknown-goal` points at it.
 */

const DEAL = 'threads/sales/brightcart';
const GOAL = 'g-fintech-beachhead';
const startWatch = watchStarter();

/** `threadwork check --json --dir <dir>`, without a process. */
const checkJson = <T>(dir: string): ReturnType<typeof commandJson<T>> => commandJson<T>(() => checkCommand({}, { dir, json: true }));

const brief = (d: Pick<Diagnostic, 'path' | 'severity' | 'rule'>): string[] => [d.path, d.severity, d.rule];

describe('a meta.json under a name a desktop gave it', () => {
  it.each(['meta (1).json', 'meta.json.txt', 'Meta.json', 'meta - Copy.json', 'meta.txt'])('%s is named, with what to do, beside the missing meta.json', async (name) => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, DEAL, 'meta.json'), join(dir, DEAL, name));
    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.json.diagnostics.map(brief)).toEqual([
      [`${DEAL}/${name}`, 'error', 'meta-file-name'],
      [`${DEAL}/meta.json`, 'error', 'thread-meta-missing'],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
    expect(check.json.diagnostics.find((d) => d.rule === 'meta-file-name')!.message).toBe(`Not a meta.json name: \`${name}\` is ignored, so thread ${DEAL} has no meta.json; expected \`meta.json\` — rename it`);
  });

  it('check and sync through the CLI agree, sync commits nothing, and a copy beside meta.json is a warning', async () => {
    const dir = exampleWorkspaceCopy();
    const commits = commitCount(dir);
    renameSync(join(dir, DEAL, 'meta.json'), join(dir, DEAL, 'meta (1).json'));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const sync = await runJson<{ diagnostics: Diagnostic[]; written: string[] }>(['sync'], { cwd: dir });
    expect([check.code, sync.code]).toEqual([1, 1]);
    expect(sync.json.diagnostics.filter((d) => d.severity === 'error').map(brief)).toEqual(check.json.diagnostics.map(brief));
    expect(sync.json.written).toEqual([]);
    expect(commitCount(dir)).toBe(commits);
    copyFileSync(join(dir, DEAL, 'meta (1).json'), join(dir, DEAL, 'meta.json'));
    const copy = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(copy.code).toBe(0);
    expect(copy.json.diagnostics.map((d) => [...brief(d), d.message])).toEqual([
      [`${DEAL}/meta (1).json`, 'warning', 'meta-file-name', "Not a meta.json name: `meta (1).json` is ignored beside the thread's `meta.json`, which is read; move what it holds into `meta.json` by hand, or delete it"],
    ]);
  });
});

describe('thread-meta-missing beside a meta.json under another name', () => {
  // The missing meta.json's error said only "Missing meta.json"; the file that was there was named by a second error a person may not read.
  const missing = (name: string, thread = DEAL): string =>
    `Missing meta.json in thread ${thread}: expected the thread's identity (id, type, title, segment, source, created), which \`${name}\` beside it may hold: it is not read under that name — rename it to \`meta.json\``;
  const said = (diagnostics: readonly { rule: string; message: string }[]): string | undefined => diagnostics.find((d) => d.rule === 'thread-meta-missing')?.message;

  it('names the file in check, sync and a watch cycle, for a committed deal', async () => {
    const dir = exampleWorkspaceCopy();
    const watch = startWatch(dir);
    await watch.ready();
    renameSync(join(dir, DEAL, 'meta.json'), join(dir, DEAL, 'meta (1).json'));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dry-run'], { cwd: dir });
    expect(said(check.json.diagnostics)).toBe(missing('meta (1).json'));
    expect(said(sync.json.diagnostics)).toBe(missing('meta (1).json'));
    const reporting = () => watch.cycles().find((l) => l.diagnostics?.some((d) => d.rule === 'thread-meta-missing'))?.diagnostics;
    await waitFor(() => reporting() !== undefined, 'a watch cycle reporting thread-meta-missing', () => JSON.stringify(watch.lines));
    expect(said(reporting()!)).toBe(missing('meta (1).json'));
    await watch.kill();
  });

  it('names the file for a new deal folder whose meta.json Notepad saved as meta.json.txt', async () => {
    const dir = exampleWorkspaceCopy();
    const fresh = 'threads/sales/initech';
    mkdirSync(join(dir, fresh));
    copyFileSync(join(dir, DEAL, '1-input.md'), join(dir, fresh, '1-input.md'));
    writeFileSync(join(dir, fresh, 'meta.json.txt'), readFileSync(join(dir, DEAL, 'meta.json'), 'utf8').replaceAll('brightcart', 'initech'));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(said(check.json.diagnostics)).toBe(missing('meta.json.txt', fresh));
  });
});

describe('a write into a thread whose meta.json a desktop renamed', () => {
  it('advance refuses naming the renamed file and what to do', async () => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, DEAL, 'meta.json'), join(dir, DEAL, 'meta.json.txt'));
    const advance = await runJson<{ error: { diagnostics: Diagnostic[] } }>(['advance', DEAL], { cwd: dir });
    expect(advance.code).toBe(1);
    expect(advance.json.error.diagnostics.map(brief)).toEqual([
      [`${DEAL}/meta.json`, 'error', 'thread-meta-missing'],
      [`${DEAL}/meta.json.txt`, 'error', 'meta-file-name'],
    ]);
  });
});

describe('a goal file saved under a name that is not .md', () => {
  it.each([`${GOAL}.md.txt`, `${GOAL}.txt`, `${GOAL}.markdown`, `${GOAL} (1).md.txt`])('goals/%s is reported, and unknown-goal points at it', async (name) => {
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, 'goals', `${GOAL}.md`), join(dir, 'goals', name));
    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    const [first, ...rest] = check.json.diagnostics;
    expect([first!.path, first!.severity, first!.rule, first!.message]).toEqual([`goals/${name}`, 'error', 'goal-file-name', `Not a goal file name: \`${name}\` is ignored, so goal \`${GOAL}\` is not defined; expected \`${GOAL}.md\` — rename it`]);
    expect(rest.length).toBeGreaterThan(0);
    for (const d of rest) expect([d.rule, d.message]).toEqual(['unknown-goal', `Unknown goal \`${GOAL}\` (not in goals/): goals/${name} is not read under that name — rename it to goals/${GOAL}.md`]);
  });

  it('check, sync and watch agree; sync commits nothing; renamed back, all is clean', async () => {
    const dir = exampleWorkspaceCopy();
    const commits = commitCount(dir);
    const watch = startWatch(dir);
    await watch.ready();
    renameSync(join(dir, 'goals', `${GOAL}.md`), join(dir, 'goals', `${GOAL}.md.txt`));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const sync = await runJson<{ diagnostics: Diagnostic[]; written: string[] }>(['sync', '--dry-run'], { cwd: dir });
    const told = (d: { path: string; rule: string; message: string }): string => `${d.path} ${d.rule} ${d.message}`;
    // The same findings; sync lists a thread's files in another order than check.
    const all = (list: { path: string; rule: string; message: string }[]): string[] => list.map(told).sort();
    expect(check.json.diagnostics[0]!.rule).toBe('goal-file-name');
    expect(all(sync.json.diagnostics.filter((d) => d.severity === 'error'))).toEqual(all(check.json.diagnostics));
    const cycle = (): boolean => watch.cycles().some((l) => l.diagnostics?.some((d) => d.rule === 'goal-file-name'));
    await waitFor(cycle, 'a watch cycle reporting goal-file-name', () => JSON.stringify(watch.lines));
    const watched = watch.cycles().find((l) => l.diagnostics?.some((d) => d.rule === 'goal-file-name'))!;
    expect(all(watched.diagnostics!.filter((d) => d.rule !== 'derived-held'))).toEqual(all(check.json.diagnostics));
    expect(commitCount(dir)).toBe(commits);
    renameSync(join(dir, 'goals', `${GOAL}.md.txt`), join(dir, 'goals', `${GOAL}.md`));
    await watch.kill();
    const fixed = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir });
    expect([fixed.code, fixed.json.diagnostics]).toEqual([0, []]);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(commitCount(dir)).toBe(commits);
  });

  it('a copy beside the goal file is a warning and check passes', async () => {
    const dir = exampleWorkspaceCopy();
    copyFileSync(join(dir, 'goals', `${GOAL}.md`), join(dir, 'goals', `${GOAL}.md.txt`));
    const check = await checkJson<{ diagnostics: Diagnostic[] }>(dir);
    expect(check.code).toBe(0);
    expect(check.json.diagnostics.map(brief)).toEqual([[`goals/${GOAL}.md.txt`, 'warning', 'goal-file-name']]);
    rmSync(join(dir, 'goals', `${GOAL}.md.txt`));
  });
});
