import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * A thread named in another case (`Keel-Neobank`, `THREADS/sales/…` as typed from a
 * title) was "Unknown thread … create one with `threadwork deal new`", which invites a
 * second deal for the same company. Thread ids are lower-case: the error now names the
 * thread that was meant, as history does for `a1` (`meant` in JSON).
 */

interface Refusal {
  ok: false;
  error: { code: string; message: string; meant?: string };
}

describe('a thread named in another case', () => {
  it.each([
    ['advance', ['advance', 'Keel-Neobank']],
    ['history', ['history', 'Keel-Neobank']],
    ['advance with a path', ['advance', 'threads/sales/Keel-Neobank']],
  ])('%s names the thread meant', async (_what, args) => {
    const dir = exampleWorkspaceCopy();
    const { code, json } = await runJson<Refusal>(args, { cwd: dir });
    expect(code).toBe(1);
    expect(json.error.code).toBe('unknown-thread');
    expect(json.error.message).toContain('; did you mean threads/sales/keel-neobank? (a thread is named by its folder, as written: lower-case');
    expect(json.error.meant).toBe('threads/sales/keel-neobank');
  });

  it('a name no thread has in any case is told only that it is unknown', async () => {
    const dir = exampleWorkspaceCopy();
    const { json } = await runJson<Refusal>(['advance', 'Nowhere-Inc'], { cwd: dir });
    expect(json.error).toEqual({ code: 'unknown-thread', message: 'Unknown thread "Nowhere-Inc": no such folder under threads/ (create one with `threadwork deal new`)' });
  });

  // `campaign draft nowhere` said "create one with `threadwork deal new`": a deal is no campaign to draft.
  it.each([
    ['campaign draft', ['campaign', 'draft', 'nowhere']],
    ['campaign reply', ['campaign', 'reply', 'nowhere', 'ada@example.com', '--text', 'Thanks']],
  ])('%s of a campaign no thread is says to open one with campaign new', async (_what, args) => {
    const dir = exampleWorkspaceCopy();
    const { code, json } = await runJson<Refusal>(args, { cwd: dir });
    expect(code).toBe(1);
    expect(json.error).toEqual({ code: 'unknown-thread', message: 'Unknown thread "nowhere": no such folder under threads/ (create one with `threadwork campaign new`)' });
  });
});

describe('a thread folder renamed in another case', () => {
  it('is told to rename the folder back to its id, not to set an id no thread may have', async () => {
    // `"id": "Keel-Neobank"` would be refused by the schema (ids are lower-case): the only fix that holds is the folder's name.
    const dir = exampleWorkspaceCopy();
    renameSync(join(dir, 'threads/sales/keel-neobank'), join(dir, 'threads/sales/Keel-Neobank'));
    const result = await (await openWorkspace(dir)).check({ cache: false });
    const found = result.diagnostics.filter((d) => d.rule === 'thread-id-folder');
    expect(found.map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'threads/sales/Keel-Neobank/meta.json:2:9 Thread id `keel-neobank` does not match its folder: expected the folder renamed to threads/sales/keel-neobank (`Keel-Neobank` is not a thread id: lower-case letters, digits and single hyphens)',
    ]);
  });
});
