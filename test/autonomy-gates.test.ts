import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignApproveCommand, campaignDraftCommand, campaignReplyCommand } from '../src/cli/commands/campaign-outreach.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { runCli, runJson } from './helpers/cli.js';
import { commitCount, git, gitInit } from './helpers/git.js';
import { commandJson } from './helpers/in-process.js';
import { connectMcp } from './helpers/mcp.js';
import { preparedCopy } from './helpers/prepared.js';
import { read, testdir, writeFiles } from './helpers/testdir.js';
import { campaignFiles, workspace } from './helpers/workspace.js';

const CAMPAIGN = 'threads/sales/campaigns/2026-01-26-month-end';
const DRAFTS = `${CAMPAIGN}/drafts`;
const TODAY = { THREADWORK_TODAY: '2026-01-26' };

// Ada's company fits the segment (payments, 500 people, funding and hiring signals, verified
// email): ICP 0.98. Bob's company is a name only: ICP 0.22, under the 0.60 good threshold.
const ADA = `  - name: Ada Lovelace
    email: ada@analytical.example
    company: Analytical Payments
    title: Controller
    industry: payments
    employees: 500
    email_status: verified
    data_date: 2026-01-20
    signals: [{type: funding, detail: Series B}, hiring 5 analysts]`;
const BOB = '  - {name: Bob Marley, email: bob@island.example, company: Island Records}';
const CARA = `  - name: Cara Dune
    email: cara@mando.example
    company: Mando Lending
    industry: lending
    employees: 800
    email_status: verified
    data_date: 2026-01-20
    signals: [{type: expansion, detail: new Austin office}]`;

function campaign(prospects: string, config = 'company: Testco\n'): string {
  const dir = workspace({
    'threadwork.config.yaml': config,
    ...campaignFiles(CAMPAIGN, '2026-01-26', `sequence: {preset: five-touch-cold, start: 2026-01-26}\nprospects:\n${prospects}`),
  });
  gitInit(dir);
  return dir;
}

/*
 * Speed: a CLI process costs one to two seconds on the loaded two-core machine. Where a
 * test is about what approve refuses or writes, what check finds, what draft skips or what
 * reply records, it runs the commands' own functions (commandJson: the JSON and exit code
 * `… --json` prints), with THREADWORK_TODAY pinned where the CLI run had it. Each command
 * keeps real CLI runs: the draft each prepared campaign starts from and its printed text,
 * and approve's exit 0 where a test approves before what it checks; MCP is real.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

function inProcess<T>(command: () => Promise<{ json: unknown; exitCode: 0 | 1 }>, env: Record<string, string> = {}): ReturnType<typeof commandJson<T>> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return commandJson<T>(command);
}

/** `threadwork campaign approve <drafts…> --json --dir <dir>`, without a process. */
const approveJson = <T>(dir: string, drafts: string[]): ReturnType<typeof commandJson<T>> => inProcess<T>(() => campaignApproveCommand(drafts, { commit: true }, { dir, json: true }));

/** `threadwork check --json --dir <dir>`, without a process. */
const checkJson = <T>(dir: string, env: Record<string, string> = {}): ReturnType<typeof commandJson<T>> => inProcess<T>(() => checkCommand({}, { dir, json: true }), env);

/** `threadwork campaign draft 2026-01-26-month-end [--force] --json --dir <dir>` on TODAY, without a process. */
const draftJson = <T>(dir: string, flags: { force?: boolean } = {}): ReturnType<typeof commandJson<T>> =>
  inProcess<T>(() => campaignDraftCommand('2026-01-26-month-end', { ...flags, commit: true }, { dir, json: true }), TODAY);

/** `threadwork campaign reply 2026-01-26-month-end <email> --text … --date 2026-01-27 --json --dir <dir>`, without a process. */
const replyJson = <T>(dir: string, email: string, text: string): ReturnType<typeof commandJson<T>> =>
  inProcess<T>(() => campaignReplyCommand('2026-01-26-month-end', email, { text, date: '2026-01-27', commit: true }, { dir, json: true }));

async function drafted(dir: string): Promise<void> {
  const result = await runCli(['campaign', 'draft', '2026-01-26-month-end', '--dir', dir], { env: TODAY });
  expect(result.code, result.stderr).toBe(0);
}

/**
 * `campaign(prospects, config)` after a real `campaign draft`, as each test starts: built and
 * drafted once per file for each prospects/config pair, each test working on its own copy.
 */
function draftedCampaign(prospects: string, config?: string): Promise<string> {
  return preparedCopy(JSON.stringify([prospects, config]), async () => {
    const dir = campaign(prospects, config);
    await drafted(dir);
    return dir;
  });
}

const draft = (email: string, touch: number): string => `${DRAFTS}/${email.replace('@', '-at-').replace(/\./g, '-')}-touch-${touch}.md`;
const approveByHand = (dir: string, path: string): void => writeFiles(dir, { [path]: read(dir, path).replace(/^status: draft$/m, 'status: approved') });

