import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-11-20' };

/** A goal planned ahead: it starts next spring, long after today. */
const NEXT_QUARTER = `---
id: g-q2-2027
title: Win five deals in the second quarter of 2027
created: 2027-04-01
deadline: 2027-06-30
metrics:
  - name: won_count
    target: 5
---

# Win five deals in the second quarter of 2027

<!-- threadwork:begin state -->
<!-- threadwork:end state -->
`;

describe('a goal whose created date is still to come', () => {
  it('does not move the as-of date past today: the other goals stay active as of their latest date, and the new goal is not begun', async () => {
    const dir = exampleWorkspace();
    writeFileSync(join(dir, 'goals/g-q2-2027.md'), NEXT_QUARTER);
    const sync = await runJson<{ ok: boolean }>(['sync', '--dir', dir], { env });
    expect(sync.json.ok).toBe(true);
    for (const goal of ['goals/g-arr-500k-2026.md', 'goals/g-fintech-beachhead.md']) {
      expect(readFileSync(join(dir, goal), 'utf8')).toMatch(/\*\*Status:\*\* active · \*\*Trajectory:\*\* behind .* as of 2026-11-12/);
    }
    expect(readFileSync(join(dir, 'goals/g-q2-2027.md'), 'utf8')).toMatch(/\*\*Status:\*\* active .*0% of the time to 2027-06-30\) · as of 2026-11-12/);
    const again = await runJson<{ ok: boolean; written: string[] }>(['sync', '--dir', dir], { env });
    expect(again.json.written).toEqual([]);
  });
});
