import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * A thread folder whose name is not valid UTF-8 (made on a Latin-1 system, or unpacked
 * from an old archive: `caf\xe9`) was read by name as `caf\ufffd`, which names no folder:
 * its files were never listed, and check said "no problems" of a deal it never read. It is
 * refused, as an error naming it, so the person knows to rename it.
 */
describe('a thread folder whose name is not UTF-8', () => {
  it('is an error naming it, not a thread silently left out', async () => {
    const dir = exampleWorkspaceCopy();
    const folder = Buffer.concat([Buffer.from(join(dir, 'threads/sales/caf')), Buffer.from([0xe9])]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/meta.json')]), readFileSync(join(dir, 'threads/sales/fernway-home/meta.json')));
    const { json, code } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      'threads/sales/caf\ufffd:1:1 path-refused Refused threads/sales/caf\ufffd: its name is not valid UTF-8 (shown with \ufffd where a byte could not be read): expected a UTF-8 name — rename it; until then nothing in it is read',
    ]);
  });

  it('is said once in the campaigns folder, which the scan lists for the suppression list and for the campaigns', async () => {
    const dir = exampleWorkspaceCopy();
    mkdirSync(Buffer.concat([Buffer.from(join(dir, 'threads/sales/campaigns/2026-01-01-caf')), Buffer.from([0xe9])]));
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.map((d) => `${d.path} ${d.rule}`)).toEqual(['threads/sales/campaigns/2026-01-01-caf\ufffd path-refused']);
  });
});