interface CheckJson {
  diagnostics: { path: string; line: number; column: number; rule: string; severity: string; field?: string; message: string }[];
}
interface ErrorJson {
  ok: false;
  error: { code: string; message: string; failures?: { path: string; gate: string; message: string }[] };
}

describe('autonomy gate: ICP', () => {
  it('names the disqualifier that caps a company, not the fields to add, when one matches', async () => {
    const tiny = ADA.replace('ada@analytical.example', 'tim@tiny.example').replace('Ada Lovelace', 'Tim Tiny').replace('Analytical Payments', 'Tiny Payments').replace('employees: 500', 'employees: 12').replace('    email_status: verified\n', '');
    const dir = await draftedCampaign(tiny);
    const refused = await approveJson<ErrorJson>(dir, [draft('tim@tiny.example', 1)]);
    expect(refused.code).toBe(1);
    expect(refused.json.error.message).toMatch(/Tiny Payments scores 0\.30 \(poor\) against the mid-market-fintech ICP threshold 0\.60 \(its good band\); disqualified by "[^"]+" \(employees: 12\), which caps it at 0\.30: correct the prospect's employees in 5-actions\.md if that is wrong, or skip the draft/);
    expect(refused.json.error.message).not.toContain('add them to the prospect');
  });

  it('approves a draft to a company that fits, refuses one that scores under the segment threshold, and check errors on a hand approval', async () => {
    const dir = await draftedCampaign(`${ADA}\n${BOB}`);
    const ok = await approveJson<{ drafts: { path: string; action: string }[] }>(dir, [draft('ada@analytical.example', 1)]);
    expect(ok.code, JSON.stringify(ok.json)).toBe(0);
    expect(ok.json.drafts).toEqual([{ path: draft('ada@analytical.example', 1), action: 'approved' }]);
    expect(read(dir, draft('ada@analytical.example', 1))).toMatch(/^status: approved$/m);

    const before = read(dir, draft('bob@island.example', 1));
    const commits = commitCount(dir);
    const refused = await approveJson<ErrorJson>(dir, [draft('bob@island.example', 1)]);
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('gate-refused');
    expect(refused.json.error.failures).toEqual([expect.objectContaining({ path: draft('bob@island.example', 1), gate: 'icp' })]);
    expect(refused.json.error.message).toMatch(/Island Records scores 0\.22 \(poor\) against the mid-market-fintech ICP threshold 0\.60 \(its good band\); missing: industry, employees, revenue, signals, email_status, data_date \(add them to the prospect in 5-actions\.md\)/);
    // Named as the prospect's keys to write, not as the scorer's dimensions (fit.revenue, freshness.date).
    expect(refused.json.error.message).not.toMatch(/fit\.|intent\.|reachability\.|freshness\./);
    // Nothing was approved, so the refusal does not say "Approved although" as check does.
    expect(refused.json.error.message).toMatch(/^Not approved: 1 autonomy gate failure; nothing was written\n {2}\S+bob-at-island-example-touch-1\.md: icp gate: Island Records scores/);
    expect(refused.json.error.message).not.toMatch(/Approved/);
    expect(read(dir, draft('bob@island.example', 1))).toBe(before);
    expect(commitCount(dir)).toBe(commits);

    approveByHand(dir, draft('bob@island.example', 1));
    const check = await checkJson<CheckJson>(dir);
    expect(check.code).toBe(1);
    const errors = check.json.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ path: draft('bob@island.example', 1), line: 2, column: 9, rule: 'approved-below-icp', field: 'status' })]);
  });

  /*
   * Approving is all or nothing: `campaign approve drafts/*-touch-1.md` with one prospect
   * under the threshold was refused whole, and the message did not say the others passed.
   */
  it('says the other drafts named pass and how to approve them, when some fail', async () => {
    const dir = await draftedCampaign(`${ADA}\n${BOB}`);
    const refused = await approveJson<ErrorJson>(dir, [draft('ada@analytical.example', 1), draft('bob@island.example', 1)]);
    expect(refused.code).toBe(1);
    expect(refused.json.error.message).toMatch(/\nThe other draft named passes every gate: name it without the 1 above to approve it \(a draft that is not to be sent can be set to `status: skipped`\)\.$/);
    const alone = await approveJson<ErrorJson>(dir, [draft('bob@island.example', 1)]);
    expect(alone.json.error.message).not.toContain('The other');
  });

  it('commits the uncommitted prospect edit that let an approval pass with it, so HEAD holds no approval its own files refuse', async () => {
    const dir = await draftedCampaign(`${ADA}\n${BOB}`);
    const bob = draft('bob@island.example', 1);
    expect((await approveJson<ErrorJson>(dir, [bob])).code).toBe(1);
    // Bob's company filled in by hand, not committed: the approval now passes.
    const actions = `${CAMPAIGN}/5-actions.md`;
    writeFiles(dir, { [actions]: read(dir, actions).replace(BOB, BOB.replace('company: Island Records}', 'company: Island Records, industry: payments, employees: 500, email_status: verified, data_date: 2026-01-20, signals: [{type: funding, detail: Series B}]}')) });
    const ok = await approveJson<{ commit: { paths: string[] } }>(dir, [bob]);
    expect(ok.code, JSON.stringify(ok.json)).toBe(0);
    expect(ok.json.commit.paths).toEqual(expect.arrayContaining([bob, actions]));
    expect(git(dir, 'status', '--porcelain', '--', actions)).toBe('');
  });

  it('follows autonomy.icp_min_score in the config', async () => {
    const dir = await draftedCampaign(ADA, 'company: Testco\nautonomy:\n  icp_min_score: 0.99\n');
    const refused = await approveJson<ErrorJson>(dir, [draft('ada@analytical.example', 1)]);
    expect(refused.json.error.message).toMatch(/Analytical Payments scores 0\.98 \(strong\) against the minimum 0\.99 \(autonomy\.icp_min_score\)/);
  });

  it('shows a score just under the minimum with the decimal that puts it under, and the minimum as written', async () => {
    // By hand (docs/scoring.md): fit 1 (payments, 500 people), intent 0.90 + 0.05 (funding
    // and hiring), reachability 1 (verified), freshness 1 − 6/90 (data 2026-01-20, touch 1 on
    // 2026-01-26): 0.35 + 0.3325 + 0.2 + 0.09333 = 0.97583 → 0.976, under a minimum of 0.977.
    // To two decimals both read 0.98: "scores 0.98 against the minimum 0.98".
    const dir = await draftedCampaign(ADA, 'company: Testco\nautonomy:\n  icp_min_score: 0.977\n');
    const refused = await approveJson<ErrorJson>(dir, [draft('ada@analytical.example', 1)]);
    expect(refused.json.error.message).toContain('Analytical Payments scores 0.976 (strong) against the minimum 0.977 (autonomy.icp_min_score)');
  });
});

