import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read } from './helpers/testdir.js';

/**
 * The README's Programmatic API snippet, run as written against the bundled example: it
 * advanced a fresh deal (which throws: Stage 1 incomplete), wrote Stage 2 before Stage 1
 * was complete (stage-incomplete), opened a deal the example already has and migrated a
 * thread the example does not have.
 */
describe('the README Programmatic API snippet', () => {
  it('runs as written on the bundled example', () => {
    const readme = read(REPO_ROOT, 'README.md');
    const section = readme.slice(readme.indexOf('## Programmatic API'));
    const code = section.slice(section.indexOf('```ts\n') + 6, section.indexOf('\n```', section.indexOf('```ts\n')));
    const dir = exampleWorkspaceCopy();
    const script = code
      .replace("from 'threadwork'", `from ${JSON.stringify(join(REPO_ROOT, 'dist/index.js'))}`)
      .replace("'path/to/workspace'", JSON.stringify(dir));
    const file = join(dir, 'snippet.mjs');
    writeFileSync(file, `${script}\nconsole.log('ran', JSON.stringify(view.meta.id), write !== undefined);\n`);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8', env: { ...process.env, THREADWORK_TODAY: '2026-11-20' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ran "quill-ledger" true');
  });
});
