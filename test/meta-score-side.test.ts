import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/**
 * meta.json held a deal's scores to two decimals while every bar compares the exact score:
 * an ICP composite of 0.599 was written `icp_match_score: 0.6`, beside a `good` band (and an
 * autonomy gate) of 0.60 it fails, and a BANT total of 0.696 read 0.7 beside the 0.70
 * qualification threshold check says it is below. A score keeps the decimals that put it
 * on its side of the bars it is judged by, as `score` and check print it.
 */
const SEGMENTS = md('title: Segments\nsegments:\n  - id: mid-market-fintech\n    name: Mid-market fintech\n    filters:\n      tech_stack: [NetSuite, Stripe, Adyen]\n');

function meta(dir: string, thread: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, thread, 'meta.json'), 'utf8')) as Record<string, unknown>;
}

describe("a deal's meta.json scores stay on their side of the bars they are judged by", () => {
  it('writes an ICP match of 0.599 as 0.599, under the good band of 0.60, and 0.7-ish scores clear of a bar to two decimals', async () => {
    // By hand (docs/scoring.md): Fit = technologies alone, 1 of 3 = 0.3333; Intent = hiring
    // 0.75; Reachability = catch-all 0.6; Freshness = dated the day it is measured, 1.
    // 0.35·0.3333 + 0.35·0.75 + 0.2·0.6 + 0.1·1 = 0.1167 + 0.2625 + 0.12 + 0.1 = 0.599.
    const input = (technologies: string) => md(`source: inbound\ndate: 2026-03-01\nsignal: Hiring a financial controller\ncontact:\n  name: Ana Ruiz\n  title: Controller\n  email: ana@halfway.com\n  email_status: catch-all\ncompany:\n  name: Halfway\n  technologies: [${technologies}]`);
    const dir = workspace({
      'strategy/canvas/04-segments.md': SEGMENTS,
      'threads/sales/under/meta.json': dealMeta('under'),
      'threads/sales/under/1-input.md': input('NetSuite'),
      // 2 of 3: 0.35·0.6667 + 0.2625 + 0.12 + 0.1 = 0.716 → 0.72, no bar between.
      'threads/sales/clear/meta.json': dealMeta('clear'),
      'threads/sales/clear/1-input.md': input('NetSuite, Stripe'),
    });
    gitInit(dir);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(meta(dir, 'threads/sales/under').icp_match_score).toBe(0.599);
    expect(meta(dir, 'threads/sales/clear').icp_match_score).toBe(0.72);
    const again = await runJson<{ written: string[] }>(['sync', '--dir', dir]);
    expect(again.json.written).toEqual([]);
  });

  it('writes a BANT total of 0.696 as 0.696, under the 0.70 threshold check says it is below', async () => {
    // Criteria written as scores: (0.7 + 0.7 + 0.7 + 0.684) / 4 = 0.696, under the 0.70 bar.
    const d = 'threads/sales/acme';
    const dir = workspace({
      [`${d}/meta.json`]: dealMeta('acme'),
      [`${d}/1-input.md`]: md('source: inbound\ndate: 2026-03-01'),
      [`${d}/2-hypothesis.md`]: md('tests: [A1]'),
      [`${d}/3-implication.md`]: md('arr_potential: 30000'),
      [`${d}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\ncriteria:\n  budget: 0.7\n  authority: 0.7\n  need: 0.7\n  timeline: 0.684\nreasoning: x'),
    });
    gitInit(dir);
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(meta(dir, d).qualification_score).toBe(0.696);
    const check = await runCli(['check', '--dir', dir]);
    expect(check.stdout).toContain('QUALIFY although the BANT score 0.696 is below the qualification threshold 0.70');
  });
});