describe('autonomy gate: quality', () => {
  // A minimum with three decimals read at two: "its quality score 0.45 … is under the minimum 0.45".
  it('names a minimum with more than two decimals as written, so the score reads under it', async () => {
    const weak = (dir: string, path: string): void => writeFiles(dir, { [path]: read(dir, path).replace(/\n---\n[\s\S]*$/, '\n---\n\nHello {{first_name}}, we sell things.\n') });
    const probe = await draftedCampaign(ADA);
    const path = draft('ada@analytical.example', 2);
    weak(probe, path);
    const first = await approveJson<ErrorJson>(probe, [path]);
    const score = Number(/its quality score (0\.\d\d)/.exec(first.json.error.message)?.[1]);
    expect(score).toBeGreaterThan(0);
    const minimum = Number((score + 0.004).toFixed(3));
    const dir = await draftedCampaign(ADA, `company: Testco\nautonomy:\n  min_quality_score: ${minimum}\n`);
    weak(dir, path);
    const refused = await approveJson<ErrorJson>(dir, [path]);
    expect(refused.json.error.message).toContain(`is under the minimum ${minimum} (autonomy.min_quality_score)`);
  });

  it('refuses a draft under the minimum quality score, with its score and issues', async () => {
    const dir = await draftedCampaign(ADA);
    const path = draft('ada@analytical.example', 1);
    writeFiles(dir, { [path]: read(dir, path).replace(/\n---\n[\s\S]*$/, '\n---\n\nHello {{first_name}}, we sell things.\n') });
    const refused = await approveJson<ErrorJson>(dir, [path]);
    expect(refused.json.error.code).toBe('gate-refused');
    expect(refused.json.error.failures?.map((f) => f.gate)).toEqual(['quality']);
    expect(refused.json.error.message).toMatch(/quality gate: its quality score 0\.\d\d \(grade [DF]\) is under the minimum 0\.80 \(autonomy\.min_quality_score\)/);
    // The issues are sentences: listed one after another, never as "to them.; 4 words".
    expect(refused.json.error.message).not.toMatch(/[.?!];/);
    approveByHand(dir, path);
    const check = await checkJson<CheckJson>(dir);
    expect(check.json.diagnostics).toContainEqual(expect.objectContaining({ path, rule: 'approved-below-quality', severity: 'error', line: 2 }));
    for (const d of check.json.diagnostics.filter((d) => d.path === path)) expect(d.message).not.toMatch(/[.?!];/);
  });
});

/*
 * The fourth review: an approved draft edited below the quality gate was an error to check
 * and a valid source to sync, which said "✓ in sync" and told the person to commit it.
 */
