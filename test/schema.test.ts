import { execFile } from 'node:child_process';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  assumptionsSectionSchema,
  campaignActionsSchema,
  campaignLearningSchema,
  configSchema,
  dealDecisionSchema,
  dealImplicationSchema,
  dealInputSchema,
  dealLearningSchema,
  goalSchema,
  icpSchema,
  metricsSectionSchema,
  segmentsSectionSchema,
  threadMetaSchema,
} from '../src/schema/index.js';
import { PROSPECT_STATUSES } from '../src/schema/stages.js';
import { generateCliSchemas } from '../src/cli/json-output/generate.js';
import { generateJsonSchemas } from '../src/schema/json-schema.js';
import { parseFrontMatter } from '../src/markdown/front-matter.js';
import { BIN, REPO_ROOT, runCli, runJson } from './helpers/cli.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';
import { testdir } from './helpers/testdir.js';
import { git } from './helpers/git.js';

const meta = { id: 'acme', type: 'sales-deal', title: 'Acme', source: 'inbound', created: '2026-03-01' };
const goal = { id: 'g-x', title: 'X', deadline: '2026-12-31', created: '2026-01-01', metrics: [{ name: 'won_count', target: 3 }] };

type Case = { name: string; schema: z.ZodType; value: unknown; error?: string };

