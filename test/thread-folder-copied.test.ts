import { cpSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

interface Found {
  path: string;
  rule: string;
  severity: string;
  message: string;
}

/*
 * A deal folder copied by hand to start a new deal, under the company's name as the user
 * typed it (`Nordwind Zahlungen Süd`): its meta.json still names the deal it was copied
 * from. check told the user to rename the folder to that id — the folder of the deal copied,
 * which is there — so the advice could not be followed. It now names the folder name made
 * from the copy's own name, and that name as its id.
 */
describe('a thread folder copied by hand under a name that is no thread id', () => {
  it.each([
    { folder: 'Nordwind Zahlungen Süd', made: 'nordwind-zahlungen-sud' },
    // Renamed only in case, the name made is the copied deal's own id: one free beside it is told.
    { folder: 'Northwind-Payments', made: 'northwind-payments-2' },
  ])('check and sync name a folder name of its own for $folder, and following it clears both errors', async ({ folder, made }) => {
    const dir = exampleWorkspaceCopy();
    cpSync(join(dir, 'threads/sales/northwind-payments'), join(dir, 'threads/sales', folder), { recursive: true });
    const expected = `Thread id \`northwind-payments\` does not match its folder: expected the folder renamed to threads/sales/${made} and \`"id": "${made}"\` — threads/sales/northwind-payments is another thread, this folder a copy of it`;
    for (const command of ['check', 'sync']) {
      const run = await runJson<{ diagnostics: Found[] }>([command, '--dir', dir]);
      expect(run.code, command).toBe(1);
      const there = run.json.diagnostics.find((d) => d.path === `threads/sales/${folder}/meta.json` && d.rule === 'thread-id-folder');
      expect(there?.message, command).toContain(expected);
      expect(there?.message, command).not.toContain('the folder renamed to threads/sales/northwind-payments ');
    }
    renameSync(join(dir, 'threads/sales', folder), join(dir, 'threads/sales', made));
    const meta = join(dir, 'threads/sales', made, 'meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"id": "northwind-payments"', `"id": "${made}"`));
    const after = await runJson<{ diagnostics: Found[] }>(['check', '--dir', dir]);
    expect(after.json.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