describe('an approved draft below its gate, in sync', () => {
  it('is a file in error: sync exits 1, names it, and neither commits it nor advises committing it', async () => {
    const dir = await draftedCampaign(ADA);
    const path = draft('ada@analytical.example', 2);
    approveByHand(dir, path);
    writeFiles(dir, { [path]: read(dir, path).replace(/\n---\n[\s\S]*$/, '\n---\n\nHello {{first_name}}, we sell things.\n') });
    const commits = commitCount(dir);
    const synced = await runCli(['sync', '--dir', dir], { env: TODAY });
    expect(synced.code, synced.stdout).toBe(1);
    expect(synced.stdout).toMatch(new RegExp(`${path.replace(/[.]/g, '\\.')}:2:\\d+ error Approved although its quality score`));
    expect(synced.stdout).toMatch(/1 source file in error is not committed: .*touch-2\.md; fix the error above/);
    expect(synced.stdout).not.toMatch(/commit (it|them) with `git add`/);
    expect(commitCount(dir)).toBe(commits);
    expect(git(dir, 'status', '--porcelain', '--', path)).toBe(` M ${path}\n`);
  });
});

/*
 * The fourth review: with 5-actions.md in error (an unsubscribe and a broken address, or a
 * file saved half-way), `campaign draft` kept every draft and exited 0 — drafted from the
 * prospects HEAD lists, the unsubscribe not in them — and approve and reply answered with
 * the gate's or the stage's words, not the file to fix.
 */
describe('a campaign whose 5-actions.md is in error', () => {
  it('draft, approve and reply refuse it as a thread in error, naming the file, and write nothing', async () => {
    const dir = await draftedCampaign(ADA);
    const actions = `${CAMPAIGN}/5-actions.md`;
    const text = read(dir, actions);
    writeFiles(dir, { [actions]: text.slice(0, Math.floor(text.length * 0.6)) });
    const commits = commitCount(dir);
    for (const answer of [await draftJson<ErrorJson>(dir), await approveJson<ErrorJson>(dir, [draft('ada@analytical.example', 1)]), await replyJson<ErrorJson>(dir, 'ada@analytical.example', 'Sounds good, let us talk')]) {
      expect(answer.code, JSON.stringify(answer.json)).toBe(1);
      expect(answer.json.error.code).toBe('thread-in-error');
      expect(answer.json.error.message).toContain(`Refused to write into ${CAMPAIGN}`);
      expect(answer.json.error.message).toContain(`${actions}:`);
    }
    expect(commitCount(dir)).toBe(commits);
    expect(git(dir, 'status', '--porcelain')).toBe(` M ${actions}\n`);
  });
});

/* The fourth review: a sent draft deleted by hand was drafted again, and its commit turned HEAD's `status: sent` into `status: draft`. */
describe('a sent draft deleted from disk', () => {
  it('is still sent: campaign draft does not make it again, and HEAD keeps its record', async () => {
    const dir = await draftedCampaign(ADA);
    const first = draft('ada@analytical.example', 1);
    writeFiles(dir, { [first]: read(dir, first).replace(/^status: draft$/m, 'status: sent') });
    git(dir, 'commit', '-q', '-am', 'Ada: touch 1 sent');
    rmSync(join(dir, first));
    const again = await draftJson<{ drafts: { path: string; prospect: string; touch: number; action: string }[] }>(dir);
    expect(again.code, JSON.stringify(again.json)).toBe(0);
    expect(again.json.drafts.find((d) => d.touch === 1)).toMatchObject({ path: first, action: 'already-sent' });
    expect(existsSync(join(dir, first))).toBe(false);
    expect(git(dir, 'show', `HEAD:${first}`)).toMatch(/^status: sent$/m);
  });

  it('is not listed as due again: due reads HEAD\'s record as campaign draft does, and asks git only when a touch it lists has no draft on disk', async () => {
    const dir = await draftedCampaign(ADA);
    const first = draft('ada@analytical.example', 1);
    writeFiles(dir, { [first]: read(dir, first).replace(/^status: draft$/m, 'status: sent') });
    git(dir, 'commit', '-q', '-am', 'Ada: touch 1 sent');
    // git's own trace of the commands threadwork runs: which of them read HEAD's drafts.
    const trace = join(testdir(), 'git-trace');
    const due = async (date: string): Promise<{ touch: number; prospect: { email: string } }[]> => {
      const result = await runJson<{ due: { touch: number; prospect: { email: string } }[] }>(['due', '--date', date, '--dir', dir], { env: { GIT_TRACE: trace } });
      expect(result.code, result.stderr).toBe(0);
      return result.json.due;
    };
    const headReads = (): string[] => (existsSync(trace) ? readFileSync(trace, 'utf8') : '').split('\n').filter((line) => /trace: (built-in|exec): git (ls-tree|cat-file)/.test(line));
    // Touch 2 is due on day 3, its draft on disk: git is not asked about HEAD.
    expect((await due('2026-01-29')).map((d) => d.touch)).toEqual([2]);
    expect(headReads()).toEqual([]);
    rmSync(join(dir, first));
    expect(await due('2026-01-26')).toEqual([]);
    expect((await due('2026-01-29')).map((d) => d.touch)).toEqual([2]);
    expect(headReads().length).toBeGreaterThan(0);
  });
});

