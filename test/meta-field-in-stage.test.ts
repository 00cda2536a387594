import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commandJson } from './helpers/in-process.js';

/**
 * A key of meta.json written at the top of a stage file (`status: closed-won` in a stage
 * file, `segment:` in a deal's 1-input.md) is read by nothing: unknown keys are the
 * person's own, so the deal stayed open, or in the segment meta.json names, with nothing
 * said. check and sync warn at the key, and name where the field is read or derived from.
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

const TODAY = '2026-11-20';
const ACTIONS = 'threads/sales/oakline-outfitters/5-actions.md';
const INPUT = 'threads/sales/fernway-home/1-input.md';
const CAMPAIGN_INPUT = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/1-input.md';
const edit = (dir: string, path: string, change: (text: string) => string): void => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));

async function warnings(dir: string): Promise<Diagnostic[]> {
  vi.stubEnv('THREADWORK_TODAY', TODAY);
  const { json } = await commandJson<{ diagnostics: Diagnostic[] }>(() => checkCommand({ cache: false }, { dir, json: true }));
  return json.diagnostics.filter((d) => d.rule === 'meta-field-in-stage');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a meta.json field written in a stage file', () => {
  it('is reported at the key, derived and identity fields each saying where they come from', async () => {
    const dir = exampleWorkspaceCopy();
    edit(dir, ACTIONS, (text) => text.replace('---\nactions:', '---\nstatus: closed-won\nstage: 6\nactions:'));
    edit(dir, INPUT, (text) => text.replace('source: inbound', 'source: inbound\nsegment: mid-market-fintech'));
    expect(await warnings(dir)).toEqual([
      expect.objectContaining({ path: INPUT, line: 3, column: 1, severity: 'warning', field: 'segment', message: expect.stringMatching(/^`segment` is not read here: a thread's `segment` is read from its meta\.json/) }),
      expect.objectContaining({ path: ACTIONS, line: 2, column: 1, field: 'status', message: expect.stringContaining('from `decision` in 4-decision.md and `outcome` in 6-learning.md') }),
      expect.objectContaining({ path: ACTIONS, line: 3, column: 1, field: 'stage', message: expect.stringContaining('from the highest stage file written') }),
    ]);
    // The deal stays open and at stage 5, and sync says why.
    const sync = await runCli(['sync'], { cwd: dir, env: { THREADWORK_TODAY: TODAY } });
    expect(sync.stdout + sync.stderr).toContain(`${ACTIONS}:2:1 warning \`status\` is not read here`);
    const meta = JSON.parse(readFileSync(join(dir, 'threads/sales/oakline-outfitters/meta.json'), 'utf8')) as { status: string; stage: number };
    expect(meta).toMatchObject({ status: 'open', stage: 5 });
  });

  it('is not reported where the stage reads the key itself', async () => {
    const dir = exampleWorkspaceCopy();
    // A campaign's 1-input.md reads `segment` and `goal_id`, a deal's reads `source`: the example has all three.
    expect(readFileSync(join(dir, CAMPAIGN_INPUT), 'utf8')).toMatch(/^segment: /m);
    expect(readFileSync(join(dir, INPUT), 'utf8')).toMatch(/^source: /m);
    expect(await warnings(dir)).toEqual([]);
  });

  it('is judged at the top of the front matter only: a `title` under `contact` is the contact\'s', async () => {
    const dir = exampleWorkspaceCopy();
    expect(readFileSync(join(dir, INPUT), 'utf8')).toMatch(/^contact:\n {2}name: .*\n {2}title: /m);
    edit(dir, 'threads/sales/keel-neobank/4-decision.md', (text) => text.replace('---\n', '---\ntitle: Keel decision\n'));
    expect(await warnings(dir)).toEqual([expect.objectContaining({ path: 'threads/sales/keel-neobank/4-decision.md', line: 2, field: 'title', message: expect.stringContaining("a thread's `title` is read from its meta.json") })]);
  });
});
