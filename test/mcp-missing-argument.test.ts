import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { connectMcp } from './helpers/mcp.js';
import { workspace } from './helpers/workspace.js';

interface Refusal {
  ok: false;
  error: { code: string; message: string; tool?: string; missingArguments?: string[] };
}

/*
 * A tool called without a required argument was refused in zod's words — "Invalid input:
 * expected string, received undefined at thread" — where the command says "missing required
 * argument 'company'" and lists `missingArguments`. The tool now says the same, by name.
 */
describe('an MCP tool called without a required argument', () => {
  it('names each argument left out, in the message and in missingArguments, never as "received undefined"', async () => {
    const dir = workspace();
    const mcp = await connectMcp(dir);
    const cases: [string, Record<string, unknown>, string[], string][] = [
      ['read_thread', {}, ['thread'], 'missing required argument `thread`: expected a string, not empty — e.g. "thread": "acme-corp"'],
      ['report', {}, ['name'], 'missing required argument `name`: expected a string, not empty — e.g. "name": "pipeline"'],
      ['history', {}, ['subject'], 'missing required argument `subject`: expected a string, not empty — e.g. "subject": "A4"'],
      ['create_deal', {}, ['company', 'segment'], 'missing required argument `company`: expected a string, not empty — e.g. "company": "Acme Corp"\nmissing required argument `segment`: expected a string, not empty — e.g. "segment": "mid-market-fintech"'],
      ['write_stage', { thread: 'acme' }, ['stage', 'front_matter'], 'missing required argument `stage`: expected a whole number from 1 to 6 — e.g. "stage": 2\nmissing required argument `front_matter`: expected an object — e.g. "front_matter": {"statement":"Controllers at 200-person fintechs lose a week a month to reconciliation","initial_confidence":0.6}'],
    ];
    for (const [tool, args, missing, said] of cases) {
      const answer = await mcp.call<Refusal>(tool, args);
      expect(answer.isError, tool).toBe(true);
      expect(answer.data.error).toMatchObject({ code: 'invalid-arguments', tool, message: `Invalid arguments for ${tool}: ${said}`, missingArguments: missing });
      expect(answer.text, tool).not.toContain('undefined');
    }
    // The command's own refusal of the same: the same code and the same list.
    const cli = await runJson<Refusal>(['deal', 'new', '--dir', dir]);
    expect(cli.json.error).toMatchObject({ code: 'invalid-arguments', missingArguments: ['company', '--segment'] });
    // A wrong type is not a missing argument: said as the schema says it.
    const wrong = await mcp.call<Refusal>('read_thread', { thread: 5 });
    expect(wrong.data.error.missingArguments).toBeUndefined();
    expect(wrong.data.error.message).toContain('`thread`: given 5 (a number), expected a string');
  });
});

/*
 * An argument the tool does not take, or a value outside an argument's choices, was refused
 * with what to send instead only in the message's words; the command's refusal of an unknown
 * option gives the options it takes in `known`. The tool's gives them there too.
 */
describe('an MCP tool given an argument it does not take or a value outside its choices', () => {
  it('lists what it takes in `known`, as the command does for an unknown option', async () => {
    const dir = workspace();
    const mcp = await connectMcp(dir);
    const unknown = await mcp.call<Refusal & { error: { known?: string[] } }>('sync', { dryRun: true });
    expect(unknown.data.error).toMatchObject({ code: 'invalid-arguments', tool: 'sync', known: ['dry_run', 'commit'] });
    const option = await mcp.call<Refusal & { error: { known?: string[] } }>('list_threads', { type: 'deal' });
    expect(option.data.error).toMatchObject({ code: 'invalid-arguments', tool: 'list_threads', known: ['sales-deal', 'sales-campaign', 'marketing'] });
    // A wrong type has no choices to list.
    const wrong = await mcp.call<Refusal & { error: { known?: string[] } }>('read_thread', { thread: 5 });
    expect(wrong.data.error.known).toBeUndefined();
    // The command: an unknown option near none of its own, with the options it takes.
    const cli = await runJson<Refusal & { error: { known?: string[] } }>(['sync', '--dryrun-please', '--dir', dir]);
    expect(cli.json.error.known).toEqual(expect.arrayContaining(['--dry-run']));
  });
});
