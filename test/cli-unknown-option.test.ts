import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { workspace } from './helpers/workspace.js';

type Refusal = { ok: boolean; error: { code: string; message: string; commander?: string; known?: string[] } };

/**
 * An option the command does not have, near none of its own (`--contact-name` for
 * `--contact`), was answered with the advice for a company named `-rf` — a value that starts
 * with a dash goes after `--` — which says nothing to someone who typed an option name. The
 * error now lists the options the command does take (`known` in JSON).
 */
describe('an unknown long option near none of the command', () => {
  it('is answered with the options the command takes', async () => {
    const dir = workspace();
    const out = await runJson<Refusal>(['deal', 'new', 'Acme', '--segment', 'mid-market-fintech', '--contact-name', 'Bob', '--dir', dir]);
    expect(out.code).toBe(1);
    expect(out.json.error.commander).toBe('commander.unknownOption');
    expect(out.json.error.message).toMatch(/^unknown option '--contact-name' \(expected one of --segment, --slug, .*--contact, --contact-title/);
    expect(out.json.error.message).not.toMatch(/goes after --/);
    expect(out.json.error.known).toContain('--contact');
    expect(out.json.error.known).toContain('--dir');
    // A value that starts with a dash still gets the advice it needs.
    const rf = await runJson<Refusal>(['deal', 'new', '-rf', '--segment', 'mid-market-fintech', '--dir', dir]);
    expect(rf.json.error.message).toMatch(/goes after --/);
  }, 30_000);

  // `check --md` listed the program's --version, which runs no check, and said nothing of `report --md`.
  it('lists the options the command takes, not --version, and names the commands an option belongs to', async () => {
    const dir = workspace();
    const out = await runJson<Refusal>(['check', '--md', '--dir', dir]);
    expect([out.code, out.json.error.commander]).toEqual([1, 'commander.unknownOption']);
    expect(out.json.error.known).toEqual(['--no-cache', '--dir', '--json']);
    expect(out.json.error.message).toBe("unknown option '--md' (expected one of --no-cache, --dir, --json; --md is an option of `threadwork score` and `threadwork report`)");
    // Three or more commands read as a list, not a chain of "and".
    expect((await runJson<Refusal>(['campaign', 'draft', 'x', '--date', '2026-01-01', '--dir', dir])).json.error.message).toContain('--date is an option of `threadwork deal new`, `threadwork campaign new`, `threadwork campaign reply` and `threadwork due`)');
    // The program's own options still list --version, which is one of them.
    expect((await runJson<Refusal>(['--frob', '--dir', dir])).json.error.known).toEqual(['--dir', '--json', '--version']);
  }, 30_000);
});
