import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initWorkspace, openWorkspace } from '../src/api.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { asCliJson } from './helpers/in-process.js';
import { read, testdir } from './helpers/testdir.js';

/**
 * A tab pasted into a name — from a spreadsheet cell, a CRM export — was refused as a
 * control character: `deal new "Northwind<TAB>Payments"` answered "it contains control
 * characters". A tab there is whitespace: it is written as a space (the name as it reads,
 * in meta.json, the stage file's heading, the folder name), so the deal is the company
 * `Northwind Payments`, as a run of spaces already was. A line break, a NUL or a bell is
 * still refused.
 */

const TODAY = { THREADWORK_TODAY: '2026-11-20' };
type Created = { path: string; error?: { code: string; message: string } };

describe('a tab in a name', () => {
  it('is a space in a company name (deal new through the CLI): the folder, meta.json and the heading read as typed with a space', async () => {
    const dir = exampleWorkspaceCopy();
    const result = await runJson<Created>(['deal', 'new', 'Acme\tPayments', '-s', 'mid-market-fintech', '--no-commit'], { cwd: dir, env: TODAY });
    expect(result.code, result.stdout).toBe(0);
    expect(result.json.path).toBe('threads/sales/acme-payments');
    expect(JSON.parse(read(dir, 'threads/sales/acme-payments/meta.json')).title).toBe('Acme Payments');
    expect(read(dir, 'threads/sales/acme-payments/1-input.md')).toContain('# Input — Acme Payments\n');
  });

  it('is a space in a --title and in a campaign name; the same company as its name with a space', async () => {
    const dir = exampleWorkspaceCopy();
    const workspace = await openWorkspace(dir);
    const titled = await asCliJson<Created>(() => workspace.createDeal({ company: 'Acme Co', segment: 'mid-market-fintech', title: 'Acme\tplatform rollout' }, { commit: false }));
    expect(titled.code, JSON.stringify(titled.json)).toBe(0);
    expect(JSON.parse(read(dir, 'threads/sales/acme-co/meta.json')).title).toBe('Acme platform rollout');
    const campaign = await asCliJson<Created>(() => workspace.createCampaign({ name: 'Spring\tpush', segment: 'mid-market-fintech', date: '2026-11-20' }, { commit: false }));
    expect(campaign.code, JSON.stringify(campaign.json)).toBe(0);
    expect(campaign.json.path).toBe('threads/sales/campaigns/2026-11-20-spring-push');
    expect(JSON.parse(read(dir, 'threads/sales/campaigns/2026-11-20-spring-push/meta.json')).title).toBe('Spring push');
    // The example's Northwind Payments, pasted with a tab: the thread there is named, not a second one made.
    const again = await asCliJson<Created>(() => workspace.createDeal({ company: 'Northwind\tPayments', segment: 'mid-market-fintech' }, { commit: false }));
    expect(again.code).toBe(1);
    expect(again.json.error?.code).toBe('thread-exists');
  });

  it('is a space in init --company; a line break or a bell is still refused', async () => {
    const dir = join(testdir(), 'acme-gtm');
    await initWorkspace(dir, { company: 'Acme\tAnalytics', git: false });
    expect(readFileSync(join(dir, 'threadwork.config.yaml'), 'utf8')).toContain('\ncompany: "Acme Analytics"\n');
    for (const name of ['Acme\nPayments', 'Acme\u0007Payments', 'Acme\u0000Payments']) {
      const workspace = await openWorkspace(exampleWorkspaceCopy());
      const refused = await asCliJson<Created>(() => workspace.createDeal({ company: name, segment: 'mid-market-fintech' }, { commit: false }));
      expect(refused.json.error?.message, JSON.stringify(name)).toMatch(/control characters/);
    }
  });
});

/**
 * A title or a name given with --slug was never checked for control characters: only the
 * folder name made from a name was. `--title "Acme<LF>platform"` wrote a title with a line
 * break to meta.json and split the stage file's heading in two; `deal new "Acme<LF>Co"
 * --slug acme-co` and a campaign name with a bell were written as given. Each is refused
 * now, as the same name without --slug is, and nothing is written.
 */
describe('a control character in a name given with --slug, or in a --title', () => {
  it.each([
    ['a title with a line break', { company: 'Acme Co', title: 'Acme\nplatform' }, 'title'],
    ['a company name with a line break and a --slug', { company: 'Acme\nCo', slug: 'acme-co' }, 'company name'],
  ])('%s is refused and nothing is written', async (_name, request, what) => {
    const dir = exampleWorkspaceCopy();
    const workspace = await openWorkspace(dir);
    const refused = await asCliJson<Created>(() => workspace.createDeal({ segment: 'mid-market-fintech', ...request }, { commit: false }));
    expect(refused.code).toBe(1);
    expect(refused.json.error).toMatchObject({ code: 'invalid-name' });
    expect(refused.json.error?.message).toMatch(new RegExp(`^Refused ${what} ".*": it contains control characters \\(U\\+[0-9A-F]{4}(, U\\+[0-9A-F]{4})*\\)\\.`));
    expect(existsSync(join(dir, 'threads/sales/acme-co'))).toBe(false);
  });

  it('a campaign name with a bell and a --slug is refused', async () => {
    const dir = exampleWorkspaceCopy();
    const refused = await asCliJson<Created>(async () => (await openWorkspace(dir)).createCampaign({ name: 'Spring\u0007push', slug: 'spring', segment: 'mid-market-fintech', date: '2026-11-20' }, { commit: false }));
    expect(refused.json.error).toMatchObject({ code: 'invalid-name' });
    expect(existsSync(join(dir, 'threads/sales/campaigns/2026-11-20-spring'))).toBe(false);
  });
});
