import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

const ENV = { THREADWORK_TODAY: '2026-11-20' };
const GOAL = 'goals/g-fintech-beachhead.md';
const METRICS = 'strategy/canvas/13-metrics.md';
const LEARNING = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/6-learning.md';

/** The 1-based line of the first line of `text` that is exactly `line`. */
const lineOf = (text: string, line: string): number => text.split('\n').indexOf(line) + 1;

interface CheckJson {
  ok: boolean;
  diagnostics: Diagnostic[];
}

const blockProblems = (json: CheckJson): string[] => json.diagnostics.filter((d) => d.rule === 'managed-block').map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.message}`);

/**
 * The example workspace with three block files damaged by hand: a goal's end marker
 * deleted, the metrics block's markers swapped, and the campaign's experiments block
 * unclosed below a code fence (its markers are found only by parsing the Markdown).
 */
function damaged(dir: string): { originals: Map<string, string>; expected: string[] } {
  const originals = new Map([GOAL, METRICS, LEARNING].map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
  const goal = originals.get(GOAL)!.replace('<!-- threadwork:end state -->\n', '');
  const metrics = originals
    .get(METRICS)!
    .replace('<!-- threadwork:begin metrics -->', '\0')
    .replace('<!-- threadwork:end metrics -->', '<!-- threadwork:begin metrics -->')
    .replace('\0', '<!-- threadwork:end metrics -->');
  const learning = originals.get(LEARNING)!.replace('## What changes\n', '## What changes\n\n```md\n<!-- threadwork:end experiments -->\n```\n').replace(/<!-- threadwork:end experiments -->\n$/, '');
  writeFileSync(join(dir, GOAL), goal);
  writeFileSync(join(dir, METRICS), metrics);
  writeFileSync(join(dir, LEARNING), learning);
  const expected = [
    `${GOAL}:${lineOf(goal, '<!-- threadwork:begin state -->')}:1 error Unclosed managed block \`state\`: expected \`<!-- threadwork:end state -->\` after this begin marker. The file is left as it is.`,
    `${METRICS}:${lineOf(metrics, '<!-- threadwork:end metrics -->')}:1 error Swapped markers of managed block \`metrics\`: the end marker comes before the begin marker on line ${lineOf(metrics, '<!-- threadwork:begin metrics -->')}. The file is left as it is.`,
    `${LEARNING}:${lineOf(learning, '<!-- threadwork:begin experiments -->')}:1 error Unclosed managed block \`experiments\`: expected \`<!-- threadwork:end experiments -->\` after this begin marker. The file is left as it is.`,
  ].sort();
  return { originals, expected };
}

describe('check reports damaged managed-block markers', () => {
  it('at their line and column, in the words sync uses; clean again once fixed by hand, through the stored check', async () => {
    const dir = exampleWorkspaceCopy();
    // A stored check of the undamaged workspace must not hide the damage done after it.
    const before = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    expect(blockProblems(before.json)).toEqual([]);
    const { originals, expected } = damaged(dir);

    const check = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    expect(check.code).not.toBe(0);
    expect(check.json.ok).toBe(false);
    expect(blockProblems(check.json).sort()).toEqual(expected);
    // Served from the stored result the second time: the same answer.
    const again = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    expect(again.code).not.toBe(0);
    expect(blockProblems(again.json).sort()).toEqual(expected);
    // Sync names the same problems at the same places, and leaves those files as they are.
    const sync = await runJson<CheckJson>(['sync', '--dry-run', '--dir', dir], { env: ENV });
    expect(blockProblems(sync.json).sort()).toEqual(expected);

    for (const [path, text] of originals) writeFileSync(join(dir, path), text);
    const fixed = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    expect(blockProblems(fixed.json)).toEqual([]);
    expect(fixed.json.ok).toBe(before.json.ok);
  });

  it('does not stop writes to other files: deal new and advance go through, sync writes around the damaged files', async () => {
    const dir = exampleWorkspaceCopy();
    const { expected } = damaged(dir);
    const damagedTexts = new Map([GOAL, METRICS, LEARNING].map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
    const opened = await runCli(['deal', 'new', 'Sweep Co', '--segment', 'mid-market-fintech', '--no-commit', '--dir', dir], { env: ENV });
    expect(opened.code, opened.stdout + opened.stderr).toBe(0);
    const advanced = await runCli(['advance', 'fernway-home', '--no-commit', '--dir', dir], { env: ENV });
    expect(advanced.code, advanced.stdout + advanced.stderr).toBe(0);
    const synced = await runJson<CheckJson & { written: string[] }>(['sync', '--no-commit', '--dir', dir], { env: ENV });
    expect(blockProblems(synced.json).sort()).toEqual(expected);
    // The other goal's block followed the new deal; the damaged files kept every byte.
    expect(git(dir, 'status', '--porcelain')).toContain('goals/g-arr-500k-2026.md');
    for (const [path, text] of damagedTexts) expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
  });

  it('refuses a write that would leave a block damaged in the file it writes, saying where, and writes nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const before = readFileSync(join(dir, LEARNING), 'utf8');
    const close = before.indexOf('\n---\n');
    // The agent writes the front matter as it is and the body without the results block's end marker.
    const frontMatter = parse(before.slice(4, close)) as Record<string, unknown>;
    const body = before.slice(close + 5).replace('<!-- threadwork:end results -->\n', '');
    const ws = await openWorkspace(dir);
    const refused = ws.writeStage({ thread: LEARNING.slice(0, LEARNING.lastIndexOf('/')), stage: 6, frontMatter, body }, { commit: false });
    const line = lineOf(before, '<!-- threadwork:begin results -->');
    await expect(refused).rejects.toThrow(`Refused to write ${LEARNING}: 1 error; nothing was written\n  ${LEARNING}:${line}:1 error Unclosed managed block \`results\`: expected \`<!-- threadwork:end results -->\` after this begin marker. The file is left as it is. (managed-block)`);
    expect(readFileSync(join(dir, LEARNING), 'utf8')).toBe(before);
  });

  it('the MCP check tool reports them too, and forgets them once fixed while the server runs', async () => {
    const dir = exampleWorkspaceCopy();
    const { originals, expected } = damaged(dir);
    const mcp = await connectMcp(dir, ENV);
    const served = await mcp.ok<CheckJson>('check');
    expect(served.ok).toBe(false);
    expect(blockProblems(served).sort()).toEqual(expected);
    for (const [path, text] of originals) writeFileSync(join(dir, path), text);
    expect(blockProblems(await mcp.ok<CheckJson>('check'))).toEqual([]);
  });
});
