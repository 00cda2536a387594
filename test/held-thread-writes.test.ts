import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';
import { md, writeFiles } from './helpers/testdir.js';

/**
 * A thread in error is held (docs/derivation.md): its values count as they were, and none
 * of its files are committed until it is fixed. A command that writes into such a thread
 * refuses, naming each error, rather than commit a file whose effects the derived files
 * would not show (a clone's sync would find them to write).
 */

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-12-01' };
const DEAL = 'threads/sales/meridian-pay';
const CAMPAIGN_ID = '2026-11-23-controller-outbound';
const CAMPAIGN = `threads/sales/campaigns/${CAMPAIGN_ID}`;

interface Failure {
  ok: false;
  error: { code: string; message: string; thread?: string; diagnostics?: { path: string; line: number; column: number; rule: string }[] };
}

const head = (dir: string): string => git(dir, 'rev-parse', 'HEAD').trim();
const at = (d: { path: string; line: number; column: number; rule: string }): string => `${d.path}:${d.line}:${d.column} ${d.rule}`;

function edit(dir: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(dir, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(dir, path), text.replace(from, to));
}

/** The example with a second campaign at Stage 5, committed: two prospects still in the sequence. */
function withCampaign(): string {
  const dir = exampleWorkspaceCopy();
  writeFiles(dir, {
    [`${CAMPAIGN}/meta.json`]: JSON.stringify({ id: CAMPAIGN_ID, type: 'sales-campaign', title: 'Controller outbound', segment: 'mid-market-fintech', source: 'outbound', created: '2026-11-23' }, null, 2) + '\n',
    [`${CAMPAIGN}/1-input.md`]: md('goal: Book meetings\nsegment: mid-market-fintech\ndate: 2026-11-23\ntarget_list: Controllers at US fintechs'),
    [`${CAMPAIGN}/2-hypothesis.md`]: md('tests: [A5]\ninitial_confidence: 0.4'),
    [`${CAMPAIGN}/3-implication.md`]: md('expected_meetings: 5\nresource_cost_hours: 10'),
    [`${CAMPAIGN}/4-decision.md`]: md('decision: LAUNCH\nreasoning: Worth a try'),
    [`${CAMPAIGN}/5-actions.md`]: md(
      'sequence:\n  preset: five-touch-cold\n  start: 2026-11-23\nprospects:\n  - {name: Dana Reyes, email: dana@northwind-pay.com, company: Northwind Pay, title: Controller, status: active}\n  - {name: Kim Park, email: kim@parkfin.com, company: Park Fin, title: Controller, status: active}',
    ),
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'campaign');
  return dir;
}

describe('a command writing into a thread in error', () => {
  it('advance refuses while another stage of the deal names an unknown assumption; once fixed it advances and commits the stage with its meta.json', async () => {
    const dir = exampleWorkspaceCopy();
    edit(dir, `${DEAL}/2-hypothesis.md`, 'tests: [A1, A5]', 'tests: [A1, A99]');
    const before = head(dir);
    const refused = await runJson<Failure>(['advance', DEAL, '--dir', dir], { env });
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('thread-in-error');
    expect(refused.json.error.thread).toBe(DEAL);
    expect(refused.json.error.diagnostics!.map(at)).toEqual([`${DEAL}/2-hypothesis.md:2:13 unknown-assumption`]);
    expect(refused.json.error.message).toMatch(new RegExp(`^Refused to write into ${DEAL}: it has an error, and a thread in error is held at its last valid version, none of its files committed, until it is fixed; nothing was written\\n  ${DEAL}/2-hypothesis\\.md:2:13 error Unknown assumption \`A99\``));
    expect(existsSync(join(dir, DEAL, '4-decision.md'))).toBe(false);
    expect(head(dir)).toBe(before);

    edit(dir, `${DEAL}/2-hypothesis.md`, 'tests: [A1, A99]', 'tests: [A1, A5]');
    const advanced = await runJson<{ created: string }>(['advance', DEAL, '--dir', dir], { env });
    expect(advanced.code, advanced.stderr).toBe(0);
    expect(JSON.parse(git(dir, 'show', `HEAD:${DEAL}/meta.json`)).stage).toBe(4);
  });

  it('campaign reply refuses while the campaign has a cross-file error: no record, the prospect unchanged, nothing committed', async () => {
    const dir = withCampaign();
    edit(dir, `${CAMPAIGN}/2-hypothesis.md`, 'tests: [A5]', 'tests: [A99]');
    const actions = readFileSync(join(dir, CAMPAIGN, '5-actions.md'), 'utf8');
    const before = head(dir);
    const refused = await runJson<Failure>(['campaign', 'reply', CAMPAIGN_ID, 'kim@parkfin.com', '--text', 'Not interested, thanks.', '--dir', dir], { env });
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('thread-in-error');
    expect(refused.json.error.diagnostics!.map(at)).toEqual([`${CAMPAIGN}/2-hypothesis.md:2:9 unknown-assumption`]);
    expect(existsSync(join(dir, CAMPAIGN, 'replies'))).toBe(false);
    expect(readFileSync(join(dir, CAMPAIGN, '5-actions.md'), 'utf8')).toBe(actions);
    expect(head(dir)).toBe(before);
  });

  it('campaign draft refuses while the campaign meta.json does not parse, naming its line and column', async () => {
    const dir = withCampaign();
    edit(dir, `${CAMPAIGN}/meta.json`, '"segment": "mid-market-fintech"', '"segment": "mid-market-fintech" "x"');
    const before = head(dir);
    const refused = await runJson<Failure>(['campaign', 'draft', CAMPAIGN_ID, '--dir', dir], { env });
    expect(refused.code).toBe(1);
    expect(refused.json.error.code).toBe('thread-in-error');
    expect(refused.json.error.diagnostics!.map((d) => `${d.path} ${d.rule}`)).toEqual([`${CAMPAIGN}/meta.json json-syntax`]);
    expect(existsSync(join(dir, CAMPAIGN, 'drafts'))).toBe(false);
    expect(head(dir)).toBe(before);
  });
});
