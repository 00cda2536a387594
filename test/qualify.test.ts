import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

interface Criterion {
  key: string;
  status: string;
  score: number;
  source: { path: string; line: number; column: number } | null;
  ask: string | null;
}
interface Qualification {
  ok: boolean;
  deal: string;
  icp: { score: number; band: string; factors: { name: string; source: { path: string; line: number } | null }[] } | null;
  icpMissing: string | null;
  qualification: { framework: string; total: number; recommendation: string; criteria: Criterion[]; reason: string } | null;
  qualificationMissing: string | null;
  askNext: { criterion: string; question: string }[];
}
interface ErrorEnvelope {
  ok: false;
  error: { code: string; message: string; meant?: string };
}

const KEEL = 'threads/sales/keel-neobank';

/**
 * A deal's qualification was spread over meta.json (two numbers), check's warnings and the
 * Stage 4 file: no command said which criteria were met, from which line, and what to ask
 * next. `threadwork qualify <deal>` (and the MCP tool `qualify_deal`) shows it whole.
 */
describe('threadwork qualify <deal>', () => {
  it("shows each criterion met or not with its line in 4-decision.md, the scores sync writes, and what to ask next", async () => {
    const dir = exampleWorkspaceCopy();
    const { json, code } = await runJson<Qualification>(['qualify', 'keel-neobank'], { cwd: dir });
    expect(code).toBe(0);
    const meta = JSON.parse(readFileSync(join(dir, KEEL, 'meta.json'), 'utf8')) as { qualification_score: number; icp_match_score: number };
    expect(json.qualification?.framework).toBe('MEDDIC');
    expect(json.qualification?.recommendation).toBe('DEFER');
    expect(Number(json.qualification!.total.toFixed(2))).toBe(meta.qualification_score);
    expect(Number(json.icp!.score.toFixed(2))).toBe(meta.icp_match_score);
    const byKey = Object.fromEntries(json.qualification!.criteria.map((c) => [c.key, c]));
    expect(byKey.economic_buyer).toMatchObject({ status: 'weak', score: 0, source: { path: `${KEEL}/4-decision.md`, line: 6, column: 3 } });
    expect(byKey.metrics).toMatchObject({ status: 'unknown', source: { line: 5 } });
    expect(byKey.champion).toMatchObject({ status: 'met', ask: null, source: { line: 10 } });
    expect(json.askNext.map((a) => a.criterion)).toEqual(['metrics', 'economic buyer', 'decision process']);
    expect(json.icp!.factors.find((f) => f.name === 'revenue')?.source).toMatchObject({ path: `${KEEL}/1-input.md`, line: 15 });

    const text = await runCli(['qualify', KEEL], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`deal ${KEEL}`);
    expect(text.stdout).toMatch(/economic buyer .*4-decision\.md:6:3/);
    expect(text.stdout).toMatch(/economic buyer\s+~ weak/);
    expect(text.stdout).toContain('Ask next');
    expect(text.stdout).toContain(json.qualification!.reason);
  });

  // A criterion written as the docs suggest, `confirmed: the CFO owns the budget`, was shown
  // "confirmed: confirmed: the CFO owns the budget": the reading said again before the words that say it.
  it('shows an answer that starts with its reading once', async () => {
    const dir = exampleWorkspaceCopy();
    const decision = join(dir, KEEL, '4-decision.md');
    writeFileSync(decision, readFileSync(decision, 'utf8').replace('  champion: Tom Okafor\n', '  champion: "Confirmed - Tom Okafor, Head of Payments"\n').replace('  metrics: unknown\n', '  metrics: "unknown: no baseline yet"\n'));
    const text = await runCli(['qualify', KEEL], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/champion\s+✓ met\s+1\.00\s+Confirmed - Tom Okafor, Head of Payments\s/);
    expect(text.stdout).toMatch(/metrics\s+\? unknown\s+0\.20\s+unknown: no baseline yet\s/);
    expect(text.stdout).not.toMatch(/confirmed: Confirmed|unknown: unknown/);
  });

  it('says why a deal has no qualification yet rather than a score of 0', async () => {
    const dir = exampleWorkspaceCopy();
    const { json, code } = await runJson<Qualification>(['qualify', 'cobalt-remit'], { cwd: dir });
    expect(code).toBe(0);
    expect(json.qualification).toBeNull();
    expect(json.qualificationMissing).toContain('no 4-decision.md yet');
    expect(json.icp?.band).toBeDefined();
    expect(json.askNext).toEqual([]);
  });

  it('names the deal meant for an unknown one, and refuses hostile names and other threads', async () => {
    const dir = exampleWorkspaceCopy();
    const unknown = await runJson<ErrorEnvelope>(['qualify', 'keel'], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.json.error).toMatchObject({ code: 'unknown-thread', meant: KEEL });
    for (const [name, code] of [
      ['../../etc', 'path-refused'],
      ['keel\nneobank', 'invalid-thread'],
      ['/etc/passwd', 'path-refused'],
      ['threads/sales/campaigns/2026-09-15-fintech-controller-outbound', 'invalid-thread'],
    ] as const) {
      const refused = await runJson<ErrorEnvelope>(['qualify', name], { cwd: dir });
      expect(refused.code, name).toBe(1);
      expect(refused.json.error.code, name).toBe(code);
    }
    const text = await runCli(['qualify', 'keel'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('did you mean threads/sales/keel-neobank?');
  });

  it('answers the same document as the MCP tool qualify_deal, refusals included', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const cli = await runJson<Qualification>(['qualify', 'harbor-lending'], { cwd: dir });
    expect(await mcp.ok('qualify_deal', { deal: 'harbor-lending' })).toEqual(cli.json);
    for (const deal of ['keel', '../../etc']) {
      const refusedCli = await runJson<ErrorEnvelope>(['qualify', deal], { cwd: dir });
      const answer = await mcp.call<ErrorEnvelope>('qualify_deal', { deal });
      expect(answer.isError, deal).toBe(true);
      expect(answer.data.error.code, deal).toBe(refusedCli.json.error.code);
    }
  });
});
