import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount } from './helpers/git.js';
import { connectMcp } from './helpers/mcp.js';

const THREAD = 'threads/sales/fernway-home';
const FILE = `${THREAD}/1-input.md`;

/**
 * A person has a stage file open and half-saved: a value they are typing has its quote left
 * open, so the front matter does not parse. An agent's write_stage to that stage replaced the
 * whole front matter with the fields it sent ("git keeps the broken one" — it never does: a
 * broken file is never committed), and the person's lines were gone. The write is refused,
 * nothing written, with the errors at their line and column and the front matter as written.
 */
describe('write_stage onto a front matter that does not parse', () => {
  it('is refused with the errors and the text as written, and the file is left as the person saved it', async () => {
    const dir = exampleWorkspaceCopy();
    const mcp = await connectMcp(dir);
    const valid = readFileSync(join(dir, FILE), 'utf8');
    const broken = valid.replace(/^signal: .*$/m, (line) => `${line}\nnotes: "pilot with three ACH files, Ana says go [unclosed`);
    expect(broken).not.toBe(valid);
    writeFileSync(join(dir, FILE), broken);
    const commits = commitCount(dir);
    const line = broken.split('\n').findIndex((l) => l.startsWith('notes: ')) + 1;

    const answer = await mcp.call<{ ok: false; error: Record<string, unknown> & { diagnostics: { line: number; rule: string }[] } }>('write_stage', { thread: THREAD, stage: 1, front_matter: { company: { industry: 'retail' } } });
    expect(answer.isError).toBe(true);
    expect(answer.data.error).toMatchObject({ code: 'front-matter-unreadable', path: FILE, version: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(answer.data.error.frontMatter).toContain('notes: "pilot with three ACH files, Ana says go [unclosed');
    expect(answer.data.error.diagnostics).toEqual([expect.objectContaining({ path: FILE, line, rule: 'yaml-syntax' })]);
    expect(answer.text).toContain('nothing was written');
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(broken);
    expect(commitCount(dir)).toBe(commits);

    // Fixed (the person closes the quote), the same write merges onto what they wrote.
    writeFileSync(join(dir, FILE), broken.replace('[unclosed', 'soon"'));
    await mcp.ok('write_stage', { thread: THREAD, stage: 1, front_matter: { company: { industry: 'retail' } } });
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain('notes: "pilot with three ACH files, Ana says go soon"');
  });
});
