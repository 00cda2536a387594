import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';
import { workspace } from './helpers/workspace.js';

/**
 * The terminal's account table showed intent 0.00, reach 0.70 and fresh 0.80 for a row with
 * no signals, no email status and no data date, with no word that these stood for missing
 * data; --md's `missing` column and --json's `missing` said so, the text did not.
 */
describe('score in the terminal', () => {
  it('names under the table what each account was scored without, as --md does', async () => {
    const dir = workspace();
    const list = testdir({ 'accounts.csv': 'name,industry,employees,revenue,signals,data_date,email_status\nFull Pay,payments,400,$50M,funding,2026-11-20,verified\nBare Pay,payments,400,,,,\n' });
    const text = await runCli(['score', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir], { env: { THREADWORK_TODAY: '2026-11-22' } });
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split('\n').filter((l) => l.startsWith('missing '));
    expect(lines).toEqual(['missing Bare Pay (row 3): fit.revenue, intent.signals, reachability.email_status, freshness.date']);
    const md = await runCli(['score', `${list}/accounts.csv`, '-s', 'mid-market-fintech', '--dir', dir, '--md'], { env: { THREADWORK_TODAY: '2026-11-22' } });
    expect(md.stdout).toContain('| fit.revenue, intent.signals, reachability.email_status, freshness.date |');
  });
});