describe('autonomy gate: daily caps per sender', () => {
  it('refuses the touch past the cap for the same sender and day; send_on or another sender makes room', async () => {
    // On the campaign's first day: a touch whose day has passed unsent counts under today's cap (daily-cap-overdue.test.ts).
    vi.stubEnv('THREADWORK_TODAY', TODAY.THREADWORK_TODAY);
    const dir = await draftedCampaign(`${ADA}\n${CARA}`, 'company: Testco\nautonomy:\n  daily_caps: {email: 1}\n');
    // The caps are the subject, not the process: approved in process (a real CLI approve exits 0 in the positive-reply test below).
    expect((await approveJson(dir, [draft('ada@analytical.example', 1)])).code).toBe(0);
    const cara = draft('cara@mando.example', 1);
    const refused = await approveJson<ErrorJson>(dir, [cara]);
    expect(refused.json.error.failures?.map((f) => f.gate)).toEqual(['daily-cap']);
    expect(refused.json.error.message).toMatch(/daily-cap gate: it would be email touch 2 of 2 from \(default sender\) on 2026-01-26, over the cap of 1 per sender per day/);

    // An agent is pointed at the tool that spreads them, in the message and in each failure; the CLI at the command.
    expect(refused.json.error.failures?.[0]?.message).toContain('(`threadwork due` spreads them)');
    const mcp = await connectMcp(dir, TODAY);
    const answer = await mcp.call<ErrorJson>('approve_draft', { drafts: [cara] });
    expect(answer.data.error.code).toBe('gate-refused');
    expect(answer.data.error.failures?.[0]?.message).toContain('(the `due_touches` tool spreads them)');
    expect(answer.data.error.message).toContain('(the `due_touches` tool spreads them)');
    expect(answer.text).not.toContain('`threadwork ');
    await mcp.client.close();

    writeFiles(dir, { [cara]: read(dir, cara).replace(/^touch: 1$/m, 'touch: 1\nsend_on: 2026-01-27') });
    expect((await approveJson(dir, [cara])).code).toBe(0);

    // A second sender has a cap of its own.
    const ada2 = draft('ada@analytical.example', 2);
    writeFiles(dir, { [ada2]: read(dir, ada2).replace(/^touch: 2$/m, 'touch: 2\nsend_on: 2026-01-27\nsender: sdr2@testco.example') });
    expect((await approveJson(dir, [ada2])).code).toBe(0);

    // Approved by hand past the cap: check names the later one in path order.
    const ada3 = draft('ada@analytical.example', 3);
    writeFiles(dir, { [ada3]: read(dir, ada3).replace(/^touch: 3$/m, 'touch: 3\nsend_on: 2026-01-27') });
    approveByHand(dir, ada3);
    const check = await checkJson<CheckJson>(dir);
    const capErrors = check.json.diagnostics.filter((d) => d.rule === 'approved-over-cap');
    expect(capErrors.map((d) => d.path)).toEqual([cara]);
    expect(capErrors[0]!.message).toMatch(/touch 2 of 2 from \(default sender\) on 2026-01-27/);
  });
});

describe('autonomy gate: a daily cap of 0', () => {
  // It told the person to set `send_on:` to a later day, as `threadwork due` spreads them: no day has room under a cap of 0.
  it('refuses every touch of the channel and points at the cap, not at a later day', async () => {
    const dir = await draftedCampaign(ADA, 'company: Testco\nautonomy:\n  daily_caps: {email: 0}\n');
    const refused = await approveJson<ErrorJson>(dir, [draft('ada@analytical.example', 1)]);
    expect(refused.json.error.failures?.map((f) => f.gate)).toEqual(['daily-cap']);
    expect(refused.json.error.failures?.[0]?.message).toContain('over the cap of 0 per sender per day (autonomy.daily_caps.email): no day takes one until the cap is raised (null for no cap)');
    expect(refused.json.error.message).not.toContain('send_on');
  });
});

describe('draft fields for the caps', () => {
  it('a send_on that is not a date is an error at its line, and such a draft is not approved', async () => {
    const dir = await draftedCampaign(ADA);
    const path = draft('ada@analytical.example', 1);
    writeFiles(dir, { [path]: read(dir, path).replace(/^touch: 1$/m, 'touch: 1\nsend_on: next tuesday') });
    const check = await checkJson<CheckJson>(dir);
    expect(check.json.diagnostics).toContainEqual(expect.objectContaining({ path, severity: 'error', line: 10, field: 'send_on' }));
    const refused = await approveJson<ErrorJson>(dir, [path]);
    expect(refused.json.error, JSON.stringify(refused.json)).toMatchObject({ code: 'not-a-draft' });
  });
});

