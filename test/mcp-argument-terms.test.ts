import { describe, expect, it } from 'vitest';
import { argumentExample } from '../src/mcp/argument-examples.js';
import { TOOL_INPUTS } from '../src/mcp/inputs.js';
import { connectMcp } from './helpers/mcp.js';
import { workspace } from './helpers/workspace.js';

interface Refusal {
  ok: false;
  error: { code: string; message: string; tool?: string; missingArguments?: string[]; known?: string[]; arguments?: { argument: string; given?: unknown; expected: string; example: unknown }[] };
}

/*
 * An argument of the wrong type or outside its range was refused in zod's words — "Invalid
 * input: expected number, received string at stage", "Too big: expected number to be <=6" —
 * naming neither the value sent nor one that would do. Each is now said in the tool's terms:
 * the argument, what was given, what it takes, and an example; and as data in `arguments`.
 */
describe('an MCP tool given an argument it cannot take', () => {
  it('names the argument, the value given, what it takes and an example', async () => {
    const mcp = await connectMcp(workspace());
    const cases: [string, Record<string, unknown>, string, { argument: string; given?: unknown; expected: string; example: unknown }][] = [
      ['read_thread', { thread: 42 }, '`thread`: given 42 (a number), expected a string, not empty — e.g. "thread": "acme-corp"', { argument: 'thread', given: 42, expected: 'a string, not empty', example: 'acme-corp' }],
      ['write_stage', { thread: 'acme', stage: '2', front_matter: {} }, '`stage`: given "2" (a string), expected a whole number from 1 to 6 — e.g. "stage": 2', { argument: 'stage', given: '2', expected: 'a whole number from 1 to 6', example: 2 }],
      ['write_stage', { thread: 'acme', stage: 9, front_matter: {} }, '`stage`: given 9 (a number), expected a whole number from 1 to 6 — e.g. "stage": 2', { argument: 'stage', given: 9, expected: 'a whole number from 1 to 6', example: 2 }],
      ['sync', { commit: 'false' }, '`commit`: given "false" (a string), expected true or false — e.g. "commit": false', { argument: 'commit', given: 'false', expected: 'true or false', example: false }],
      ['list_threads', { status: 'won' }, '`status`: given "won" (a string), expected one of "open", "deferred", "rejected", "closed-won", "closed-lost", "stalled", "active", "completed" — e.g. "status": "open"', { argument: 'status', given: 'won', expected: 'one of "open", "deferred", "rejected", "closed-won", "closed-lost", "stalled", "active", "completed"', example: 'open' }],
      ['generate_strategy', { segments: ['mid-market-fintech', 7] }, '`segments[1]`: given 7 (a number), expected a string, not empty — e.g. "segments": ["mid-market-fintech"]', { argument: 'segments[1]', given: 7, expected: 'a string, not empty', example: 'mid-market-fintech' }],
      ['create_deal', { company: 'Acme', segment: 'mid-market-fintech', source: 'twitter' }, '`source`: given "twitter" (a string), expected one of inbound, outbound, referral, partner, event, campaign:{campaign-id} or thread:threads/{path} — e.g. "source": "referral"', { argument: 'source', given: 'twitter', expected: 'one of inbound, outbound, referral, partner, event, campaign:{campaign-id} or thread:threads/{path}', example: 'referral' }],
    ];
    for (const [tool, args, said, problem] of cases) {
      const answer = await mcp.call<Refusal>(tool, args);
      expect(answer.isError, tool).toBe(true);
      expect(answer.data.error, tool).toMatchObject({ code: 'invalid-arguments', tool, message: `Invalid arguments for ${tool}: ${said}`, arguments: [problem] });
      expect(answer.text, tool).not.toMatch(/Invalid input|received|Too big|>=|<=/);
    }
  });

  it('gives a required argument left out with an example too', async () => {
    const mcp = await connectMcp(workspace());
    const answer = await mcp.call<Refusal>('write_stage', { thread: 'acme', front_matter: {} });
    expect(answer.data.error).toMatchObject({ code: 'invalid-arguments', missingArguments: ['stage'], arguments: [{ argument: 'stage', expected: 'a whole number from 1 to 6', example: 2 }] });
    expect(answer.data.error.arguments![0]).not.toHaveProperty('given');
  });

  it('has an example for every argument of every tool, one the argument takes', () => {
    for (const [tool, shape] of Object.entries(TOOL_INPUTS)) {
      for (const [name, schema] of Object.entries(shape)) {
        const example = argumentExample(tool, name);
        expect(example, `${tool}.${name}`).toBeDefined();
        expect((schema as { safeParse: (v: unknown) => { success: boolean } }).safeParse(example).success, `${tool}.${name}: ${JSON.stringify(example)}`).toBe(true);
      }
    }
  });
});
