import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git, gitEnv } from './helpers/git.js';

/**
 * A segments section that defines no segment — `segments: []`, or front matter that lost
 * the key (`---` then `---`) — was read as "nothing to check against": every deal, campaign,
 * assumption and problem naming a segment passed check, and sync wiped every deal's ICP and
 * lead scores and the per-segment metrics, and committed that. A reference to a segment the
 * section does not define is now `unknown-segment` ("none are defined yet"), as a reference
 * to an assumption is: the threads naming one are held, nothing derived moves. Only a
 * section that cannot be read (saved half-way) leaves its ids unknown, not absent.
 */

const SEGMENTS = 'strategy/canvas/04-segments.md';
const DEAL = 'threads/sales/brightcart/meta.json';

const errors = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.severity === 'error');

function emptied(dir: string, frontMatter: (text: string) => string): void {
  const path = join(dir, SEGMENTS);
  writeFileSync(path, frontMatter(readFileSync(path, 'utf8')));
}

describe('a segments section that defines no segment', () => {
  it.each([
    ['`segments: []`', (text: string) => text.replace(/^segments:\n(?:[ #].*\n|\n)*?(?=---\n)/m, 'segments: []\n')],
    ['front matter without the key', (text: string) => `---\n---\n${text.slice(text.indexOf('\n---\n') + 5)}`],
  ])('%s: every reference to a segment is unknown; sync holds the threads, writes and commits nothing', async (_, edit) => {
    const dir = exampleWorkspaceCopy();
    emptied(dir, edit);
    const head = git(dir, 'rev-parse', 'HEAD');
    const meta = readFileSync(join(dir, DEAL), 'utf8');
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(check.code).toBe(1);
    const atDeal = errors(check.json.diagnostics).find((d) => d.path === DEAL);
    expect(atDeal).toMatchObject({ rule: 'unknown-segment', line: 5, column: 14, message: 'Unknown segment `ecommerce-finance` (not in 04-segments.md): none are defined yet: add one to strategy/canvas/04-segments.md (an item of `segments:` with its `id`)' });
    const sync = await runJson<{ diagnostics: Diagnostic[] }>(['sync'], { cwd: dir, env: gitEnv() });
    expect(sync.code, sync.stdout).toBe(1);
    expect(readFileSync(join(dir, DEAL), 'utf8')).toBe(meta);
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain').trim()).toBe(`M ${SEGMENTS}`);
  });

  it('a section saved half-way is its own error only: its ids are unknown, not none', async () => {
    const dir = exampleWorkspaceCopy();
    emptied(dir, (text) => text.slice(0, 120));
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(errors(check.json.diagnostics).map((d) => `${d.path} ${d.rule}`)).toEqual([`${SEGMENTS} front-matter-unclosed`]);
  });
});