const cases: Case[] = [
  { name: 'meta.json minimal', schema: threadMetaSchema, value: meta },
  { name: 'meta.json campaign source', schema: threadMetaSchema, value: { ...meta, source: 'campaign:2026-09-15-fintech' } },
  { name: 'meta.json thread source', schema: threadMetaSchema, value: { ...meta, source: 'thread:threads/sales/other' } },
  { name: 'meta.json unknown type', schema: threadMetaSchema, value: { ...meta, type: 'deal' }, error: 'type' },
  { name: 'meta.json id not a slug', schema: threadMetaSchema, value: { ...meta, id: 'Acme Corp' }, error: 'id' },
  { name: 'meta.json bad date', schema: threadMetaSchema, value: { ...meta, created: '2026-02-30x' }, error: 'created' },
  { name: 'meta.json impossible date', schema: threadMetaSchema, value: { ...meta, created: '2026-13-45' }, error: 'created' },
  { name: 'meta.json leap day', schema: threadMetaSchema, value: { ...meta, created: '2028-02-29' } },
  { name: 'meta.json leap day of a century divisible by 400', schema: threadMetaSchema, value: { ...meta, created: '2000-02-29' } },
  { name: 'meta.json Feb 29 of a year that is not a leap year', schema: threadMetaSchema, value: { ...meta, created: '2026-02-29' }, error: 'created' },
  { name: 'meta.json Feb 29 of a century not divisible by 400', schema: threadMetaSchema, value: { ...meta, created: '2100-02-29' }, error: 'created' },
  { name: 'meta.json the 31st of a 30-day month', schema: threadMetaSchema, value: { ...meta, created: '2026-11-31' }, error: 'created' },
  { name: 'meta.json a timestamp on a real day', schema: threadMetaSchema, value: { ...meta, created: '2026-12-31T23:59:00Z' } },
  { name: 'meta.json derived probability > 1', schema: threadMetaSchema, value: { ...meta, close_probability: 1.2 }, error: 'close_probability' },
  { name: 'goal', schema: goalSchema, value: goal },
  { name: 'goal unknown metric', schema: goalSchema, value: { ...goal, metrics: [{ name: 'happiness', target: 1 }] }, error: 'metrics.0.name' },
  { name: 'goal without metrics', schema: goalSchema, value: { ...goal, metrics: [] }, error: 'metrics' },
  { name: 'goal bad subgoal id', schema: goalSchema, value: { ...goal, subgoals: [{ id: 'S1', title: 'x', metric: 'won_count', target: 1 }] }, error: 'subgoals.0.id' },
  { name: 'goal id without g- prefix', schema: goalSchema, value: { ...goal, id: 'mrr' }, error: 'id' },
  // A rate is a fraction, as in 13-metrics: `win_rate` 35 read as 3500% and a 0% chance.
  { name: 'goal win rate as fraction', schema: goalSchema, value: { ...goal, metrics: [{ name: 'win_rate', target: 0.35, baseline: 0.2 }] } },
  { name: 'goal win rate as percent', schema: goalSchema, value: { ...goal, metrics: [{ name: 'win_rate', target: 35 }] }, error: 'metrics.0.target' },
  { name: 'goal win rate baseline as percent', schema: goalSchema, value: { ...goal, metrics: [{ name: 'win_rate', target: 0.35, baseline: 20 }] }, error: 'metrics.0.baseline' },
  { name: 'subgoal win rate as percent', schema: goalSchema, value: { ...goal, subgoals: [{ id: 'SG1', title: 'Win more', metric: 'win_rate', target: 40 }] }, error: 'subgoals.0.target' },
  { name: 'goal count target of 40 stays a count', schema: goalSchema, value: { ...goal, metrics: [{ name: 'meetings', target: 40 }] } },
  { name: 'segments', schema: segmentsSectionSchema, value: { segments: [{ id: 'fintech', name: 'Fintech', filters: { revenue: { min: '$10M', max: 500_000_000 } } }] } },
  { name: 'segment id with spaces', schema: segmentsSectionSchema, value: { segments: [{ id: 'Fin tech', name: 'x' }] }, error: 'segments.0.id' },
  { name: 'assumption prior out of range', schema: assumptionsSectionSchema, value: { assumptions: [{ id: 'A1', statement: 's', prior: 2 }] }, error: 'assumptions.0.prior' },
  { name: 'assumption id H12', schema: assumptionsSectionSchema, value: { assumptions: [{ id: 'H12', statement: 's', prior: 0.3 }] } },
  { name: 'assumption id lower-case', schema: assumptionsSectionSchema, value: { assumptions: [{ id: 'a1', statement: 's', prior: 0.3 }] }, error: 'assumptions.0.id' },
  { name: 'metric targets', schema: metricsSectionSchema, value: { targets: { win_rate: 0.3, avg_cycle_days: 45 } } },
  { name: 'metric win rate as percent', schema: metricsSectionSchema, value: { targets: { win_rate: 30 } }, error: 'targets.win_rate' },
  { name: 'deal input as a template leaves it', schema: dealInputSchema, value: { source: 'inbound', date: '2026-03-01', signal: '', contact: { name: '', email: '' }, company: { name: 'Acme', employees: null, revenue: null, technologies: [], signals: [] } } },
  { name: 'deal input revenue string', schema: dealInputSchema, value: { company: { revenue: '$45M', signals: [{ type: 'funding', detail: 'Series B', date: '2026-02-01' }] } } },
  { name: 'deal input bad email', schema: dealInputSchema, value: { contact: { email: 'nope' } }, error: 'contact.email' },
  { name: 'implication range', schema: dealImplicationSchema, value: { arr_potential: { min: 30000, max: 50000 }, strategic_value: 'high' } },
  ...['$30k-$50k', '36000', '$1.2M', 'USD 40,000'].map((arr) => ({ name: `implication arr_potential ${arr}`, schema: dealImplicationSchema, value: { arr_potential: arr } })),
  // An open end is no figure to sum: `500k+` was read as 500k with nothing said (schema/money.ts openEndProblem).
  { name: 'implication arr_potential with an open end', schema: dealImplicationSchema, value: { arr_potential: '500k+' }, error: 'arr_potential' },
  { name: 'implication range with one end', schema: dealImplicationSchema, value: { arr_potential: { min: '$30k' } } },
  { name: 'implication range of equal ends', schema: dealImplicationSchema, value: { arr_potential: { min: 30000, max: '$30k' } } },
  { name: 'implication range end that is not an amount', schema: dealImplicationSchema, value: { arr_potential: { min: 'some', max: 10000 } }, error: 'arr_potential.min' },
  { name: 'implication strategic value', schema: dealImplicationSchema, value: { strategic_value: 'huge' }, error: 'strategic_value' },
  { name: 'decision lower-case framework', schema: dealDecisionSchema, value: { decision: 'QUALIFY', framework: 'meddic', criteria: { metrics: 'identified' } } },
  { name: 'decision unknown', schema: dealDecisionSchema, value: { decision: 'MAYBE' }, error: 'decision' },
  { name: 'learning', schema: dealLearningSchema, value: { outcome: 'closed-won', closed: '2026-06-01', arr: 42000, validations: [{ assumption: 'A1', result: 'validated', evidence: 'Took 6 days' }] } },
  { name: 'learning validation result', schema: dealLearningSchema, value: { validations: [{ assumption: 'A1', result: 'yes', evidence: 'x' }] }, error: 'validations.0.result' },
  { name: 'learning validation without evidence', schema: dealLearningSchema, value: { validations: [{ assumption: 'A1', result: 'validated', evidence: '' }] }, error: 'validations.0.evidence' },
  { name: 'campaign actions', schema: campaignActionsSchema, value: { sequence: { touches: [{ day: 0, channel: 'email', template: 'cold-1' }] }, prospects: [{ name: 'Ada', email: 'ada@x.com', company: 'X' }] } },
  { name: 'campaign touch channel', schema: campaignActionsSchema, value: { sequence: { touches: [{ day: 0, channel: 'fax', template: 't' }] } }, error: 'sequence.touches.0.channel' },
  { name: 'campaign results', schema: campaignLearningSchema, value: { results: { sent: 100, opened: 40, replied: 3 } } },
  { name: 'campaign negative count', schema: campaignLearningSchema, value: { results: { sent: -1 } }, error: 'results.sent' },
  { name: 'config defaults', schema: configSchema, value: {} },
  { name: 'config stage probability', schema: configSchema, value: { pipeline: { stages: [{ name: 'lead', probability: 10 }] } }, error: 'pipeline.stages.0.probability' },
  { name: 'icp', schema: icpSchema, value: { segment: 'fintech', name: 'Fintech', scoring: { weights: { fit: 0.4 } } } },
];

