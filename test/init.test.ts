import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { initCommand } from '../src/cli/commands/init.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { CANVAS_SECTIONS } from '../src/schema/canvas.js';
import { runCli, runJson } from './helpers/cli.js';
import { gitEnv } from './helpers/git.js';
import { commandJsonAsCli, commandText } from './helpers/in-process.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { GOAL } from './helpers/workspace.js';
import { testdir } from './helpers/testdir.js';

/*
 * Speed: a CLI process costs one to two seconds on the loaded two-core machine. Where a
 * test is about what init (or the check or sync after it) writes, commits or refuses, not
 * the process, it runs the command's own function (src/cli/commands/*): the same JSON and
 * exit code, with git configured as the CLI runs in these tests (gitEnv: no user or system
 * config). Init keeps real CLI runs for its printed lines (both commits, the first commit,
 * the edits it carries), its refusal of a file on stdout/stderr, and argv (a relative
 * folder, usage errors, help); check for its "not a workspace" message and the subfolder.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

const inProcess = commandJsonAsCli;

/** `threadwork init <dir> [--company …] [--no-git] [--skills] --json`, without a process. */
const initJson = <T = Record<string, unknown>>(dir: string, flags: { company?: string; git?: boolean; skills?: boolean } = {}, env: Record<string, string> = {}): ReturnType<typeof commandJsonAsCli<T>> =>
  inProcess<T>(() => initCommand(dir, { ...flags, git: flags.git !== false }), env);

