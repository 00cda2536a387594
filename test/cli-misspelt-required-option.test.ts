import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { workspace } from './helpers/workspace.js';

type Refusal = { ok: boolean; error: { code: string; message: string; commander?: string } };

/**
 * A required option typed with a slip (`--segement`) is an unknown option, and that is what
 * to fix. commander checks required options before unknown ones, so the error said that
 * `--segment` was not given — to someone who had just typed it — and never named the slip.
 */
describe('a required option typed with a slip', () => {
  it('is named as the unknown option, with the one meant', async () => {
    const dir = workspace();
    for (const args of [
      ['deal', 'new', 'Acme', '--segement', 'mid-market-fintech'],
      ['campaign', 'new', 'Outbound', '--segement', 'mid-market-fintech'],
      ['score', 'accounts.csv', '--segement', 'mid-market-fintech'],
    ]) {
      const out = await runJson<Refusal>([...args, '--dir', dir]);
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.json.error.commander, args.join(' ')).toBe('commander.unknownOption');
      expect(out.json.error.message, args.join(' ')).toMatch(/^unknown option '--segement' \(did you mean --segment\?\)/);
    }
    const text = await runCli(['deal', 'new', 'Acme', '--segement', 'mid-market-fintech', '--dir', dir]);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^error: unknown option '--segement'\n\(Did you mean --segment\?\)/);
    // Only missing, it is still said to be missing.
    const missing = await runJson<Refusal>(['deal', 'new', 'Acme', '--dir', dir]);
    expect(missing.json.error.message).toMatch(/^required option '-s, --segment <segment>' not specified: `deal new` needs a segment/);
  }, 30_000);
});
