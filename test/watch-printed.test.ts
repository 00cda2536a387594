import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitCount, git } from './helpers/git.js';
import { read, testdir } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { learning, repo } from './helpers/won-deal.js';

const start = watchStarter();


/** Rewrites a workspace file's text. */
const edit = (dir: string, path: string, change: (text: string) => string): void => writeFileSync(join(dir, path), change(read(dir, path)));
const SEGMENTS = 'strategy/canvas/04-segments.md';

/* What `threadwork watch` prints for a save, a deletion and a reconcile, in JSON and text lines. Its cycles and commits are in watch.test.ts, its life as a process in watch-process.test.ts. */
describe('threadwork watch: the lines it prints', () => {
  it.each([
    ['a signal written into 1-input.md', 'threads/sales/acme/1-input.md', (text: string) => text.replace('date: 2026-03-01', 'date: 2026-03-01\nsignal: Asked for a demo at a conference')],
    ['prose appended to 04-segments.md', SEGMENTS, (text: string) => `${text}\nFintech first; e-commerce once two pilots close.\n`],
  ])('prints a line for %s, a save that changes no derived value', async (_name, path, change) => {
    const dir = await repo();
    const w = start(dir);
    await w.ready();
    edit(dir, path, change);
    await w.cycle(1);
    expect(w.cycles()[0]).toMatchObject({ kind: 'change', trigger: [path], written: [], changes: [], commit: null, diagnostics: [] });
  });

  /* The fourth review: on a detached HEAD the text lines showed only `[8d63417]`; `sync` and `watch --json` say what the commit stood with. */
  it('prints the warning a commit stood with under its cycle, as sync does: HEAD detached', async () => {
    const dir = await repo();
    git(dir, 'checkout', '-q', '--detach');
    const w = start(dir, [], {}, { text: true });
    await w.ready();
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    await waitFor(() => w.text.some((line) => /^ {2}warning: HEAD is detached \(not on a branch\): committed on top of [0-9a-f]{10}/.test(line)), 'the warning under the cycle', () => w.describe());
  });

  it('prints that line in text as the README shows it: the file saved → nothing written', async () => {
    const dir = await repo();
    const w = start(dir, [], {}, { text: true });
    await w.ready();
    edit(dir, 'threads/sales/acme/3-implication.md', (text) => `${text}\nThey run three PSPs.\n`);
    await waitFor(() => w.text.some((line) => /^\d\d:\d\d:\d\d threads\/sales\/acme\/3-implication\.md → nothing written$/.test(line)), 'the line of the save', () => w.describe());
  });

  // The error printed a save earlier stayed the last word on the file: a fixed file's line
  // said only "nothing written".
  it('says a file saved with errors was fixed by the save that clears them, and only then', async () => {
    const dir = await repo();
    const w = start(dir, [], {}, { text: true });
    await w.ready();
    const input = 'threads/sales/acme/1-input.md';
    const good = read(dir, input);
    edit(dir, input, (text) => text.replace('date: 2026-03-01', 'date: 01.03.2026'));
    await waitFor(() => w.text.some((line) => line.includes('write 01.03.2026 as 2026-03-01')), 'the error of the save', () => w.describe());
    edit(dir, input, (text) => text.replace('date: 01.03.2026', 'date: 1 March'));
    await waitFor(() => w.text.some((line) => line.includes('(got "1 March")')), 'the error of the second save', () => w.describe());
    writeFileSync(join(dir, input), `${good}\nThey asked for a demo.\n`);
    await waitFor(() => w.text.some((line) => / → nothing written; fixed threads\/sales\/acme\/1-input\.md$/.test(line)), 'the line saying the file is fixed', () => w.describe());
    expect(w.text.filter((line) => line.includes('; fixed ')), w.describe()).toHaveLength(1);
  });

  // The errors were another file's doing: a segment renamed, then named again as the threads name it.
  it.each([['text'], ['JSON']])('says a file whose errors another file’s save cleared is fixed (%s)', async (as) => {
    const dir = await repo();
    const w = start(dir, [], {}, { text: as === 'text' });
    await w.ready();
    const errorSeen = (): boolean => (as === 'text' ? w.text.some((line) => line.includes('unknown-segment')) : w.cycles().some((c) => c.diagnostics?.some((d) => d.rule === 'unknown-segment' && d.path === 'threads/sales/acme/meta.json')));
    edit(dir, SEGMENTS, (text) => text.replace('id: mid-market-fintech', 'id: fintech-mid'));
    await waitFor(errorSeen, 'the unknown segment', () => w.describe());
    expect(w.text.some((line) => line.includes('; fixed ') || line.includes('"fixed":["')), w.describe()).toBe(false);
    edit(dir, SEGMENTS, (text) => text.replace('id: fintech-mid', 'id: mid-market-fintech'));
    const fixedSeen = (): boolean =>
      as === 'text' ? w.text.some((line) => /strategy\/canvas\/04-segments\.md → nothing written; fixed .*threads\/sales\/acme\/meta\.json/.test(line)) : w.cycles().some((c) => c.trigger?.includes(SEGMENTS) && c.fixed?.includes('threads/sales/acme/meta.json'));
    await waitFor(fixedSeen, 'the line saying the thread is fixed', () => w.describe());
  });

  it('says which files of a save were deleted: a stage file removed, a thread folder moved away', async () => {
    const dir = await repo();
    const text = start(dir, [], {}, { text: true });
    await text.ready();
    rmSync(join(dir, 'threads/sales/acme/5-actions.md'));
    await waitFor(() => text.text.some((line) => /^\d\d:\d\d:\d\d threads\/sales\/acme\/5-actions\.md deleted → /.test(line)), 'the line naming the deleted file', () => text.describe());
    await text.stop();
    const json = start(dir);
    await json.ready();
    renameSync(join(dir, 'threads/sales/acme'), join(testdir(), 'acme'));
    await json.cycle(1);
    const line = json.cycles()[0]!;
    expect(line.deleted, json.describe()).toEqual(line.trigger);
    expect(line.deleted).toEqual(expect.arrayContaining(['threads/sales/acme/meta.json', 'threads/sales/acme/1-input.md']));
  });

  it('prints a line for a reconcile that writes and commits what the day moved (midnight), with no file saved', async () => {
    const dir = await repo();
    // A date of tomorrow (the watcher's): left out of the goal's `as of` until the day comes (docs/derivation.md).
    edit(dir, 'threads/sales/acme/1-input.md', (text) => text.replace('date: 2026-03-01', 'date: 2026-11-21'));
    git(dir, 'commit', '-qam', 'input dated tomorrow');
    // The watcher's clock, not the machine's: 2026-11-20 at noon, a day later once `next-day` exists.
    const clock = testdir();
    const nextDay = join(clock, 'next-day');
    writeFileSync(
      join(clock, 'clock.mjs'),
      `import { existsSync } from 'node:fs';\nconst Real = Date;\nconst started = Real.now();\nconst now = () => Real.parse('2026-11-20T12:00:00Z') + (Real.now() - started) + (existsSync(${JSON.stringify(nextDay)}) ? 86_400_000 : 0);\nglobalThis.Date = class extends Real {\n  constructor(...args) { if (args.length === 0) super(now()); else super(...args); }\n  static now() { return now(); }\n};\n`,
    );
    const w = start(dir, [], { NODE_OPTIONS: `--import ${join(clock, 'clock.mjs')}`, THREADWORK_WATCH_RECONCILE_MS: '300' });
    await w.ready();
    const before = commitCount(dir);
    const goal = read(dir, 'goals/g-first-customers.md');
    expect(goal).not.toContain('as of 2026-11-21');
    writeFileSync(nextDay, '');
    await waitFor(() => commitCount(dir) > before, 'the day moved to be committed', () => w.describe());
    expect(read(dir, 'goals/g-first-customers.md')).toContain('as of 2026-11-21');
    await waitFor(() => w.lines.some((l) => l.event === 'cycle' && l.kind === 'reconcile'), 'a line for what the reconcile committed', () => w.describe(), 5_000);
    const line = w.lines.find((l) => l.event === 'cycle' && l.kind === 'reconcile')!;
    expect(line).toMatchObject({ trigger: [], written: expect.arrayContaining(['goals/g-first-customers.md']), commit: { committed: true } });
    expect(line.commit!.commit).toBe(git(dir, 'rev-parse', 'HEAD').trim());
  });

  it('stamps a text line with the time on the clock of whoever watches (their time zone), not UTC', async () => {
    const dir = await repo();
    // Fourteen hours ahead of UTC: a line stamped in UTC is off by fourteen hours, whatever the hour.
    const w = start(dir, [], { TZ: 'Etc/GMT-14' }, { text: true });
    await w.ready();
    const startup = w.text.find((line) => line.includes('startup sync'))!;
    const printed = /^(\d\d):(\d\d):(\d\d) /.exec(startup);
    expect(printed, startup).not.toBeNull();
    const seconds = (Number(printed![1]) * 60 + Number(printed![2])) * 60 + Number(printed![3]);
    const now = new Date();
    const local = (((now.getUTCHours() + 14) * 60 + now.getUTCMinutes()) * 60 + now.getUTCSeconds()) % 86_400;
    // The line was printed within the last minute (the start-up): compared on a 24-hour dial.
    const behind = (local - seconds + 86_400) % 86_400;
    expect(behind, `${startup} at ${now.toISOString()}`).toBeLessThan(60);
  });
});