describe('threadwork init', () => {
  // init committed threads/sales/.gitkeep and four more it never printed: "24 paths" under 19 created lines.
  it('lists every file it commits, the .gitkeep of each empty folder too, in text and in JSON', async () => {
    const dir = join(testdir(), 'gtm');
    const printed = await runCli(['init', dir]);
    expect(printed.code).toBe(0);
    const created = printed.stdout.split('\n').flatMap((line) => (line.startsWith('created ') ? [line.slice('created '.length)] : []));
    const committed = execFileSync('git', ['ls-tree', '-r', '--name-only', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    expect(created.sort()).toEqual(committed.sort());
    expect(created).toContain('threads/sales/.gitkeep');
    expect(printed.stdout).toContain(`(the repository's first commit, ${committed.length} paths)`);
    const again = join(testdir(), 'gtm');
    const json = await runJson<{ created: string[]; commit: { paths: string[] } }>(['init', again]);
    expect(json.json.created).toEqual([...json.json.commit.paths].sort());
  });

  it('scaffolds config, the 16 canvas sections and a goal, runs git init, and the result passes check', async () => {
    const dir = join(testdir(), 'acme-gtm');
    const result = await initJson(dir, { company: 'Acme Analytics' }, { THREADWORK_TODAY: '2026-11-22' });
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ gitInitialized: true, kept: [] });
    const created = (result.json as { created: string[] }).created;
    expect(created).toEqual(expect.arrayContaining(['threadwork.config.yaml', 'goals/g-first-customers.md', ...CANVAS_SECTIONS.map((s) => `strategy/canvas/${s}.md`)]));
    expect(existsSync(join(dir, '.git'))).toBe(true);
    for (const file of created) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/\{\{|\}\}/);
    expect(readFileSync(join(dir, 'goals/g-first-customers.md'), 'utf8')).toContain('deadline: 2027-02-20');
    // Copied as it says to add a goal, the file carries the `reached:` dates sync recorded: the copy's subgoals read completed at 0.
    expect(readFileSync(join(dir, 'goals/g-first-customers.md'), 'utf8').replace(/\s+/g, ' ')).toContain('copy this file to add more goals (the file name must match the `id`; in the copy, delete the `reached:` lines');
    const check = await inProcess(() => checkCommand({}, { dir, json: true }));
    expect(check.code, JSON.stringify(check.json)).toBe(0);
    expect(check.json).toMatchObject({ ok: true, errors: 0 });
  });

  // The targets' comments said "opened / emails sent"; every rate but bounces is over delivered (src/outreach/rates.ts), the 13-metrics table too.
  it('describes the campaign rate targets as 13-metrics computes them: over delivered emails', async () => {
    const dir = join(testdir(), 'acme-gtm');
    expect((await initJson(dir, { company: 'Acme Analytics' }, { THREADWORK_TODAY: '2026-11-22' })).code).toBe(0);
    const metrics = readFileSync(join(dir, 'strategy/canvas/13-metrics.md'), 'utf8');
    expect(metrics).toMatch(/open_rate: 0\.45 +# campaign emails opened \/ emails delivered, 0 to 1/);
    expect(metrics).toMatch(/reply_rate: 0\.05 +# campaign replies \/ emails delivered, 0 to 1/);
  });

  it('makes the workspace\'s first commit with everything it wrote, skills included, and leaves nothing untracked', async () => {
    const dir = join(testdir(), 'acme-gtm');
    const result = await initJson(dir, { company: 'Acme Analytics', skills: true }, { THREADWORK_TODAY: '2026-11-22' });
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ commit: { committed: true } });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git('log', '--format=%s')).toBe('threadwork: install agent skills\nthreadwork: init workspace for Acme Analytics');
    const tracked = git('ls-files').split('\n');
    expect(tracked).toEqual(expect.arrayContaining(['artifacts/sales/.gitkeep', 'research/customer/icp/.gitkeep', '.claude/skills/icp-generator/SKILL.md', 'threadwork.config.yaml']));
    // The first commit is already the fixed point.
    const sync = await inProcess(() => syncCommand({ commit: true }, { dir, json: true }));
    expect(sync.json).toMatchObject({ written: [], commit: null });
  });

  // --skills makes two commits, the scaffold's and the skills': a person told of one finds
  // another in `git log` that no line announced.
  it('with --skills, prints both its commits, each after the files it holds', async () => {
    const dir = join(testdir(), 'acme-gtm');
    const result = await runCli(['init', dir, '--company', 'Acme Analytics', '--skills'], { env: { ...gitEnv(), THREADWORK_TODAY: '2026-11-22' } });
    expect(result.code, result.stderr).toBe(0);
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim();
    const [skills, scaffold] = git('log', '--format=%H').split('\n').map((sha) => sha.slice(0, 10));
    const lines = result.stdout.split('\n');
    const scaffoldLine = lines.indexOf(`committed ${scaffold} (the repository's first commit, 24 paths)`);
    const skillsLine = lines.indexOf(`committed ${skills} (7 paths)`);
    expect(scaffoldLine, result.stdout).toBeGreaterThan(-1);
    expect(skillsLine, result.stdout).toBeGreaterThan(scaffoldLine);
    expect(lines.indexOf('created .claude/skills/icp-generator/SKILL.md')).toBeGreaterThan(scaffoldLine);
    expect(lines.indexOf('created .claude/skills/icp-generator/SKILL.md')).toBeLessThan(skillsLine);
    expect(lines.indexOf('created threadwork.config.yaml')).toBeLessThan(scaffoldLine);
  });

  it('says the commit is the repository\'s first only when it is: in a repository with history it is one more commit on it', async () => {
    const fresh = join(testdir(), 'acme-gtm');
    const first = await runCli(['init', fresh, '--company', 'Acme'], { env: gitEnv() });
    expect(first.code, first.stderr).toBe(0);
    const paths = execFileSync('git', ['show', '--name-only', '--format=', 'HEAD'], { cwd: fresh, env: gitEnv(), encoding: 'utf8' }).trim().split('\n').length;
    expect(first.stdout).toMatch(new RegExp(`^committed [0-9a-f]{10} \\(the repository's first commit, ${paths} paths\\)$`, 'm'));

    const repo = testdir({ 'README.md': '# Our company\n' });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, env: gitEnv(), encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'our history');
    const inside = await runCli(['init', 'gtm', '--company', 'Acme'], { cwd: repo, env: gitEnv() });
    expect(inside.code, inside.stderr).toBe(0);
    expect(git('rev-list', '--count', 'HEAD')).toBe('2');
    expect(inside.stdout).not.toContain('first commit');
    expect(inside.stdout).toMatch(new RegExp(`^committed ${git('rev-parse', 'HEAD').slice(0, 10)} \\(${paths} paths\\)$`, 'm'));
  });

  it('its commit body says the derived values are new ("— → 0"), not unknown: the blocks it fills showed nothing', async () => {
    const dir = join(testdir(), 'acme-gtm');
    expect((await initJson(dir, {}, { THREADWORK_TODAY: '2026-11-22' })).code).toBe(0);
    const body = execFileSync('git', ['log', '-1', '--format=%B'], { cwd: dir, env: gitEnv(), encoding: 'utf8' });
    expect(body).toContain('metrics: open deals — → 0; won — → 0; lost — → 0; stalled — → 0; won ARR — → 0; weighted pipeline — → 0; campaign emails sent — → 0; meetings — → 0\n');
    expect(body).toMatch(/^g-first-customers status — → active; SG1 — → 0\/2; /m);
    expect(body).not.toContain('?');
    expect(body).not.toContain('— → —');
  });

  it('its commit body says what it did to an assumptions block with no assumption: wrote it, not "rewritten"', async () => {
    // The template's block is empty and the canvas has no assumption: nothing was rewritten,
    // the block was filled in with "No assumptions yet".
    const dir = join(testdir(), 'acme-gtm');
    expect((await initJson(dir, {}, { THREADWORK_TODAY: '2026-11-22' })).code).toBe(0);
    const body = execFileSync('git', ['log', '-1', '--format=%B'], { cwd: dir, env: gitEnv(), encoding: 'utf8' });
    expect(body).toMatch(/^strategy\/canvas\/10-assumptions\.md: assumptions block written: no assumptions yet$/m);
    expect(body).not.toContain('rewritten');
  });

  it('keeps files that already exist, byte for byte', async () => {
    const dir = testdir({ 'strategy/canvas/07-uvp.md': '---\nuvp: Ours\n---\nHand-written.\n' });
    const result = await initJson(dir, { git: false });
    expect(result.code).toBe(0);
    expect((result.json as { kept: string[] }).kept).toEqual(['strategy/canvas/07-uvp.md']);
    expect(readFileSync(join(dir, 'strategy/canvas/07-uvp.md'), 'utf8')).toBe('---\nuvp: Ours\n---\nHand-written.\n');
    expect(existsSync(join(dir, '.git'))).toBe(false);
    writeFileSync(join(dir, 'goals/g-first-customers.md'), 'mine');
    const again = await initJson(dir, { git: false });
    expect((again.json as { created: string[] }).created).toEqual([]);
    expect(readFileSync(join(dir, 'goals/g-first-customers.md'), 'utf8')).toBe('mine');
  });
});

