import { describe, expect, it } from 'vitest';
import { describeSync } from '../src/cli/commands/sync.js';
import { committedLine } from '../src/cli/outcome.js';
import type { SyncResult } from '../src/engine/transaction.js';

const ONE = { committed: true as const, commit: '727201430e0000000000000000000000000000ff', paths: ['goals/g.md'] };
const TWO = { ...ONE, paths: ['goals/g.md', 'goals/h.md'] };

function synced(commit: SyncResult['commit'], edits: SyncResult['edits'] = [{ path: 'goals/g.md', created: false }]): SyncResult {
  return { dryRun: false, written: edits.map((e) => e.path), edits, changes: [], diagnostics: [], triggers: [], commit, uncommitted: null, uncommittedDeleted: null };
}

describe('the count of committed paths', () => {
  it('is singular for one path and plural for more, in every line that prints it', () => {
    expect(committedLine(ONE)).toEqual(['committed 727201430e (1 path)']);
    expect(committedLine(TWO)).toEqual(['committed 727201430e (2 paths)']);
    expect(describeSync(synced(ONE))).toContain('727201430e (1 path)');
    expect(describeSync(synced(TWO))).toContain('727201430e (2 paths)');
    expect(describeSync(synced(ONE, []))).toContain('727201430e (1 path); nothing else to write');
    expect(describeSync(synced(TWO, []))).toContain('727201430e (2 paths); nothing else to write');
  });
});

describe('a sync that finished an interrupted write whose commit was refused', () => {
  // A review of watch: with nothing of its own to write, such a run said "✓ in sync: nothing to write".
  it('says the write is not committed, and why — never that all is in sync', () => {
    const refused = { committed: false as const, reason: 'changed-meanwhile' as const, message: 'threads/sales/acme/6-learning.md changed while threadwork committed: the files are written but not committed; the next run derives again and commits them' };
    const line = describeSync(synced(refused, []));
    expect(line).toContain('finished an interrupted write; not committed: threads/sales/acme/6-learning.md changed while threadwork committed');
    expect(line).not.toContain('in sync');
  });
});
