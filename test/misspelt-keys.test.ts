import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advanceCommand } from '../src/cli/commands/advance.js';
import { checkCommand } from '../src/cli/commands/check.js';
import { dealNewCommand } from '../src/cli/commands/deal.js';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandJson } from './helpers/in-process.js';

/**
 * A key typed one letter off (`outcom:` for `outcome:`) is a key threadwork does not read:
 * unknown keys are the person's own and never an error, so the won deal silently read as
 * open, with nothing said. `check` names the key meant, at the key as typed.
 */
interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
  field?: string;
}

const LEARNING = 'threads/sales/harbor-lending/6-learning.md';
const META = 'threads/sales/harbor-lending/meta.json';
const edit = (dir: string, path: string, change: (text: string) => string): void => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));

/*
 * Speed: a CLI process costs one to two seconds on the loaded two-core machine. What check
 * finds, the deal a test opens and advance's refusal as JSON come from the commands' own
 * functions (commandJson: what `… --json` prints) on the same pinned day; check's and sync's
 * printed lines and advance's refusal on stderr with exit 1 stay real CLI runs.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

const TODAY = '2026-11-20';

/** `threadwork check --no-cache --json` in `dir`, without a process. */
async function check(dir: string): Promise<Diagnostic[]> {
  vi.stubEnv('THREADWORK_TODAY', TODAY);
  const { json } = await commandJson<{ diagnostics: Diagnostic[] }>(() => checkCommand({ cache: false }, { dir, json: true }));
  return json.diagnostics;
}