describe('approving a campaign folder instead of its drafts', () => {
  it('says it is a thread folder and names the drafts waiting, not "no such file"', async () => {
    const dir = await draftedCampaign(`${ADA}\n${BOB}`);
    const refused = await approveJson<ErrorJson>(dir, [CAMPAIGN]);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'not-a-draft' });
    expect(refused.json.error.message).toContain(`${CAMPAIGN} is a thread folder, not a draft: name the drafts to approve — its drafts waiting: ${draft('ada@analytical.example', 1)}`);
    expect(refused.json.error.message).not.toContain('no such file');
  });

  // `campaign approve 2026-01-26-month-end` (the id, as campaign draft takes it) said "(no such file)".
  it('named by its bare id, as campaign draft takes it, is answered the same', async () => {
    const dir = await draftedCampaign(`${ADA}\n${BOB}`);
    const refused = await runJson<ErrorJson>(['campaign', 'approve', '2026-01-26-month-end', '--dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'not-a-draft' });
    expect(refused.json.error.message).toContain(`${CAMPAIGN} is a thread folder, not a draft: name the drafts to approve — its drafts waiting: ${draft('ada@analytical.example', 1)}`);
  });

  it('says any other folder is a folder, expected a draft file, and names the drafts waiting under it', async () => {
    const dir = await draftedCampaign(`${ADA}\n${BOB}`);
    const refused = await approveJson<ErrorJson>(dir, ['threads']);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'not-a-draft' });
    expect(refused.json.error.message).toContain(`threads is a folder, not a draft file: name draft files (threads/sales/campaigns/{id}/drafts/*.md) — its drafts waiting: ${draft('ada@analytical.example', 1)}`);
    expect(refused.json.error.message).not.toContain('no such file');
    const drafts = await approveJson<ErrorJson>(dir, [DRAFTS]);
    expect(drafts.json.error.message).toContain(`${DRAFTS} is a folder, not a draft file`);
    const missing = await approveJson<ErrorJson>(dir, [`${DRAFTS}/nobody-touch-1.md`]);
    expect(missing.json.error.message).toContain(`${DRAFTS}/nobody-touch-1.md (no such file)`);
  });
});

describe('approving a path outside the workspace', () => {
  it('refuses it naming the path as typed, not a ../../ path the user never wrote', async () => {
    const dir = await draftedCampaign(ADA);
    const refused = await approveJson<ErrorJson & { error: { path?: string } }>(dir, ['/etc/passwd']);
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'path-refused', path: '/etc/passwd' });
    expect(refused.json.error.message).toMatch(/^Refused path "\/etc\/passwd": it is outside the workspace /);
    expect(refused.json.error.message).not.toContain('../');
  });
});

describe('MCP approve_draft', () => {
  it('refuses a draft that fails a gate and writes nothing; approves one that passes', async () => {
    const dir = await draftedCampaign(`${ADA}\n${BOB}`);
    const mcp = await connectMcp(dir);
    const bob = draft('bob@island.example', 1);
    const before = read(dir, bob);
    const refused = await mcp.call('approve_draft', { drafts: [bob] });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/icp gate: Island Records scores 0\.22/);
    expect(refused.text).not.toMatch(/Approved/);
    expect(read(dir, bob)).toBe(before);
    const done = await mcp.ok<{ result: { drafts: { action: string }[] }; commit: { committed: boolean } }>('approve_draft', { drafts: [draft('ada@analytical.example', 1)] });
    expect(done.result.drafts).toEqual([{ path: draft('ada@analytical.example', 1), action: 'approved' }]);
    expect(done.commit.committed).toBe(true);
  });

  // The review: a draft named with a trailing `/` (a folder's spelling) was approved, where every other path argument refuses what is not what it names.
  it('refuses a draft path ending in a slash as path-refused, naming it as given, and approves nothing', async () => {
    const dir = await draftedCampaign(ADA);
    const mcp = await connectMcp(dir);
    const path = draft('ada@analytical.example', 1);
    const before = read(dir, path);
    const commits = git(dir, 'rev-parse', 'HEAD');
    const refused = await mcp.call<ErrorJson & { error: { path?: string } }>('approve_draft', { drafts: [`${path}/`] });
    expect(refused.isError, refused.text).toBe(true);
    expect(refused.data.error).toMatchObject({ code: 'path-refused', path: `${path}/` });
    expect(refused.data.error.message).toMatch(/ends in a slash/);
    expect(read(dir, path)).toBe(before);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(commits);
  });

  // The outreach skill named drafts `<campaign>/drafts/<file>.md`; approve refused that
  // (not-a-draft) while `campaign draft` and `campaign reply` take the campaign by its id.
  it('takes a draft named by its campaign id, `<id>/drafts/<file>.md`, as the workspace path', async () => {
    const dir = await draftedCampaign(ADA);
    const mcp = await connectMcp(dir);
    const full = draft('ada@analytical.example', 1);
    const short = full.slice('threads/sales/campaigns/'.length);
    const done = await mcp.ok<{ result: { drafts: { path: string; action: string }[] } }>('approve_draft', { drafts: [short] });
    expect(done.result.drafts).toEqual([{ path: full, action: 'approved' }]);
    expect(read(dir, full)).toMatch(/^status: approved$/m);
  });
});

