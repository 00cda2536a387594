import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

/**
 * The error schema (schemas/cli/error.schema.json) is what an agent reads to act on a
 * refusal. Its objects stay open, so validation alone cannot tell a described field from
 * one nobody wrote down: here every key real refusals print must be described, with its
 * meaning, down to the items of their lists. A field added to an error and not to the
 * schema turns this red.
 */
interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
}

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/cli/error.schema.json'), 'utf8')) as JsonSchema;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const valid = ajv.compile(schema);

/** The data paths of `value` that `node` does not describe. */
function undescribed(node: JsonSchema, value: unknown, at: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  const variants = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  if (variants.length > 0) return variants.map((v) => undescribed(v, value, at)).sort((a, b) => a.length - b.length)[0]!;
  if (Array.isArray(value)) return value.flatMap((item, i) => undescribed(node.items ?? {}, item, `${at}[${i}]`));
  const properties = node.properties ?? {};
  return Object.entries(value).flatMap(([key, v]) => (properties[key] ? undescribed(properties[key], v, `${at}.${key}`) : [`${at}.${key}`]));
}

/** Every refusal met, by code, with the keys it printed: so the test shows what it covered. */
const seen = new Map<string, Set<string>>();

function expectDescribed(where: string, body: unknown): void {
  expect(body, where).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
  const error = (body as { error: Record<string, unknown> }).error;
  const keys = seen.get(error.code as string) ?? new Set<string>();
  for (const key of Object.keys(error)) keys.add(key);
  seen.set(error.code as string, keys);
  expect(undescribed(schema, body, ''), `${where}: ${JSON.stringify(body).slice(0, 600)}`).toEqual([]);
  expect(valid(body), `${where}: ${ajv.errorsText(valid.errors)}`).toBe(true);
}

async function cliRefusal(dir: string, args: string[]): Promise<void> {
  const { code, json } = await runJson([...args, '--dir', dir]);
  expect(code, args.join(' ')).toBe(1);
  expectDescribed(`threadwork ${args.join(' ')}`, json);
}

const CAMPAIGN = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound';

