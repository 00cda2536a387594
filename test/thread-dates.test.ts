import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-12-01' };
const at = (d: Diagnostic): string => `${d.path}:${d.line}:${d.column} ${d.rule}`;

/** The bundled example with one line of one file replaced. */
function exampleWith(path: string, from: string, to: string): string {
  const dir = exampleWorkspace();
  const text = readFileSync(join(dir, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(dir, path), text.replace(from, to));
  return dir;
}

const meta = (dir: string, thread: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, thread, 'meta.json'), 'utf8')) as Record<string, unknown>;

describe('dates a thread cannot have', () => {
  it('a close date after today: check and sync report it at the date, and the goals keep their as-of date', async () => {
    const dir = exampleWith('threads/sales/harbor-lending/6-learning.md', 'closed: 2026-09-24', 'closed: 2027-06-01');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
    expect(check.code).toBe(1);
    const found = check.json.diagnostics.find((d) => d.rule === 'date-in-future');
    expect(found && at(found)).toBe('threads/sales/harbor-lending/6-learning.md:3:9 date-in-future');
    expect(found!.message).toMatch(/^Close date 2027-06-01 is after today \(2026-12-01\): expected the day it happened/);
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir], { env });
    expect(sync.json.diagnostics.map(at)).toContain('threads/sales/harbor-lending/6-learning.md:3:9 date-in-future');
    // One date still to come does not turn the goals to missed: the as-of date stays the latest one up to today.
    for (const goal of ['goals/g-arr-500k-2026.md', 'goals/g-fintech-beachhead.md']) {
      const text = readFileSync(join(dir, goal), 'utf8');
      expect(text).toMatch(/\*\*Status:\*\* active .* as of 2026-11-12/);
    }
  });

  it('a date one day after today passes (a colleague east of here is already on the next day)', async () => {
    const dir = exampleWith('threads/sales/harbor-lending/6-learning.md', 'closed: 2026-09-24', 'closed: 2026-12-02');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
    expect(check.json.diagnostics.filter((d) => d.rule === 'date-in-future')).toEqual([]);
  });

  it('an action completed after today is reported at its completed date', async () => {
    const dir = exampleWith('threads/sales/harbor-lending/5-actions.md', 'completed: 2026-09-24', 'completed: 2027-09-24');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
    const found = check.json.diagnostics.filter((d) => d.rule === 'date-in-future');
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe('threads/sales/harbor-lending/5-actions.md');
    expect(found[0]!.message).toMatch(/^Completion date 2027-09-24 is after today/);
  });

  it('a Stage 1 date, a signal date and a prospect data_date after today are reported at each date, as a close date is', async () => {
    const dir = exampleWith('threads/sales/brightcart/1-input.md', 'date: 2026-05-11', 'date: 2027-05-11');
    const input = readFileSync(join(dir, 'threads/sales/brightcart/1-input.md'), 'utf8');
    writeFileSync(join(dir, 'threads/sales/brightcart/1-input.md'), input.replace('      date: 2026-04-08', '      date: 2027-04-08'));
    const campaign = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/5-actions.md';
    const actions = readFileSync(join(dir, campaign), 'utf8');
    expect(actions).toContain('status: completed, started: 2026-09-15}');
    writeFileSync(join(dir, campaign), actions.replace('status: completed, started: 2026-09-15}', 'status: completed, started: 2026-09-15, data_date: 2027-09-01}'));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
    expect(check.code).toBe(1);
    const found = check.json.diagnostics.filter((d) => d.rule === 'date-in-future');
    expect(found.map((d) => `${at(d)} ${d.message.slice(0, d.message.indexOf(':'))}`)).toEqual([
      'threads/sales/brightcart/1-input.md:3:7 date-in-future Signal date 2027-05-11 is after today (2026-12-01)',
      'threads/sales/brightcart/1-input.md:21:13 date-in-future Signal date 2027-04-08 is after today (2026-12-01)',
      `${campaign}:24:153 date-in-future Data date 2027-09-01 is after today (2026-12-01)`,
    ]);
    expect(found[2]!.message).toMatch(/expected the day the facts were gathered or the event happened/);
  });

  it("a deal's meta.json `created` after today is reported at it, as `deal new --date` refuses it; a campaign's, its start, passes", async () => {
    const dir = exampleWith('threads/sales/fernway-home/meta.json', '"created": "2026-11-12"', '"created": "2027-11-12"');
    const campaign = 'threads/sales/campaigns/2026-09-15-fintech-controller-outbound/meta.json';
    writeFileSync(join(dir, campaign), readFileSync(join(dir, campaign), 'utf8').replace('"created": "2026-09-08"', '"created": "2027-01-05"'));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
    expect(check.code).toBe(1);
    const found = check.json.diagnostics.filter((d) => d.rule === 'date-in-future');
    expect(found.map(at)).toEqual(['threads/sales/fernway-home/meta.json:9:14 date-in-future']);
    expect(found[0]!.message).toMatch(/^Creation date 2027-11-12 is after today \(2026-12-01\): expected the day the deal was opened/);
  });

  it("a campaign's Stage 1 date is its start, a plan: one to come passes", async () => {
    const dir = exampleWith('threads/sales/campaigns/2026-09-15-fintech-controller-outbound/1-input.md', 'date: 2026-09-15', 'date: 2027-01-12');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
    expect(check.json.diagnostics.filter((d) => d.rule === 'date-in-future')).toEqual([]);
  });

  it('a close date before the thread was created: reported at the date, and the thread held as committed rather than a cycle time counted as 0', async () => {
    const dir = exampleWith('threads/sales/harbor-lending/6-learning.md', 'closed: 2026-09-24', 'closed: 2026-06-15');
    const committed = meta(dir, 'threads/sales/harbor-lending').cycle_time_days;
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
    expect(check.code).toBe(1);
    const found = check.json.diagnostics.find((d) => d.rule === 'closed-before-created');
    expect(found && at(found)).toBe('threads/sales/harbor-lending/6-learning.md:3:9 closed-before-created');
    expect(found!.message).toMatch(/^Close date 2026-06-15 is before the thread was created \(2026-07-06, `created` in meta\.json\)/);
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--dir', dir], { env });
    expect(sync.json.diagnostics.map(at)).toContain('threads/sales/harbor-lending/6-learning.md:3:9 closed-before-created');
    // No file of a thread in error is edited (docs/derivation.md): its meta.json keeps the
    // cycle time it had, and no negative or 0 one is derived.
    expect(committed).toBe(80);
    expect(meta(dir, 'threads/sales/harbor-lending').cycle_time_days).toBe(committed);
  });
});