describe('who may still be contacted: approval follows the suppression list and the sequence, as due does', () => {
  const SUPPRESSION = 'threads/sales/campaigns/suppression.yaml';
  const ada = (touch: number): string => draft('ada@analytical.example', touch);
  const reply = (dir: string, email: string, text: string) => replyJson<{ status: { after: string } }>(dir, email, text);
  interface Drafted {
    drafts: { path: string; prospect: string }[];
    skipped: { prospect: string; kind: string; reason: string }[];
  }

  it('refuses a draft to an address on the suppression list, and check errors on one approved by hand', async () => {
    const dir = await draftedCampaign(ADA);
    writeFiles(dir, { [SUPPRESSION]: 'suppressed:\n  - {email: Ada@Analytical.example, reason: asked, date: 2026-01-26}\n' });
    const before = read(dir, ada(3));
    const refused = await approveJson<ErrorJson>(dir, [ada(3)]);
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('gate-refused');
    expect(refused.json.error.failures).toEqual([expect.objectContaining({ path: ada(3), gate: 'do-not-contact', rule: 'approved-do-not-contact' })]);
    expect(refused.json.error.message).toMatch(/do-not-contact gate: ada@analytical\.example is on the suppression list: nothing may be sent to this address/);
    expect(read(dir, ada(3))).toBe(before);

    approveByHand(dir, ada(3));
    const check = await checkJson<CheckJson>(dir);
    expect(check.code).toBe(1);
    expect(check.json.diagnostics).toContainEqual(expect.objectContaining({ path: ada(3), line: 2, column: 9, severity: 'error', rule: 'approved-do-not-contact', field: 'status' }));
  });

  it('a prospect who asked to be removed gets no approval and no new draft, and the draft command says why', async () => {
    const dir = await draftedCampaign(ADA);
    const removed = await reply(dir, 'ada@analytical.example', 'Please remove me from your list.');
    expect(removed.json.status.after).toBe('unsubscribed');
    const refused = await approveJson<ErrorJson>(dir, [ada(2)]);
    expect(refused.json.error.failures?.map((f) => f.gate)).toEqual(['do-not-contact']);

    const again = await draftJson<Drafted>(dir, { force: true });
    expect(again.code, JSON.stringify(again.json)).toBe(0);
    expect(again.json.drafts).toEqual([]);
    expect(again.json.skipped).toEqual([{ prospect: 'ada@analytical.example', kind: 'do-not-contact', reason: 'ada@analytical.example is on the suppression list' }]);
    const text = await runCli(['campaign', 'draft', '2026-01-26-month-end', '--dir', dir], { env: TODAY });
    expect(text.stdout).toContain('skipped ada@analytical.example is on the suppression list: no draft');
  });

  it('refuses every approval while the suppression list is invalid: it never fails open', async () => {
    const dir = await draftedCampaign(ADA);
    writeFiles(dir, { [SUPPRESSION]: 'suppressed:\n  - email: someone@else.example\n    reason: asked\n    reason: twice\n    date: 2026-01-20\n' });
    const refused = await approveJson<ErrorJson>(dir, [ada(1)]);
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('suppression-invalid');
    expect(read(dir, ada(1))).toMatch(/^status: draft$/m);
  });

  it('after a positive reply: no draft and no approval for the rest of the sequence; check warns about a touch approved before the reply', async () => {
    const dir = await draftedCampaign(`${ADA}\n${CARA}`);
    expect((await runCli(['campaign', 'approve', ada(1), '--dir', dir])).code).toBe(0);
    const replied = await replyJson<{ status: { after: string }; withdrawn: string[] }>(dir, 'ada@analytical.example', "Yes, let's talk on Tuesday.");
    expect(replied.json.status.after).toBe('replied');
    // The reply withdraws the touch approved before it; set back to approved by hand, check warns of it.
    expect(replied.json.withdrawn).toEqual([ada(1)]);
    expect(read(dir, ada(1))).toMatch(/^status: skipped$/m);
    writeFiles(dir, { [ada(1)]: read(dir, ada(1)).replace(/^status: skipped$/m, 'status: approved') });

    const refused = await approveJson<ErrorJson>(dir, [ada(2)]);
    expect(refused.json.error.failures).toEqual([expect.objectContaining({ path: ada(2), gate: 'sequence-stopped', rule: 'approved-sequence-stopped' })]);
    expect(refused.json.error.message).toMatch(/ada@analytical\.example replied \(status replied\): the sequence has stopped/);

    const check = await checkJson<CheckJson>(dir);
    expect(check.json.diagnostics).toContainEqual(expect.objectContaining({ path: ada(1), severity: 'warning', rule: 'approved-sequence-stopped', line: 2 }));

    const again = await draftJson<Drafted>(dir, { force: true });
    expect(again.code, JSON.stringify(again.json)).toBe(0);
    expect(again.json.skipped).toEqual([{ prospect: 'ada@analytical.example', kind: 'sequence-stopped', reason: 'ada@analytical.example replied (status replied)' }]);
    expect(new Set(again.json.drafts.map((d) => d.prospect))).toEqual(new Set(['cara@mando.example']));
  });

  it('a closed campaign drafts and approves nothing more', async () => {
    const dir = await draftedCampaign(ADA);
    // Closed today: a close date still to come is an error (date-in-future) that holds the campaign.
    writeFiles(dir, { [`${CAMPAIGN}/6-learning.md`]: '---\nclosed: 2026-01-26\n---\n\nDone.\n' });
    const draftAgain = await draftJson<Drafted>(dir, { force: true });
    expect(draftAgain.code, JSON.stringify(draftAgain.json)).toBe(0);
    expect(draftAgain.json.drafts).toEqual([]);
    expect(draftAgain.json.skipped).toEqual([{ prospect: 'ada@analytical.example', kind: 'sequence-stopped', reason: 'ada@analytical.example is in a campaign that closed on 2026-01-26 (6-learning.md)' }]);
    const refused = await approveJson<ErrorJson>(dir, [ada(1)]);
    expect(refused.json.error.failures?.map((f) => f.gate)).toEqual(['sequence-stopped']);
    expect(refused.json.error.message).toMatch(/ada@analytical\.example is in a campaign that closed on 2026-01-26/);
  });
});

