import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * A new thread whose meta.json was never valid is held as absent by derivation. Sync then
 * checked its references as if the file were not there and added a false `thread-meta-missing`
 * ("Missing meta.json") beside the file's own error — `check` listed one error, `sync` two,
 * and its last line counted both. The file's own errors now say what is wrong, alone.
 */

const FRESH = 'threads/sales/tidepool';

const errorsOf = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}:${d.line}:${d.column} ${d.rule}`);

function freshThread(dir: string, meta?: string): void {
  mkdirSync(join(dir, FRESH));
  cpSync(join(dir, 'threads/sales/cobalt-remit/1-input.md'), join(dir, FRESH, '1-input.md'));
  if (meta !== undefined) writeFileSync(join(dir, FRESH, 'meta.json'), meta);
}

describe('a new thread whose meta.json was never valid', () => {
  it('sync lists the errors check lists, no "Missing meta.json" for a file that is there', async () => {
    const dir = exampleWorkspaceCopy();
    const meta = JSON.parse(readFileSync(join(dir, 'threads/sales/cobalt-remit/meta.json'), 'utf8')) as Record<string, unknown>;
    freshThread(dir, `${JSON.stringify({ ...meta, id: 'tidepool', created: 20260402 }, null, 2)}\n`);
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir });
    expect(errorsOf(check.json.diagnostics)).toEqual([`${FRESH}/meta.json:9:14 schema`]);
    expect(errorsOf(sync.json.diagnostics)).toEqual(errorsOf(check.json.diagnostics));
    const text = await runCli(['sync'], { cwd: dir });
    expect(text.stdout).not.toContain('Missing meta.json');
    expect(text.stdout).toContain('✗ nothing to write, but not clean: 1 error above');
  });

  it('a meta.json that is not there is reported once by sync, as by check', async () => {
    const dir = exampleWorkspaceCopy();
    freshThread(dir);
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir });
    expect(errorsOf(check.json.diagnostics)).toEqual([`${FRESH}/meta.json:1:1 thread-meta-missing`]);
    expect(errorsOf(sync.json.diagnostics)).toEqual(errorsOf(check.json.diagnostics));
  });
});