describe('CLI', () => {
  // Run again to put back a deleted section, init's commit carries the user's uncommitted
  // edits the derived files follow from: like every write command, it must say so.
  it('in an existing workspace, names the edits of yours its commit carries and the derived files it updated', async () => {
    const dir = join(testdir(), 'acme-gtm');
    expect((await initJson(dir, { company: 'Acme' })).code).toBe(0);
    const assumptions = join(dir, 'strategy/canvas/10-assumptions.md');
    writeFileSync(assumptions, readFileSync(assumptions, 'utf8').replace('assumptions: []', 'assumptions:\n  - {id: A1, statement: Controllers close slowly, prior: 0.5}'));
    rmSync(join(dir, 'strategy/canvas/15-gtm.md'));
    const again = await runCli(['init', dir], { env: gitEnv() });
    expect(again.code, again.stderr).toBe(0);
    const committed = execFileSync('git', ['show', '--name-only', '--format=', 'HEAD'], { cwd: dir, env: gitEnv(), encoding: 'utf8' }).trim().split('\n');
    // 15-gtm.md comes back as it was committed: only the edit and what it derives differ from HEAD.
    expect(committed).toEqual(['strategy/canvas/10-assumptions.md']);
    const lines = again.stdout.split('\n');
    expect(lines).toContain('created strategy/canvas/15-gtm.md');
    expect(lines).toContain('updated strategy/canvas/10-assumptions.md (derived)');
    expect(lines).toContain('committed with it: strategy/canvas/10-assumptions.md (your uncommitted edit, which the derived values follow from)');
    expect(lines.indexOf('committed with it: strategy/canvas/10-assumptions.md (your uncommitted edit, which the derived values follow from)')).toBeLessThan(lines.findIndex((l) => /^committed [0-9a-f]{10} \(\d+ paths?\)$/.test(l)));
  });

  it('says clearly when the folder is not a workspace', async () => {
    const dir = testdir();
    const human = await runCli(['check', '--dir', dir]);
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/Not a threadwork workspace.*threadwork init/);
    const json = await runJson(['check', '--dir', dir]);
    expect(json.json).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
  });

  it('finds the workspace from a subfolder, as git does', async () => {
    const dir = testdir();
    expect((await initJson(dir, { git: false })).code).toBe(0);
    const result = await runJson(['check'], { cwd: join(dir, 'strategy/canvas') });
    expect(result.code).toBe(0);
    expect(result.json).toMatchObject({ root: dir });
  });

  // The name goes into README.md's heading, the config and the first commit's subject:
  // a line break there splits the heading and makes the rest of the name a commit body.
  it('refuses a company name with a line break or another control character before touching the folder', async () => {
    const dir = join(testdir(), 'acme-gtm');
    const result = await initJson<{ error: { code: string; message: string; name: string } }>(dir, { company: 'Acme\nAnalytics' });
    expect(result.code).toBe(1);
    expect(result.json.error).toEqual({
      code: 'invalid-name',
      message: 'Refused company name "Acme\\nAnalytics": it contains control characters (U+000A). Expected the name on one line, such as "Acme Analytics".',
      name: 'Acme\nAnalytics',
    });
    expect(existsSync(dir)).toBe(false);
  });

  // `--company ""` (an unset shell variable) wrote the placeholder "Your company" without a word.
  it.each(['', '   ', '\u200b'])('refuses an empty company name (%j) before touching the folder', async (company) => {
    const dir = join(testdir(), 'acme-gtm');
    const result = await initJson<{ error: { code: string; message: string; name: string } }>(dir, { company });
    expect(result.code).toBe(1);
    expect(result.json.error).toEqual({
      code: 'invalid-name',
      message: `Refused company name ${JSON.stringify(company)}: it is empty. Expected a name such as "Acme Analytics"; without --company, init writes the placeholder "Your company".`,
      name: company,
    });
    expect(existsSync(dir)).toBe(false);
  });

  // A typo or a tab completion can name a file: the user must read what is wrong with the
  // path, not a stack trace of mkdir (exit 2, "a bug: please report it").
  it('refuses a file, or a path through a file, as the workspace folder: exit 1, the path named, nothing touched', async () => {
    const root = testdir({ 'notes.md': '# notes\n' });
    for (const given of ['notes.md', 'notes.md/gtm']) {
      const result = await runJson<{ error: { code: string; message: string; path: string } }>(['init', given], { cwd: root });
      expect(result.code, given).toBe(1);
      expect(result.stderr, given).toBe('');
      expect(result.json.error, given).toEqual({
        code: 'path-refused',
        message: `Refused path "${given}": ${join(root, 'notes.md')} is a file, not a folder; give a folder for the workspace (it is created when it does not exist)`,
        path: given,
      });
      const text = await runCli(['init', given], { cwd: root });
      expect(text.code, given).toBe(1);
      expect(text.stderr, given).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(join(root, 'notes.md'), 'utf8')).toBe('# notes\n');
    expect(existsSync(join(root, '.git'))).toBe(false);
  });

  it('writes the company name as typed, invisible characters removed and accents composed', async () => {
    const dir = join(testdir(), 'acme-gtm');
    const result = await initJson(dir, { company: '  Zoe\u0308 Analytics\u200b ', git: false });
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'threadwork.config.yaml'), 'utf8')).toContain('company: "Zoë Analytics"\n');
    expect(readFileSync(join(dir, 'README.md'), 'utf8').split('\n')[0]).toBe('# Zoë Analytics go-to-market');
  });

  it('prints usage errors with exit 1', async () => {
    const result = await runCli(['deal', 'new', 'Acme']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/required option '-s, --segment <segment>'/);
    expect((await runCli(['no-such-command'])).code).toBe(1);
    expect((await runCli(['--help'])).code).toBe(0);
  });

  // `--json` and `--dir` are the program's options, taken by every command: a command's own help listed neither.
  it("lists the global options in each command's help", async () => {
    for (const command of [['check'], ['deal', 'new']]) {
      const help = await runCli([...command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Global Options:[\s\S]*-C, --dir <dir>[\s\S]*--json/);
    }
  });
});

