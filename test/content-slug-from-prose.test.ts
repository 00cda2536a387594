import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syncCommand } from '../src/cli/commands/sync.js';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { commandJsonAsCli, commandTextAsCli } from './helpers/in-process.js';
import { md, read } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

// Assumption statements and content topics are sentences people write, with slashes,
// ellipses and a leading "~" or "Q:" in them. The folder a validated assumption's proof
// thread (or a content opportunity's thread) is opened in is made from that sentence;
// refusing the sentence as if it were a path typed for a folder stopped the whole sync
// (`invalid-name`, nothing derived) or left the content thread silently unopened.
const assumptions = md(`title: Assumptions
assumptions:
  - id: A1
    statement: Roasters will pay €300/month for inventory forecasting
    prior: 0.6
  - id: A2
    statement: Owners wait... then buy after the second café opens
    prior: 0.6
  - id: A3
    statement: ~30% of roasters track green coffee in spreadsheets
    prior: 0.6
  - id: A4
    statement: "Q: do chains buy through the CFO?"
    prior: 0.6
  - id: A5
    statement: 焙煎業者は在庫管理に困っている
    prior: 0.6
`);

const learning = md(`outcome: closed-won
closed: 2026-05-01
arr: 12000
content_opportunity:
  topic: Pricing at €300/month vs. a yearly plan
  priority: high
validations:
${['A1', 'A2', 'A3', 'A4', 'A5'].map((id) => `  - {assumption: ${id}, result: validated, evidence: paid up front}`).join('\n')}`);

function wonDeal(): string {
  const dir = workspace({
    'threadwork.config.yaml': 'company: Testco\nconfidence:\n  min_results: 1\n  validated_threshold: 0.7\n',
    'strategy/canvas/10-assumptions.md': assumptions,
    'threads/sales/acme/meta.json': dealMeta('acme', { goal_id: 'g-first-customers' }),
    'threads/sales/acme/1-input.md': md('date: 2026-03-01'),
    'threads/sales/acme/2-hypothesis.md': md('tests: [A1, A2, A3, A4, A5]'),
    'threads/sales/acme/3-implication.md': md('arr_potential: 12000'),
    'threads/sales/acme/4-decision.md': md('decision: QUALIFY'),
    'threads/sales/acme/5-actions.md': md('actions: []'),
    'threads/sales/acme/6-learning.md': learning,
  });
  gitInit(dir);
  return dir;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('threads opened from prose', () => {
  it('opens a proof thread for a validated assumption whatever punctuation its statement has, and a content thread for a topic with a slash', async () => {
    const dir = wonDeal();
    const { code, json } = await runJson<{ ok: boolean; written: string[] }>(['sync', '--dir', dir]);
    expect(json.ok, JSON.stringify(json)).toBe(true);
    expect(code).toBe(0);
    for (const folder of [
      // Cut where a word ends, never inside one (`…-for-inventory-foreca`).
      'a1-roasters-will-pay-300-month-for-inventory',
      'a2-owners-wait-then-buy-after-the-second-cafe-opens',
      'a3-30-of-roasters-track-green-coffee-in',
      'a4-q-do-chains-buy-through-the-cfo',
      'a5',
      'pricing-at-300-month-vs-a-yearly-plan',
    ]) expect(existsSync(join(dir, 'threads/marketing', folder, '1-input.md')), `${folder} among ${readdirSync(join(dir, 'threads/marketing')).join(', ')}`).toBe(true);
    expect(read(dir, 'threads/marketing/a5/meta.json')).toContain('"title": "Proof: 焙煎業者は在庫管理に困っている"');
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toMatch(/\| A1 \| Roasters will pay €300\/month for inventory forecasting \| 0\.60 \| [\d.]+ \| validated \|/);

    const again = await runCli(['sync', '--dir', dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('in sync: nothing to write');
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  it('opens a content thread for a topic with no Latin letter, named after the deal that asked for it', async () => {
    const dir = wonDeal();
    const japanese = read(dir, 'threads/sales/acme/6-learning.md').replace('Pricing at €300/month vs. a yearly plan', '冷蔵チェーンの夜間監視');
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), japanese);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'Japanese topic');
    // sync's own function: the test above runs both of its syncs as processes.
    const { json } = await commandJsonAsCli<{ ok: boolean }>(() => syncCommand({ commit: true }, { dir, json: true }));
    expect(json.ok, JSON.stringify(json)).toBe(true);
    expect(read(dir, 'threads/marketing/acme-content/meta.json')).toContain('"title": "冷蔵チェーンの夜間監視"');
    expect(read(dir, 'threads/marketing/acme-content/1-input.md')).toContain('threads/sales/acme');
    const again = await commandTextAsCli(() => syncCommand({ commit: true }, { dir, json: false }));
    expect(again.stdout).toContain('in sync: nothing to write');
  });
});