describe('schemas', () => {
  it.each(cases)('$name', ({ schema, value, error }) => {
    const result = schema.safeParse(value);
    if (!error) {
      expect(result.error?.issues ?? []).toEqual([]);
      return;
    }
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(error);
  });

  it('keeps unknown keys at every level', () => {
    const parsed = threadMetaSchema.parse({ ...meta, crm: { id: 7 } });
    expect(parsed).toMatchObject({ crm: { id: 7 } });
    expect(dealInputSchema.parse({ company: { name: 'A', hq: 'Berlin' }, mood: 'good' })).toMatchObject({ company: { hq: 'Berlin' }, mood: 'good' });
  });

  it('fills config defaults: prior weight 2 and the six pipeline stages', () => {
    const config = configSchema.parse({});
    expect(config.confidence.prior_weight).toBe(2);
    expect(config.pipeline.stages.map((s) => `${s.name}:${s.probability}`)).toEqual(['lead:0.1', 'qualified:0.25', 'discovery:0.4', 'proposal:0.6', 'negotiation:0.8', 'closed-won:1']);
  });
});

describe('JSON Schemas', () => {
  it('are generated for every file kind and allow unknown keys', () => {
    const schemas = generateJsonSchemas();
    expect(schemas.map((s) => s.file)).toEqual(expect.arrayContaining(['config.schema.json', 'goal.schema.json', 'meta.schema.json', 'icp.schema.json', 'canvas-04-segments.schema.json', 'deal-1-input.schema.json', 'campaign-5-actions.schema.json']));
    const meta = schemas.find((s) => s.file === 'meta.schema.json')!.schema as { required: string[]; additionalProperties: unknown };
    expect(meta.required).toEqual(expect.arrayContaining(['id', 'type', 'title', 'source', 'created']));
    expect(meta.additionalProperties).not.toBe(false);
  });

  it('keep the minimum of 0 and the maximum of a quadrillion on a one-amount figure written as a number (a won deal\'s `arr`, a money target)', () => {
    const schemas = generateJsonSchemas();
    const property = (file: string, ...path: string[]) => path.reduce<Record<string, unknown>>((at, key) => (at.properties as Record<string, Record<string, unknown>>)[key]!, schemas.find((s) => s.file === file)!.schema);
    const numberBranch = (schema: Record<string, unknown>) => JSON.stringify(schema).match(/\{"type":"number"[^}]*\}/)?.[0];
    expect(numberBranch(property('deal-6-learning.schema.json', 'arr'))).toBe('{"type":"number","minimum":0,"maximum":1000000000000000}');
    expect(numberBranch(property('canvas-13-metrics.schema.json', 'targets', 'won_arr'))).toBe('{"type":"number","minimum":0,"maximum":1000000000000000}');
  });
});

