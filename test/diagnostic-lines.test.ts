import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * A folder name holding a control character (a newline, or a terminal escape code such as
 * `\u001b[31m`, pasted in or made by a script) was printed as it is in check's
 * `path:line:col` lines: the newline split a diagnostic over two lines, breaking every tool
 * that reads them one a line, and the escape code was run by the terminal (here: the rest
 * of the output turned red). Each is written escaped, as JSON writes it.
 */
describe('a path with control characters in a diagnostic line', () => {
  it('is printed escaped: one line per diagnostic, no raw control character', async () => {
    const dir = exampleWorkspaceCopy();
    cpSync(join(dir, 'threads/sales/fernway-home'), join(dir, 'threads/sales/evil\nname'), { recursive: true });
    cpSync(join(dir, 'threads/sales/fernway-home'), join(dir, 'threads/sales/esc\u001b[31m'), { recursive: true });
    const { stdout, code } = await runCli(['check'], { cwd: dir });
    expect(code).toBe(1);
    // eslint-disable-next-line no-control-regex -- what must not be printed raw
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const lines = stdout.trimEnd().split('\n');
    // The copies also carry stage files byte for byte the original's (stage-file-copied), named at those files.
    expect(lines.slice(0, -1).every((line) => /^threads\/sales\/\S+\/[\w.-]+:\d+:\d+ (error|warning) /.test(line))).toBe(true);
    expect(lines).toContain('threads/sales/evil\\nname/meta.json:2:9 error Duplicate thread id `fernway-home`: already used by threads/sales/fernway-home (duplicate-id)');
    expect(lines.some((line) => line.startsWith('threads/sales/evil\\nname/') && line.endsWith('(stage-file-copied)'))).toBe(true);
    expect(lines).toContain('threads/sales/esc\\u001b[31m/meta.json:2:9 error Duplicate thread id `fernway-home`: already used by threads/sales/fernway-home (duplicate-id)');
  });
});

/**
 * sync's own lines — the per-thread changes, "wrote N files: …", the sources left
 * uncommitted — printed the paths as they are, where its diagnostic lines escape them: a
 * folder named with a newline split "1 source file in error is not committed: …" over two
 * lines. They are escaped the same way.
 */
describe('a path with control characters in sync\'s summary lines', () => {
  it('is printed escaped, as in its diagnostic lines', async () => {
    const dir = exampleWorkspaceCopy();
    cpSync(join(dir, 'threads/sales/fernway-home'), join(dir, 'threads/sales/evil\nname'), { recursive: true });
    cpSync(join(dir, 'threads/sales/fernway-home'), join(dir, 'threads/sales/esc\u001b[31m'), { recursive: true });
    // A derived value set wrong by hand, for sync to write back: its change and wrote lines are printed too.
    const meta = join(dir, 'threads/sales/keel-neobank/meta.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/"lead_score": \d+/, '"lead_score": 1'));
    const { stdout, code } = await runCli(['sync'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^(✗|✓) wrote 1 file: threads\/sales\/keel-neobank\/meta\.json/m);
    // eslint-disable-next-line no-control-regex -- what must not be printed raw
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(stdout).toContain('not committed: threads/sales/esc\\u001b[31m/meta.json, threads/sales/evil\\nname/meta.json;');
  });
});
