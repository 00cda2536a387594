import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { workspace } from './helpers/workspace.js';

type JsonError = { ok: boolean; error: { code: string; message: string; known?: string[] } };

/**
 * `threadwork deal` or a bare `threadwork` names no command: commander shows the help as an
 * error. With --json that is one error document saying what is missing — not that --help
 * (never typed) prints text — and which commands would do.
 */
describe('a command group without its command', () => {
  it('with --json, names the missing command and the ones that exist', async () => {
    const dir = workspace();
    const deal = await runJson<JsonError>(['deal', '--dir', dir]);
    expect(deal.code).toBe(1);
    expect(deal.json.error.code).toBe('invalid-arguments');
    expect(deal.json.error.message).not.toMatch(/--help/);
    expect(deal.json.error.message).toMatch(/threadwork deal/);
    expect(deal.json.error.known).toEqual(['new']);
    const campaign = await runJson<JsonError>(['campaign', '--dir', dir]);
    expect(campaign.json.error.known).toEqual(['new', 'draft', 'reply', 'approve']);
    const bare = await runJson<JsonError>(['--dir', dir]);
    expect(bare.code).toBe(1);
    expect(bare.json.error.message).not.toMatch(/--help/);
    expect(bare.json.error.known).toContain('sync');
  }, 30_000);

  it('with --json, `help` of a command that does not exist says so', async () => {
    const out = await runJson<JsonError>(['help', 'sycn']);
    expect(out.code).toBe(1);
    expect(out.json.error.message).toMatch(/unknown command 'sycn'/);
    expect(out.json.error.message).toMatch(/did you mean sync/);
  }, 30_000);

  it('in text, says what is missing, then shows the help', async () => {
    const dir = workspace();
    const deal = await runCli(['deal', '--dir', dir]);
    expect(deal.code).toBe(1);
    expect(deal.stderr).toMatch(/Usage: threadwork deal/);
    expect(deal.stderr).toMatch(/error: missing command: `threadwork deal` takes one of: new/);
    const help = await runCli(['help', 'sycn']);
    expect(help.code).toBe(1);
    expect(help.stderr).toMatch(/error: unknown command 'sycn'\n\(Did you mean sync\?\)/);
    // Asked for, help is no error.
    const asked = await runCli(['deal', '--help']);
    expect(asked.code).toBe(0);
    expect(asked.stderr).not.toMatch(/error:/);
  }, 30_000);
});