/**
 * A key under `autonomy.daily_caps` that is no channel — `linkedn: 30`, a typo for
 * `linkedin` — was ignored without a word: the cap the person meant to set stayed at its
 * default (30 LinkedIn touches a day, or 200 emails), and `due` spread nothing by it.
 * Unknown keys in a section of the config threadwork defines are now a warning at the
 * key, naming it and the keys that section has; the settings stay in force.
 */
describe('an unknown key in a config section', () => {
  it('is a warning at its line naming the key and the known ones; the config still holds', async () => {
    const dir = workspace({ 'threadwork.config.yaml': 'company: Testco\nmy_notes: kept as it is\nautonomy:\n  min_quality_score: 0.8\n  daily_caps:\n    email: 50\n    linkedn: 30\nforecast:\n  drawz: 500\n' });
    const { code, json } = await checkJson<{ diagnostics: { path: string; line: number; severity: string; rule: string; message: string; field?: string }[] }>(dir);
    expect(code).toBe(0);
    expect(json.diagnostics.map((d) => `${d.path}:${d.line} ${d.severity} ${d.rule} ${d.field} ${d.message}`)).toEqual([
      'threadwork.config.yaml:7 warning config-unknown-key autonomy.daily_caps.linkedn Unknown key `linkedn` in `autonomy.daily_caps`: expected one of email, linkedin, call — it is ignored, so its setting has no effect (a typo?)',
      'threadwork.config.yaml:9 warning config-unknown-key forecast.drawz Unknown key `drawz` in `forecast`: expected one of draws, seed, prior_strength, cycle_days, cycle_prior_strength — it is ignored, so its setting has no effect (a typo?)',
    ]);
  });
});

/**
 * A prospect's company facts feed the ICP gate, but were not read as values: `employees:
 * 1,800` (text to YAML) was dropped as no head count, and a `data_date` that is no date
 * (`last week`) as no date — the company scored lower and a draft could be refused by
 * the gate with nothing said about the value. They are now held to the schema a deal's
 * Stage 1 company is, with the same messages.
 */
describe("a prospect's company facts", () => {
  it('are errors at the value when they are not what the gate reads', async () => {
    const dir = campaign(`${ADA.replace('employees: 500', 'employees: 1,800').replace('data_date: 2026-01-20', 'data_date: last week')}`);
    const { json } = await checkJson<CheckJson>(dir, TODAY);
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line} ${d.message}`)).toEqual([
      `${CAMPAIGN}/5-actions.md:9 Invalid \`prospects[0].employees\`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ — write 1,800 as 1800 (got "1,800")`,
      `${CAMPAIGN}/5-actions.md:11 Invalid \`prospects[0].data_date\`: expected a date such as 2026-03-01 (got "last week")`,
    ]);
  });
});
