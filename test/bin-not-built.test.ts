import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli.js';
import { testdir } from './helpers/testdir.js';

/** A checkout run before `npm run build` died with a raw ERR_MODULE_NOT_FOUND stack. */
describe('bin/threadwork.js without dist/', () => {
  it('says to build first, with exit code 1', () => {
    const dir = testdir();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(REPO_ROOT, 'bin/threadwork.js'), join(dir, 'bin/threadwork.js'));
    writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
    const run = spawnSync(process.execPath, [join(dir, 'bin/threadwork.js'), 'check'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Run `npm run build` (or `npm install`)');
    expect(run.stderr).not.toContain('ERR_MODULE_NOT_FOUND');
  });
});