describe('the JSON Schemas of a campaign\'s drafts and replies', () => {
  // Every file kind threadwork validates has a published schema: an agent that edits a
  // draft (status: approved) or writes a reply record reads what is expected from it.
  it('accept the drafts `campaign draft` writes and the reply `campaign reply` records, and refuse a draft status the engine refuses', async () => {
    const dir = await campaignWithProspect();
    expect((await runCli(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: ENV })).code).toBe(0);
    const replied = await runCli(['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', 'Not now, maybe next quarter.', '--date', '2026-11-20', '--dir', dir], { env: ENV });
    expect(replied.code, replied.stdout + replied.stderr).toBe(0);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validator = (file: string) => ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', file), 'utf8')) as object);
    const frontMatter = (path: string) => parseFrontMatter(readFileSync(path, 'utf8')).data;
    const valid = (validate: ValidateFunction, data: unknown, what: string) => expect(validate(data), `${what}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    const draft = validator('campaign-draft.schema.json');
    const drafts = readdirSync(join(dir, CAMPAIGN, 'drafts'));
    expect(drafts.length).toBeGreaterThan(0);
    for (const name of drafts) valid(draft, frontMatter(join(dir, CAMPAIGN, 'drafts', name)), name);
    const replies = readdirSync(join(dir, CAMPAIGN, 'replies'));
    expect(replies).toHaveLength(1);
    valid(validator('campaign-reply.schema.json'), frontMatter(join(dir, CAMPAIGN, 'replies', replies[0]!)), replies[0]!);
    expect(draft({ ...(frontMatter(join(dir, CAMPAIGN, 'drafts', drafts[0]!)) as object), status: 'queued' })).toBe(false);
  });
});

describe('shipped JSON Schemas', () => {
  it('match the zod schemas (run `npm run schemas` after changing a schema)', async () => {
    const { readFileSync } = await import('node:fs');
    for (const { file, schema } of [...generateJsonSchemas(), ...generateCliSchemas()]) {
      const shipped = readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8');
      expect(shipped, file).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });
});

describe('threadwork schemas', () => {
  // README: "Writes the JSON Schemas of every file kind (default: `./schemas`)" — in a
  // workspace of one's own that folder does not exist yet.
  it('creates the folder it writes into: the default ./schemas, or an --out that does not exist yet', async () => {
    const cwd = testdir();
    const count = generateJsonSchemas().length + generateCliSchemas().length;
    const byDefault = await runCli(['schemas'], { cwd });
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(byDefault.stdout.trim()).toBe(`${count} JSON Schemas in ${join(cwd, 'schemas')} (${count} updated)`);
    expect(existsSync(join(cwd, 'schemas/meta.schema.json'))).toBe(true);
    expect(existsSync(join(cwd, 'schemas/cli/sync.schema.json'))).toBe(true);
    const nested = await runCli(['schemas', '--out', 'editor/json-schemas'], { cwd });
    expect(nested.code, nested.stderr).toBe(0);
    expect(existsSync(join(cwd, 'editor/json-schemas/config.schema.json'))).toBe(true);
  });

  // Node 20's mkdirSync(…, { recursive: true }) spun forever at full CPU under /proc (mkdir
  // answers ENOENT there although the parent exists) and ignored SIGTERM: the command hung.
  it.runIf(existsSync('/proc/self'))('an --out the file system cannot make a folder in is a write error naming it, not a hang', async () => {
    const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((done) => {
      execFile(process.execPath, [BIN, 'schemas', '--out', '/proc/threadwork-schemas/cli', '--json'], { cwd: testdir(), timeout: 20_000, killSignal: 'SIGKILL' }, (error, stdout) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, signal: error?.signal ?? null, stdout }),
      );
    });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { ok: boolean; error: { code: string; message: string; path: string } };
    expect(json.ok).toBe(false);
    expect(json.error.code).toBe('write-failed');
    expect(json.error.path).toBe('/proc/threadwork-schemas/cli');
    expect(json.error.message).toContain('does not let one be made there');
  });

  // `--out /dev/null`, or a file's name, crashed with mkdir's EEXIST and a stack (exit 2).
  it.each([['a file', 'notes.md'], ['a folder under a file', 'notes.md/schemas']])('an --out naming %s is refused, saying a folder is wanted, and writes nothing', async (_name, out) => {
    const cwd = testdir({ 'notes.md': 'mine\n' });
    const text = await runCli(['schemas', '--out', out], { cwd });
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(`error: Refused path "${out}": ${join(cwd, 'notes.md')} is a file, not a folder; give a folder for the schemas (it is created when it does not exist)\n`);
    const json = await runJson<{ ok: boolean; error: { code: string; path: string } }>(['schemas', '--out', out], { cwd });
    expect(json.code).toBe(1);
    expect(json.json.error).toMatchObject({ code: 'path-refused', path: out });
    expect(readFileSync(join(cwd, 'notes.md'), 'utf8')).toBe('mine\n');
  });

  // "Every command works on the workspace that contains the current folder (or --dir)".
  it('writes under the --dir given, not under the current folder', async () => {
    const cwd = testdir();
    const workspaceDir = testdir();
    const result = await runCli(['schemas', '--dir', workspaceDir], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(` JSON Schemas in ${join(workspaceDir, 'schemas')} (`);
    expect(existsSync(join(workspaceDir, 'schemas/meta.schema.json'))).toBe(true);
    expect(existsSync(join(cwd, 'schemas'))).toBe(false);
    const out = await runCli(['schemas', '--dir', workspaceDir, '--out', 'editor'], { cwd });
    expect(out.code, out.stderr).toBe(0);
    expect(existsSync(join(workspaceDir, 'editor/config.schema.json'))).toBe(true);
    expect(existsSync(join(cwd, 'editor'))).toBe(false);
  });

  // Decided (README, `threadwork schemas`): --out is a folder a person names on their own
  // machine — an editor's settings, a monorepo's shared folder — not a workspace path. It
  // is written wherever it is, inside the workspace or out of it, and nothing is committed:
  // the schemas are the package's, not the workspace's sources. (No MCP tool writes them.)
  it('writes an --out outside the workspace where it is named, and commits nothing', async () => {
    const parent = testdir();
    const workspaceDir = join(parent, 'gtm');
    await runCli(['init', workspaceDir]);
    const head = git(workspaceDir, 'rev-parse', 'HEAD');
    const outside = testdir();
    for (const out of ['../shared/schemas', outside]) {
      const result = await runJson<{ ok: boolean; out: string; written: string[] }>(['schemas', '--dir', workspaceDir, '--out', out]);
      expect(result.code).toBe(0);
      const folder = out === outside ? outside : join(parent, 'shared/schemas');
      expect(result.json).toMatchObject({ ok: true, out: folder });
      expect(result.json.written).toContain('cli/check.schema.json');
      expect(existsSync(join(folder, 'meta.schema.json'))).toBe(true);
    }
    expect(git(workspaceDir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(workspaceDir, 'status', '--porcelain')).toBe('');
  });
});

describe('the campaign Stage 5 template', () => {
  // The comment is what a user reads to know which statuses they may write: one it leaves out
  // (nurture, which `campaign reply` writes) reads as not allowed.
  it('lists every prospect status the schema takes', () => {
    const template = readFileSync(new URL('../templates/threads/sales-campaign/5-actions.md.hbs', import.meta.url), 'utf8');
    const listed = /^# status: (.+)$/m.exec(template)?.[1]?.split(' | ').map((s) => s.replace(/\s*\(.*$/, ''));
    expect(listed).toEqual([...PROSPECT_STATUSES]);
  });
});
