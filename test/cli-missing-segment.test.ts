import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { md, testdir } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

type Refusal = { ok: boolean; error: { code: string; message: string; known?: string[]; missingArguments?: string[] } };

/**
 * `deal new Acme` without `--segment` — the first thing a new user types after init — printed
 * commander's usage text, 25 lines of options, and no word of which segments the workspace
 * has. It says a segment is needed, names the segments of 04-segments.md and the command
 * to run again with each; with --json, the ids are in `known`.
 */
describe('a command run without its --segment', () => {
  it.each([
    ['deal new', ['deal', 'new', 'Acme Corp']],
    ['campaign new', ['campaign', 'new', 'Spring outbound']],
    ['score', ['score', 'accounts.csv']],
  ])('%s names the segments and the command to run again, without the usage text', async (name, args) => {
    const dir = workspace();
    const out = await runCli([...args, '--dir', dir]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).not.toContain('Usage:');
    expect(out.stderr).toContain(`\`${name}\` needs a segment`);
    expect(out.stderr).toContain('strategy/canvas/04-segments.md: mid-market-fintech, ecommerce-finance');
    const quoted = args.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ');
    for (const segment of ['mid-market-fintech', 'ecommerce-finance']) {
      expect(out.stderr).toMatch(new RegExp(`^ {2}\\S.* ${escape(`${quoted} --dir ${dir} --segment ${segment}`)}$`, 'm'));
    }

    const json = await runJson<Refusal>([...args, '--dir', dir]);
    expect(json.code).toBe(1);
    expect(json.json).toMatchObject({ ok: false, error: { code: 'invalid-arguments', known: ['mid-market-fintech', 'ecommerce-finance'], missingArguments: ['--segment'] } });
    expect(json.json.error.message).toMatch(/^required option '-s, --segment <segment>' not specified: /);
  }, 30_000);

  it('with the company missing too, names both, and where the company goes in the command', async () => {
    const dir = workspace();
    const json = await runJson<Refusal>(['deal', 'new', '--dir', dir]);
    expect(json.json.error).toMatchObject({ missingArguments: ['company', '--segment'], known: ['mid-market-fintech', 'ecommerce-finance'] });
    expect(json.json.error.message).toMatch(/^missing required argument 'company' and required option '-s, --segment <segment>': /);
    expect(json.json.error.message).toContain(`deal new --dir ${dir} --json <company> --segment mid-market-fintech`);
  }, 30_000);

  it('in a workspace with no segment yet, says where to define one', async () => {
    const dir = workspace({ 'strategy/canvas/04-segments.md': md('title: Segments\nsegments: []') });
    const json = await runJson<Refusal>(['deal', 'new', 'Acme', '--dir', dir]);
    expect(json.json.error.known).toEqual([]);
    expect(json.json.error.message).toContain('this workspace defines no segment yet: add one to strategy/canvas/04-segments.md');
    expect(json.json.error.message).toContain(`deal new Acme --dir ${dir} --json --segment <segment-id>`);
  }, 30_000);

  // Outside any workspace it said "this workspace defines no segment yet", sending the person to edit a canvas they do not have.
  it.each([
    ['deal', 'new', 'Acme'],
    ['campaign', 'new', 'Spring outbound'],
    ['score', 'accounts.csv'],
  ])('in a folder that is no workspace, says so and how to start one, as every command does: %s', async (...args) => {
    const dir = testdir();
    const text = await runCli([...args, '--dir', dir]);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(`error: Not a threadwork workspace: ${dir} (nor any folder above it) has threadwork.config.yaml or strategy/canvas/. Run \`threadwork init\` to create one.\n`);
    const json = await runJson<Refusal>([...args, '--dir', dir]);
    expect(json.json.error.code).toBe('no-workspace');
    expect(json.json.error.message).not.toContain('segment');
  }, 30_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