describe('a misspelt key', () => {
  it('is reported at the key as typed, naming the key meant', async () => {
    const dir = exampleWorkspaceCopy();
    edit(dir, LEARNING, (text) => text.replace('outcome: closed-won', 'outcom: closed-won').replace('loss_reason: null', 'Loss-Reason: null'));
    const found = (await check(dir)).filter((d) => d.rule === 'key-misspelt');
    expect(found).toEqual([
      expect.objectContaining({ path: LEARNING, line: 2, column: 1, severity: 'warning', field: 'outcom', message: expect.stringMatching(/`outcom`.*`outcome`/) }),
      expect.objectContaining({ path: LEARNING, line: 7, column: 1, severity: 'warning', field: 'Loss-Reason', message: expect.stringMatching(/`Loss-Reason`.*`loss_reason`/) }),
    ]);
    const text = await runCli(['check', '--no-cache'], { cwd: dir, env: { THREADWORK_TODAY: '2026-11-20' } });
    expect(text.stdout).toContain(`${LEARNING}:2:1 warning Unknown key \`outcom\``);
    // The sync that reopens the deal because of it says why.
    const sync = await runCli(['sync', '--dry-run'], { cwd: dir, env: { THREADWORK_TODAY: '2026-11-20' } });
    expect(sync.stdout).toContain('threads/sales/harbor-lending status closed-won → open');
    expect(sync.stdout + sync.stderr).toContain(`${LEARNING}:2:1 warning Unknown key \`outcom\`: expected \`outcome\``);
  });

  it('inside a list item, beside the error that the key meant is missing', async () => {
    const dir = exampleWorkspaceCopy();
    edit(dir, LEARNING, (text) => text.replace('  - assumption: A3', '  - assumptoin: A3'));
    const diagnostics = await check(dir);
    expect(diagnostics).toContainEqual(expect.objectContaining({ path: LEARNING, rule: 'schema', field: 'validations[1].assumption' }));
    expect(diagnostics.filter((d) => d.rule === 'key-misspelt')).toEqual([
      expect.objectContaining({ path: LEARNING, line: 12, column: 5, field: 'validations[1].assumptoin', message: expect.stringMatching(/`assumptoin`.*`assumption`/) }),
    ]);
  });

  it('in meta.json', async () => {
    const dir = exampleWorkspaceCopy();
    edit(dir, META, (text) => text.replace('"goal_id"', '"goal-id"'));
    expect((await check(dir)).filter((d) => d.rule === 'key-misspelt')).toEqual([
      expect.objectContaining({ path: META, line: 6, column: 3, field: 'goal-id', message: expect.stringMatching(/`goal-id`.*`goal_id`/) }),
    ]);
  });

  it('is not a key of your own, nor one beside the key it looks like', async () => {
    const dir = exampleWorkspaceCopy();
    // `notes` is near no key; `outcomes` is near `outcome`, which is there: both are the person's own.
    edit(dir, LEARNING, (text) => text.replace('outcome: closed-won', 'outcome: closed-won\noutcomes: [renewal]\nnotes: call back in May'));
    expect(await check(dir)).toEqual([]);
  });

  // A segment's technologies are `filters.tech_stack`; the icp-generator skill once said
  // `technologies` (a deal's company key), and a segment written so passed check silently
  // while its ICP came out with `technographics.required: []`.
  it('is a segment filter written `technologies` for `tech_stack`', async () => {
    const dir = exampleWorkspaceCopy();
    const SEGMENTS = 'strategy/canvas/04-segments.md';
    edit(dir, SEGMENTS, (text) => text.replace('      tech_stack: [NetSuite, Stripe', '      technologies: [NetSuite, Stripe'));
    expect((await check(dir)).filter((d) => d.rule === 'key-misspelt')).toEqual([
      expect.objectContaining({ path: SEGMENTS, line: 14, column: 7, field: 'segments[0].filters.technologies', message: expect.stringMatching(/`technologies`.*`tech_stack`/) }),
    ]);
  });

  it('is named by advance when the key it meant is what the stage lacks', async () => {
    const dir = exampleWorkspaceCopy();
    const env = { THREADWORK_TODAY: '2026-11-20' };
    vi.stubEnv('THREADWORK_TODAY', TODAY);
    const opened = await commandJson(() => dealNewCommand('Quill Ledger', { segment: 'mid-market-fintech', source: 'inbound', contact: 'Ana Ruiz', signal: 'Asked for a demo', commit: true }, { dir, json: true }));
    expect(opened.code, JSON.stringify(opened.json)).toBe(0);
    const input = 'threads/sales/quill-ledger/1-input.md';
    edit(dir, input, (text) => text.replace(/^source: /m, 'sorce: '));
    const line = readFileSync(join(dir, input), 'utf8').split('\n').findIndex((l) => l.startsWith('sorce:')) + 1;
    const advance = await runCli(['advance', 'quill-ledger'], { cwd: dir, env });
    expect(advance.code).toBe(1);
    expect(advance.stderr).toContain(`  - source: where the deal came from (inbound, outbound, referral, campaign:{id}) — \`sorce\` at ${input}:${line}:1 looks like it: rename the key to \`source\``);
    const json = await commandJson<{ error: { missing: { field: string; misspelt?: { key: string; line: number; column: number } }[] } }>(() => advanceCommand('quill-ledger', { commit: true }, { dir, json: true }));
    expect(json.code).toBe(1);
    expect(json.json.error.missing).toEqual([{ field: 'source', hint: expect.any(String), misspelt: { key: 'sorce', line, column: 1 } }]);
  });
});

/**
 * A top-level key of the config is the workspace's own to add, so `confidance:` (its
 * settings ignored, the defaults used) and `compnay:` (the company name unread) were
 * silent, while a section's unknown key got config-unknown-key. One written almost as
 * a key threadwork reads is key-misspelt, as in front matter; any other stays yours.
 */
describe('a misspelt top-level key of the config', () => {
  it('is reported at the key, naming the key meant; a key of yours is not', async () => {
    const { openWorkspace } = await import('../src/api.js');
    const dir = exampleWorkspaceCopy();
    edit(dir, 'threadwork.config.yaml', (text) => text.replace(/^confidence:/m, 'confidance:').replace(/^company:/m, 'Compnay:').replace(/^git:/m, 'crm: hubspot\ngit:'));
    const found = (await (await openWorkspace(dir)).check({ cache: false })).diagnostics.filter((d) => d.path === 'threadwork.config.yaml');
    expect(found.filter((d) => d.rule !== 'strategy-input-missing').map((d) => `${d.line}:${d.column} ${d.rule} ${d.field} ${d.message}`)).toEqual([
      '3:1 key-misspelt Compnay Unknown key `Compnay`: expected `company` — threadwork reads `company` and ignores `Compnay` as a field of yours, so its value has no effect (a typo?)',
      '5:1 key-misspelt confidance Unknown key `confidance`: expected `confidence` — threadwork reads `confidence` and ignores `confidance` as a field of yours, so its value has no effect (a typo?)',
    ]);
  });
});
