import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * A file whose lines end in a lone carriage return (classic Mac OS, some old exporters)
 * read as one line: its `---` opening was not seen, and a stage file was told "No front
 * matter … run threadwork migrate", which would have written a second block over the one
 * there. It is said as what it is — the line endings — at line 1, with what to do, and the
 * file is left as written.
 */

const STAGE = 'threads/sales/brightcart/1-input.md';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

describe('a Markdown file with lone CR line endings', () => {
  it('is told its line endings at line 1, not that it has no front matter, and is not written', async () => {
    const dir = exampleWorkspaceCopy();
    const file = join(dir, STAGE);
    const cr = readFileSync(file, 'utf8').replace(/\r?\n/g, '\r');
    writeFileSync(file, cr);
    const result = await (await openWorkspace(dir)).check({ cache: false });
    const found = result.diagnostics.filter((d) => d.path === STAGE);
    expect(found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule} ${d.message}`)).toEqual([
      '1:1 error line-endings-cr Lines end in a lone carriage return (CR, as classic Mac OS saved text): threadwork reads the file as one line, so its front matter cannot be found; expected LF (or CRLF) line endings — re-save the file with them in your editor',
    ]);
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync', '--json'], { cwd: dir });
    expect(sync.json.diagnostics.filter((d) => d.path === STAGE).map((d) => d.rule)).toContain('line-endings-cr');
    expect(readFileSync(file, 'utf8')).toBe(cr);
  });
});

/*
 * The review: a stage file with no front matter and lone CR line endings was told "no labelled
 * line of it maps to a field" (it is read as one line), and migrate wrote an empty block
 * above it — which silenced the warning, its Date and Source never read.
 */
describe('a stage file without front matter and with lone CR line endings', () => {
  it('is warned of its line endings, and migrate leaves it as written, saying why', async () => {
    const dir = exampleWorkspaceCopy();
    const path = 'threads/sales/fresh-co/1-input.md';
    const meta = readFileSync(join(dir, 'threads/sales/brightcart/meta.json'), 'utf8').replace(/"brightcart"/g, '"fresh-co"');
    mkdirSync(join(dir, 'threads/sales/fresh-co'));
    writeFileSync(join(dir, 'threads/sales/fresh-co/meta.json'), meta);
    const cr = '# Input\r\rDate: 2026-03-01\rSource: inbound\r';
    writeFileSync(join(dir, path), cr);
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--json'], { cwd: dir });
    const found = check.json.diagnostics.filter((d) => d.path === path);
    expect(found.map((d) => `${d.rule} ${d.message}`)).toEqual([expect.stringMatching(/^stage-front-matter-missing No front matter: .* its lines end in a lone carriage return \(CR, .*Re-save it with LF \(or CRLF\) line endings/)]);
    const migrate = await runJson<{ files: unknown[]; skipped: { path: string; reason: string }[] }>(['migrate', path, '--json'], { cwd: dir });
    expect(migrate.json.files).toEqual([]);
    expect(migrate.json.skipped).toEqual([expect.objectContaining({ path, reason: expect.stringMatching(/lone carriage return/) })]);
    expect(readFileSync(join(dir, path), 'utf8')).toBe(cr);
  });
});