describe('--company in an existing workspace', () => {
  /**
   * The company name goes into threadwork.config.yaml, which init never overwrites: run
   * again with `--company`, it kept the config and said nothing of the name, so the person
   * believed it set. It says the flag changed nothing, and where to set the name.
   */
  it('says the name was not set, in text and JSON, and leaves the config as it was', async () => {
    const { initCommand } = await import('../src/cli/commands/init.js');
    const dir = testdir({ 'threadwork.config.yaml': 'company: Ledgerline\n' });
    const outcome = await initCommand(dir, { company: 'Acme', git: false });
    const note = '--company "Acme" had no effect: threadwork.config.yaml was already there and is kept as it was (company: Ledgerline) — to change the name, edit `company:` in threadwork.config.yaml';
    expect((outcome.json as { notes: string[] }).notes).toEqual([note]);
    expect(outcome.text.split('\n')).toContain(note);
    expect(readFileSync(join(dir, 'threadwork.config.yaml'), 'utf8')).toBe('company: Ledgerline\n');
    const fresh = await initCommand(join(testdir(), 'new'), { company: 'Acme', git: false });
    expect((fresh.json as { notes: string[] }).notes).toEqual([]);
  });
});

describe('what init says to do next', () => {
  /**
   * Run again in a workspace whose segments are the person's own (to put back a deleted
   * section), init ended with "Next: fill in strategy/canvas/04-segments.md" as if it had reset them.
   */
  it('tells a new workspace to fill in its segments, and one whose segments file was there not to', async () => {
    const dir = join(testdir(), 'acme-gtm');
    const fresh = await commandText(() => initCommand(dir, { git: false }));
    // With the scaffold's goal: a deal opened without --goal counts toward no goal.
    expect(fresh.stdout).toContain('Next: fill in strategy/canvas/04-segments.md, then `threadwork deal new "Company" --segment <id> --goal g-first-customers` (a goal counts only the deals linked to it).');
    const again = await commandText(() => initCommand(dir, { git: false }));
    expect(again.stdout).not.toContain('fill in strategy/canvas/04-segments.md');
    expect(again.stdout).toContain('Next: `threadwork check` to see what the workspace lacks, or `threadwork deal new "Company" --segment <id> --goal <goal id>` with a segment of strategy/canvas/04-segments.md and a goal of goals/.');
  });
});

