import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';
import type { Diagnostic } from '../src/diagnostics.js';

const env = { ...gitEnv(), THREADWORK_TODAY: '2026-12-01' };
const at = (d: Diagnostic): string => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.rule}`;
const SOURCE = 'threads/sales/brightcart';
const COPY = 'threads/sales/lumen-goods';

function edit(dir: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(dir, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(dir, path), text.replace(from, to));
}

/** The example with brightcart's folder copied by hand to start another deal, its id set to the copy's folder. */
function copiedDeal(): string {
  const dir = exampleWorkspaceCopy();
  cpSync(join(dir, SOURCE), join(dir, COPY), { recursive: true });
  edit(dir, `${COPY}/meta.json`, '"id": "brightcart"', '"id": "lumen-goods"');
  return dir;
}

async function check(dir: string): Promise<Diagnostic[]> {
  const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir, '--no-cache'], { env });
  return json.diagnostics;
}

const lineOf = (dir: string, path: string, text: string): number => readFileSync(join(dir, path), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;

describe('a deal folder copied by hand', () => {
  it('keeps the old deal\'s created months before its new Stage 1 date: a warning at created naming the input and the fix', async () => {
    const dir = copiedDeal();
    edit(dir, `${COPY}/1-input.md`, 'date: 2026-05-11', 'date: 2026-11-20');
    const found = (await check(dir)).filter((d) => d.rule === 'created-before-input');
    expect(found.map(at)).toEqual([`${COPY}/meta.json:${lineOf(dir, `${COPY}/meta.json`, '"created"')}:14 warning created-before-input`]);
    expect(found[0]!.message).toBe(
      `Creation date 2026-05-11 is 193 days before the Stage 1 date 2026-11-20 (${COPY}/1-input.md): expected the day the deal was opened, on or near the day of its signal. A deal folder copied from another keeps that deal's \`created\`; set it to the day this deal began (\`threadwork deal new\` writes today's; an agent: the MCP tool \`set_created\`) — the cycle time and the forecast count from it`,
    );
  });

  it.each([
    ['30 days before (a month passes)', 'date: 2026-06-10', 0],
    ['31 days before', 'date: 2026-06-11', 1],
    ['after the Stage 1 date (a deal opened on a signal seen earlier)', 'date: 2026-03-01', 0],
  ])('created %s', async (_case, date, count) => {
    const dir = copiedDeal();
    edit(dir, `${COPY}/1-input.md`, 'date: 2026-05-11', date);
    expect((await check(dir)).filter((d) => d.rule === 'created-before-input')).toHaveLength(count);
  });

  it('carries the old deal\'s stage files byte for byte: each is a warning at the copy, naming the file it copies', async () => {
    const dir = copiedDeal();
    // The copy's meta.json says it was opened later; its input rewritten, the other stage files left as copied.
    edit(dir, `${COPY}/meta.json`, '"created": "2026-05-11"', '"created": "2026-11-20"');
    edit(dir, `${COPY}/1-input.md`, 'date: 2026-05-11', 'date: 2026-11-20');
    const found = (await check(dir)).filter((d) => d.rule === 'stage-file-copied');
    const copied = ['2-hypothesis.md', '3-implication.md', '4-decision.md', '5-actions.md', '6-learning.md'];
    expect(found.map(at)).toEqual(copied.map((file) => `${COPY}/${file}:1:1 warning stage-file-copied`));
    expect(found[0]!.message).toBe(
      `Same bytes as ${SOURCE}/2-hypothesis.md (this thread created 2026-11-20, that one created 2026-05-11): expected this thread's own 2-hypothesis.md. A folder copied from another deal carries that deal's stage files, and each would count twice (the same signal scored, the same evidence for its assumptions): write this thread's own, or delete the stage files it has not reached`,
    );
  });

  it('an input left as copied is named too; the older thread is the original whatever the path order', async () => {
    const dir = exampleWorkspaceCopy();
    // Copied to a folder before brightcart in path order, opened later.
    const copy = 'threads/sales/acme-goods';
    cpSync(join(dir, SOURCE), join(dir, copy), { recursive: true });
    edit(dir, `${copy}/meta.json`, '"id": "brightcart"', '"id": "acme-goods"');
    edit(dir, `${copy}/meta.json`, '"created": "2026-05-11"', '"created": "2026-05-12"');
    const found = (await check(dir)).filter((d) => d.rule === 'stage-file-copied');
    expect(found.map((d) => d.path)).toEqual(['1-input.md', '2-hypothesis.md', '3-implication.md', '4-decision.md', '5-actions.md', '6-learning.md'].map((file) => `${copy}/${file}`));
    expect(found.every((d) => d.message.startsWith(`Same bytes as ${SOURCE}/`))).toBe(true);
    // Read back from the parse cache (hashes stored, no file read), the same: twice, the second run all cached.
    for (let run = 0; run < 2; run++) {
      const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir], { env });
      expect(json.diagnostics.filter((d) => d.rule === 'stage-file-copied').map((d) => d.path)).toEqual(found.map((d) => d.path));
    }
  });

  it('a stage file edited by one byte is its own: nothing is said', async () => {
    const dir = copiedDeal();
    for (const file of ['1-input.md', '2-hypothesis.md', '3-implication.md', '4-decision.md', '5-actions.md', '6-learning.md']) {
      writeFileSync(join(dir, COPY, file), `${readFileSync(join(dir, COPY, file), 'utf8')}\n`);
    }
    expect((await check(dir)).filter((d) => d.rule === 'stage-file-copied')).toEqual([]);
  });
});
