import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { gitInit } from './helpers/git.js';
import { dealMeta, workspace } from './helpers/workspace.js';
import { md } from './helpers/testdir.js';

type Refusal = { ok: boolean; error: { code: string; message: string } };

/**
 * `threadwork advance .` typed at the workspace's top (meaning "this one", from the wrong
 * folder) was read as a bare id `.`: `threads/sales/.` — the deals' folder itself. With all
 * three thread families present it was "ambiguous" between three such non-threads; with one,
 * `history .` answered "No recorded changes for threads/sales/." and exit 0. The current
 * folder, when it is no thread's, is refused as no thread folder.
 */
describe('`.` typed where the current folder is not a thread', () => {
  it('is refused, naming what a thread argument is, by advance, history and campaign draft', async () => {
    const dir = workspace({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md('source: inbound\n') });
    gitInit(dir);
    for (const args of [['advance', '.'], ['history', '.'], ['campaign', 'draft', '.']]) {
      const out = await runJson<Refusal>(args, { cwd: dir });
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.json.error.code, args.join(' ')).toBe('invalid-thread');
      expect(out.json.error.message, args.join(' ')).not.toMatch(/threads\/sales\/\./);
      expect(out.json.error.message, args.join(' ')).toMatch(/not a thread folder/);
    }
  }, 30_000);
});
