import { cpSync } from 'node:fs';
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
    expect(lines.slice(0, -1).every((line) => /^threads\/sales\/\S+\/meta\.json:\d+:\d+ (error|warning) /.test(line))).toBe(true);
    expect(lines).toContain('threads/sales/evil\\nname/meta.json:2:9 error Duplicate thread id `fernway-home`: already used by threads/sales/fernway-home (duplicate-id)');
    expect(lines).toContain('threads/sales/esc\\u001b[31m/meta.json:2:9 error Duplicate thread id `fernway-home`: already used by threads/sales/fernway-home (duplicate-id)');
  });
});
