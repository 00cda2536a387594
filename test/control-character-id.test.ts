import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

/**
 * A segment, goal or subgoal id with a control character (`mid-market-fintech\t` pasted from a
 * table, an escape code, a NUL) was looked up and answered "Unknown segment" / "Unknown
 * goal", listing the very id the user typed: the character is invisible, so the refusal
 * read as nonsense. It is refused for the character, named U+XXXX, as a thread argument
 * is, by every command and tool that takes a segment or goal id.
 */

interface Refusal {
  ok: false;
  error: { code: string; message: string };
}

const SEGMENT = (id: string, named: string): string =>
  `Refused segment ${JSON.stringify(id)}: it contains control characters (${named}). Expected a segment id from strategy/canvas/04-segments.md, such as mid-market-fintech, on one line.`;
const GOAL = (id: string, named: string): string => `Refused goal ${JSON.stringify(id)}: it contains control characters (${named}). Expected a goal id from goals/, such as g-arr-500k-2026, on one line.`;

const SUBGOAL = (id: string, named: string): string => `Refused subgoal ${JSON.stringify(id)}: it contains control characters (${named}). Expected a subgoal id of the goal, such as SG1, on one line.`;

describe('a control character in a segment, goal or subgoal id', () => {
  it.each([
    ['deal new --segment', ['deal', 'new', 'Acme', '--segment', 'mid-market-fintech\t', '--no-commit'], SEGMENT('mid-market-fintech\t', 'U+0009')],
    ['deal new --goal', ['deal', 'new', 'Acme', '--segment', 'mid-market-fintech', '--goal', 'g-arr-500k-2026\u001b[31m', '--no-commit'], GOAL('g-arr-500k-2026\u001b[31m', 'U+001B')],
    ['campaign new --segment', ['campaign', 'new', 'Spring push', '--segment', '\u007fmid-market-fintech', '--no-commit'], SEGMENT('\u007fmid-market-fintech', 'U+007F')],
    ['campaign new --goal', ['campaign', 'new', 'Spring push', '--segment', 'mid-market-fintech', '--goal', 'g-arr-500k-2026\n', '--no-commit'], GOAL('g-arr-500k-2026\n', 'U+000A')],
    ['deal new --subgoal', ['deal', 'new', 'Acme', '--segment', 'mid-market-fintech', '--goal', 'g-arr-500k-2026', '--subgoal', 'SG1\t', '--no-commit'], SUBGOAL('SG1\t', 'U+0009')],
    ['campaign new --subgoal', ['campaign', 'new', 'Spring push', '--segment', 'mid-market-fintech', '--goal', 'g-arr-500k-2026', '--subgoal', 'SG1\n', '--no-commit'], SUBGOAL('SG1\n', 'U+000A')],
    ['strategy', ['strategy', 'ecommerce-finance', 'mid-market-fintech\u0007\t', '--no-commit'], SEGMENT('mid-market-fintech\u0007\t', 'U+0007, U+0009')],
    ['score', ['score', 'accounts.csv', '--segment', 'mid-market-fintech\r'], SEGMENT('mid-market-fintech\r', 'U+000D')],
    ['score --contacts', ['score', '--contacts', 'contacts.csv', '--segment', 'mid-market-fintech\t'], SEGMENT('mid-market-fintech\t', 'U+0009')],
  ])('%s refuses it, naming the character', async (_what, args, message) => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, 'accounts.csv'), 'name,industry,employees\nAcme,payments,400\n');
    writeFileSync(join(dir, 'contacts.csv'), 'name,email,company\nAda,ada@acme.com,Acme\n');
    const { code, json } = await runJson<Refusal>(args, { cwd: dir });
    expect(code).toBe(1);
    expect(json.error).toMatchObject({ code: 'invalid-arguments', message });
  });

  it('the MCP tools refuse it in the CLI\'s words', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const cli = await runJson<Refusal>(['deal', 'new', 'Acme', '--segment', 'mid-market-fintech\t', '--no-commit'], { cwd: dir });
    const deal = await mcp.call<Refusal>('create_deal', { company: 'Acme', segment: 'mid-market-fintech\t', commit: false });
    expect(deal.isError).toBe(true);
    expect(deal.data).toEqual(cli.json);
    const answers = [
      [await mcp.call<Refusal>('create_deal', { company: 'Acme', segment: 'mid-market-fintech', goal: 'g-arr-500k-2026\t', commit: false }), GOAL('g-arr-500k-2026\t', 'U+0009')],
      [await mcp.call<Refusal>('create_campaign', { name: 'Spring push', segment: 'mid-market-fintech\u001b', commit: false }), SEGMENT('mid-market-fintech\u001b', 'U+001B')],
      [await mcp.call<Refusal>('create_deal', { company: 'Acme', segment: 'mid-market-fintech', goal: 'g-arr-500k-2026', subgoal: '\u0007SG1', commit: false }), SUBGOAL('\u0007SG1', 'U+0007')],
      [await mcp.call<Refusal>('list_threads', { segment: 'mid-market-fintech\n' }), SEGMENT('mid-market-fintech\n', 'U+000A')],
      [await mcp.call<Refusal>('score_accounts', { segment: 'mid-market-fintech\t', accounts: [{ name: 'Acme', industry: 'payments', employees: 400 }] }), SEGMENT('mid-market-fintech\t', 'U+0009')],
      [await mcp.call<Refusal>('generate_strategy', { segments: ['mid-market-fintech\u0000'], commit: false }), SEGMENT('mid-market-fintech\u0000', 'U+0000')],
    ] as const;
    for (const [answer, message] of answers) {
      expect(answer.isError, answer.text).toBe(true);
      expect(answer.data.error).toMatchObject({ code: 'invalid-arguments', message });
    }
  });
});