describe('init in an existing workspace', () => {
  /**
   * Run again to put back a deleted section, init also wrote its example goal next to the
   * person's goals and committed it: a goal of theirs from then on, in every goal state and
   * forecast. It restores the workspace's files but that example, and says it left it out.
   */
  it('puts back a deleted section and the guide, but not the example goal beside goals of yours', async () => {
    const dir = join(testdir(), 'acme-gtm');
    expect((await initJson(dir, { git: false })).code).toBe(0);
    writeFileSync(join(dir, 'goals/g-arr-2027.md'), readFileSync(join(dir, 'goals/g-first-customers.md'), 'utf8').replace(/^id: .*$/m, 'id: g-arr-2027'));
    rmSync(join(dir, 'goals/g-first-customers.md'));
    rmSync(join(dir, 'README.md'));
    rmSync(join(dir, 'strategy/canvas/15-gtm.md'));
    const again = await initJson<{ created: string[]; notes: string[] }>(dir, { git: false });
    expect(again.code).toBe(0);
    expect(again.json.created).toEqual(['README.md', 'strategy/canvas/15-gtm.md']);
    expect(existsSync(join(dir, 'goals/g-first-customers.md'))).toBe(false);
    expect(again.json.notes).toEqual(['the example goal goals/g-first-customers.md was not added: goals/ holds a goal of yours already']);
  });

  it('still scaffolds the example goal where goals/ holds none', async () => {
    const dir = testdir({ 'strategy/canvas/07-uvp.md': '---\nuvp: Ours\n---\nHand-written.\n' });
    const result = await initJson<{ created: string[]; notes: string[] }>(dir, { git: false });
    expect(result.json.created).toEqual(expect.arrayContaining(['goals/g-first-customers.md', 'threadwork.config.yaml']));
    expect(result.json.notes).toEqual([]);
  });

  /*
   * init run in a project's repository that keeps its own notes in goals/ (a roadmap, OKRs)
   * read each as a goal: its first check reported five schema errors a file. It refuses,
   * before git or any file is touched, naming the files; a goal of threadwork's written ahead
   * of init (`g-….md`, or front matter with an `id`) is no reason to.
   */
  it("refuses to scaffold over a goals/ folder of files that are not threadwork goals, and writes nothing", async () => {
    const dir = testdir({ 'README.md': '# Our project\n', 'goals/roadmap.md': '# Roadmap\n\n- ship the beta\n', 'goals/okrs.md': '---\ntitle: OKRs\n---\n\n- grow\n' });
    const refused = await runJson<{ error: { code: string; message: string; path: string; files: string[] } }>(['init', dir, '--company', 'Acme'], { env: gitEnv() });
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'goals-not-threadwork', path: 'goals', files: ['goals/okrs.md', 'goals/roadmap.md'] });
    expect(refused.json.error.message).toContain('goals/ already holds 2 files that are not threadwork goals (goals/okrs.md, goals/roadmap.md)');
    expect(existsSync(join(dir, 'threadwork.config.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'strategy'))).toBe(false);
    expect(existsSync(join(dir, '.git'))).toBe(false);

    const text = await runCli(['init', dir], { env: gitEnv() });
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^error: Refused: goals\/ already holds 2 files that are not threadwork goals .*Move them out of goals\//m);
    rmSync(join(dir, 'goals/okrs.md'));
    const one = await runCli(['init', dir], { env: gitEnv() });
    expect(one.stderr).toMatch(/^error: Refused: goals\/ already holds a file that is not a threadwork goal \(goals\/roadmap\.md\)\. .*Move it out of goals\//m);
  });

  it('scaffolds beside a goal of threadwork written ahead of init', async () => {
    const dir = testdir({ 'goals/first.md': GOAL });
    const result = await initJson<{ created: string[] }>(dir, { git: false });
    expect(result.code).toBe(0);
    expect(result.json.created).toContain('threadwork.config.yaml');
  });
});

/* The third review: init run in a workspace whose goal was deleted said "Workspace ready" while check found 5 errors. */
describe('init in a workspace with errors of its own', () => {
  it('prints them and the holds, and says the workspace is set up with errors, not ready', async () => {
    const dir = exampleWorkspaceCopy();
    rmSync(join(dir, 'goals/g-fintech-beachhead.md'));
    const out = await runCli(['init', dir], { env: gitEnv() });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('threads/sales/harbor-lending/meta.json:6:14 error Unknown goal `g-fintech-beachhead`');
    expect(out.stdout).toMatch(/warning Held: threads still name goal `g-fintech-beachhead`/);
    expect(out.stdout).toMatch(/Workspace set up in .*, with 5 errors above in files that were there: held, not committed, until fixed \(`threadwork check` lists them\)\./);
    expect(out.stdout).not.toContain('Workspace ready');
    // The goal's removal is held: HEAD keeps it.
    expect(execFileSync('git', ['ls-tree', '--name-only', 'HEAD', 'goals/'], { cwd: dir, encoding: 'utf8' })).toContain('goals/g-fintech-beachhead.md');
  });
});
