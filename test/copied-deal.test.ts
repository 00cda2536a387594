import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { gitEnv } from './helpers/git.js';

interface Diagnostic {
  path: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
}

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
});