describe('the error schema describes every field a refusal carries', () => {
  it('describes each of its fields, with its type and meaning', () => {
    const fields = schema.properties!.error!.properties!;
    const bare = Object.entries(fields).filter(([, field]) => !field.description).map(([key]) => key);
    expect(bare).toEqual([]);
  });

  it('describes every key the CLI prints when it refuses a command', { timeout: 120_000 }, async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, 'research/broken.csv'), 'name,domain\n"Tallyfi,tallyfi.com\n');
    writeFileSync(join(dir, 'research/empty-rows.csv'), 'name,domain\n,\n');
    await cliRefusal(dir, ['deal', 'new']);
    await cliRefusal(dir, ['deal', 'new', 'Northwind Pay', '--slug', 'northwind-payments', '-s', 'mid-market-fintech']);
    await cliRefusal(dir, ['deal', 'new', 'Fjord Payments', '-s', 'mid-market-fintech', '--email', 'not-an-address']);
    await cliRefusal(dir, ['deal', 'new', 'Fjord Payments', '-s', 'Mid-Market-Fintech']);
    await cliRefusal(dir, ['deal', 'new', 'Fjord Payments', '-s', 'mid-market-fintech', '-g', 'g-nope']);
    await cliRefusal(dir, ['deal', 'new', 'Fjord Payments', '-s', 'mid-market-fintech', '-g', 'g-arr-500k-2026', '--subgoal', 'SG99']);
    await cliRefusal(dir, ['deal', 'new', '   ', '-s', 'mid-market-fintech']);
    await cliRefusal(dir, ['advance', 'northwind']);
    await cliRefusal(dir, ['report', 'weather']);
    await cliRefusal(dir, ['history', 'A99']);
    await cliRefusal(dir, ['history', 'a1']);
    await cliRefusal(dir, ['score', join(dir, 'research/broken.csv'), '-s', 'mid-market-fintech']);
    await cliRefusal(dir, ['score', join(dir, 'research/empty-rows.csv'), '-s', 'mid-market-fintech']);
    await cliRefusal(dir, ['score', '/etc/passwd', '-s', 'mid-market-fintech']);
    await cliRefusal(dir, ['campaign', 'approve', CAMPAIGN]);
    await cliRefusal(dir, ['campaign', 'reply', CAMPAIGN, 'ravi.shah@meridianpay.com', '--text', 'Thanks', '--date', '2020-01-01']);
    expect((await runJson(['deal', 'new', 'Fjord Payments', '-s', 'mid-market-fintech', '--contact', 'Ingrid Solberg', '--signal', 'Asked for a demo', '--dir', dir])).code).toBe(0);
    expect((await runJson(['advance', 'fjord-payments', '--dir', dir])).code).toBe(0);
    await cliRefusal(dir, ['advance', 'fjord-payments']);
    // Something written in the stage advance opened, not all: incomplete, with the file's version.
    writeFileSync(join(dir, 'threads/sales/fjord-payments/2-hypothesis.md'), '---\ntests: []\ninitial_confidence: 0.5\n---\n');
    await cliRefusal(dir, ['advance', 'fjord-payments']);
    // The fields the schema must then hold, as met (a refusal that lost one would pass unseen otherwise).
    expect([...(seen.get('invalid-arguments') ?? [])]).toEqual(expect.arrayContaining(['commander', 'missingArguments']));
    expect([...(seen.get('thread-exists') ?? [])]).toEqual(expect.arrayContaining(['path', 'title', 'suggestedSlug']));
    expect([...(seen.get('invalid-email') ?? [])]).toContain('email');
    expect([...(seen.get('unknown-subgoal') ?? [])]).toEqual(expect.arrayContaining(['subgoal', 'known']));
    expect([...(seen.get('nothing-scored') ?? [])]).toContain('rejected');
    expect([...(seen.get('csv-syntax') ?? [])]).toEqual(expect.arrayContaining(['line', 'column']));
    expect([...(seen.get('stage-incomplete') ?? [])]).toEqual(expect.arrayContaining(['thread', 'stage', 'missing', 'version', 'known']));
    expect([...(seen.get('stage-not-written') ?? [])]).toEqual(expect.arrayContaining(['thread', 'stage', 'path', 'missing', 'version', 'known']));
    expect([...(seen.get('not-a-draft') ?? [])]).toContain('waiting');
    expect([...(seen.get('reply-before-start') ?? [])]).toEqual(expect.arrayContaining(['date', 'start']));
  });

  it('describes every key an MCP tool error carries', { timeout: 120_000 }, async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir, { THREADWORK_TODAY: '2026-11-20' });
    const refused = async (tool: string, args: Record<string, unknown>): Promise<void> => {
      const answer = await mcp.call(tool, args);
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(true);
      expectDescribed(`MCP ${tool} ${JSON.stringify(args)}`, answer.data);
    };
    await refused('create_deal', { company: 5, segment: 'mid-market-fintech' });
    await refused('no_such_tool', {});
    await refused('create_deal', { company: 'Fjord Payments', segment: 'mid-market-fintech', contact_email: 'nope' });
    await refused('read_thread', { thread: '../x' });
    await refused('read_thread', { thread: '/etc/passwd' });
    await refused('score_accounts', { segment: 'mid-market-fintech', accounts: [{ employees: 'many' }] });
    await refused('write_stage', { thread: 'northwind-payments', stage: 1, front_matter: { source: 'referral', date: 'yesterday' } });
    await mcp.ok('create_deal', { company: 'Fjord Payments', segment: 'mid-market-fintech' });
    await refused('write_stage', { thread: 'fjord-payments', stage: 4, front_matter: { decision: 'QUALIFY' } });
    await refused('advance', { thread: 'fjord-payments' });
    expect([...(seen.get('invalid-arguments') ?? [])]).toContain('tool');
    expect([...(seen.get('unknown-tool') ?? [])]).toContain('tool');
    expect([...(seen.get('stage-invalid') ?? [])]).toContain('diagnostics');
    expect([...(seen.get('stage-order') ?? [])]).toEqual(expect.arrayContaining(['thread', 'stage']));
  });
});
