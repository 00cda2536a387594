import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { md } from './helpers/testdir.js';
import { waitFor, watchStarter } from './helpers/watch.js';
import { dealMeta, workspace } from './helpers/workspace.js';

const startWatch = watchStarter();

const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

// On Windows with core.autocrlf=true, git stores a CRLF file with LF and checks it out with
// CRLF. Such a committed file, broken under a running watcher (a Tab-indented line pasted from
// a forum), was held at "the one seen before this edit, not yet committed": its CRLF text
// hashed unlike HEAD's LF blob, so the watcher took HEAD's own version for one no commit has
// — and left every other save written but uncommitted (`source-held`) until it was fixed,
// where `sync` commits them.
describe('a committed CRLF file broken under a running watcher, with core.autocrlf=true', () => {
  it('is held at the one in HEAD, and other saves are still committed', async () => {
    const dir = workspace({
      'threads/sales/cargas-alcala/meta.json': dealMeta('cargas-alcala'),
      'threads/sales/cargas-alcala/1-input.md': crlf(md('source: outbound\ndate: 2026-10-12')),
      'threads/sales/cargas-alcala/2-hypothesis.md': crlf(md('tests: [A1]\ninitial_confidence: 0.4')),
      'threads/sales/cargas-alcala/3-implication.md': crlf(md('arr_potential: 6000\nstrategic_value: high\nresource_cost_hours: 30')),
      'threads/sales/maritima/meta.json': dealMeta('maritima'),
      'threads/sales/maritima/1-input.md': crlf(md('source: referral\ndate: 2026-09-10')),
    });
    gitInit(dir, { commit: false });
    git(dir, 'config', 'core.autocrlf', 'true');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'initial');
    expect(git(dir, 'ls-files', '--eol', 'threads/sales/cargas-alcala/3-implication.md')).toMatch(/^i\/lf\s+w\/crlf/);
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    const watcher = startWatch(dir, [], {}, { text: true });
    await watcher.ready();
    const file = join(dir, 'threads/sales/cargas-alcala/3-implication.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('resource_cost_hours: 30', 'resource_cost_hours: 30\r\n\tnotes: pegado del foro'));
    await waitFor(() => watcher.text.some((line) => line.includes('derived-held')), 'the derived-held line', () => watcher.describe());
    expect(watcher.text.find((line) => line.includes('derived-held'))).toContain('held at its last valid version (the one in HEAD)');

    const head = git(dir, 'rev-parse', 'HEAD');
    writeFileSync(join(dir, 'threads/sales/maritima/2-hypothesis.md'), crlf(md('tests: [A2]\ninitial_confidence: 0.5')));
    await waitFor(() => watcher.text.some((line) => line.includes('maritima/2-hypothesis.md')), 'the cycle of the second save', () => watcher.describe());
    const line = watcher.text.find((l) => l.includes('maritima/2-hypothesis.md'))!;
    expect(line).not.toContain('not committed');
    expect(git(dir, 'rev-parse', 'HEAD')).not.toBe(head);
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain('threads/sales/maritima/2-hypothesis.md');
  });
});
