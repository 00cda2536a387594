import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { normalizationTwinDiagnostics } from '../src/workspace/normalization-twins.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * `café` composed (é, U+00E9: NFC) and decomposed (e + U+0301: NFD, as macOS names files)
 * are two folders to Linux and git, and print alike: every message about the two showed
 * one path twice, and nothing said there were two.
 */
const COMPOSED = 'caf\u00e9';
const DECOMPOSED = 'cafe\u0301';

const folder = (isDirectory: boolean) => (name: string) => ({ name, isDirectory: () => isDirectory });

describe('two names that differ only by Unicode normalisation', () => {
  it('are an error at each thread folder, each spelling out its own name and its twin’s, in check and sync', async () => {
    const dir = exampleWorkspaceCopy();
    for (const name of [COMPOSED, DECOMPOSED]) cpSync(join(dir, 'threads/sales/brightcart'), join(dir, 'threads/sales', name), { recursive: true });
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.code).toBe(1);
    const twins = check.json.diagnostics.filter((d) => d.rule === 'normalization-twin');
    expect(twins.map((d) => [d.path, d.line, d.column, d.severity]).sort()).toEqual([
      [`threads/sales/${DECOMPOSED}`, 1, 1, 'error'],
      [`threads/sales/${COMPOSED}`, 1, 1, 'error'],
    ]);
    const composed = twins.find((d) => d.path === `threads/sales/${COMPOSED}`)!.message;
    const decomposed = twins.find((d) => d.path === `threads/sales/${DECOMPOSED}`)!.message;
    expect(composed).toMatch(/^Unexpected twin: this folder is threads\/sales\/caf\\u00E9 \(composed, NFC\), and the folder threads\/sales\/cafe\\u0301 \(decomposed, NFD, as macOS writes names\) has the same name/);
    expect(decomposed).toMatch(/^Unexpected twin: this folder is threads\/sales\/cafe\\u0301 \(decomposed, NFD, as macOS writes names\), and the folder threads\/sales\/caf\\u00E9 \(composed, NFC\)/);
    expect(composed).toMatch(/expected one name/);
    // As printed, the two lines differ though their paths look the same.
    const sync = await runCli(['sync', '--dir', dir]);
    expect(sync.code).toBe(1);
    const lines = sync.stdout.split('\n').filter((line) => line.endsWith('(normalization-twin)'));
    expect(lines).toHaveLength(2);
    expect(new Set(lines).size).toBe(2);
  }, 30_000);

  it('are said once in the campaigns folder, which the scan asks for twice', async () => {
    const dir = exampleWorkspaceCopy();
    for (const name of [COMPOSED, DECOMPOSED]) cpSync(join(dir, 'threads/sales/brightcart'), join(dir, `threads/sales/campaigns/2026-01-01-${name}`), { recursive: true });
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.filter((d) => d.rule === 'normalization-twin').map((d) => d.path).sort()).toEqual([
      `threads/sales/campaigns/2026-01-01-${DECOMPOSED}`,
      `threads/sales/campaigns/2026-01-01-${COMPOSED}`,
    ]);
  }, 30_000);

  it('are found among goal files too', async () => {
    const dir = exampleWorkspaceCopy();
    const goal = readFileSync(join(dir, 'goals/g-arr-500k-2026.md'));
    for (const name of [COMPOSED, DECOMPOSED]) writeFileSync(join(dir, `goals/g-${name}.md`), goal);
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.json.diagnostics.filter((d) => d.rule === 'normalization-twin').map((d) => d.message.match(/^Unexpected twin: this file is (\S+)/)?.[1])).toEqual(
      expect.arrayContaining(['goals/g-caf\\u00E9.md', 'goals/g-cafe\\u0301.md']),
    );
  }, 30_000);

  it.each([
    ['two forms of one name', [COMPOSED, DECOMPOSED, 'acme'], [COMPOSED, DECOMPOSED]],
    ['one name in one form', [COMPOSED, 'acme'], []],
    ['ASCII names, whatever their case', ['acme', 'Acme'], []],
    ['three forms of one name', ['\u1e69', 's\u0323\u0307', '\u1e63\u0307'], ['\u1e69', 's\u0323\u0307', '\u1e63\u0307']],
  ])('normalizationTwinDiagnostics: %s', (_, names, twins) => {
    const found = normalizationTwinDiagnostics('threads/sales', names.map(folder(true)));
    expect(found.map((d) => d.path)).toEqual(twins.map((name) => `threads/sales/${name}`));
  });

  // A hand-made folder named on macOS (decomposed) and a name typed composed, or the other
  // way round: to git they are two names, to the person typing one. Was: unknown-thread.
  it('a thread typed in one normalisation finds its folder written in the other, when no folder has the typed spelling', async () => {
    const dir = exampleWorkspaceCopy();
    cpSync(join(dir, 'threads/sales/brightcart'), join(dir, 'threads/sales', DECOMPOSED), { recursive: true });
    const composedTyped = await runJson<{ error?: { code: string }; from?: number }>(['advance', COMPOSED, '--dir', dir, '--no-commit']);
    // Found: refused for what it is (a deal at its last stage), not as an unknown thread.
    expect(composedTyped.json.error?.code).toBe('last-stage');
    expect(composedTyped.stderr + JSON.stringify(composedTyped.json)).toContain(`threads/sales/${DECOMPOSED}`);
    const pathTyped = await runJson<{ error?: { code: string } }>(['advance', `threads/sales/${COMPOSED}`, '--dir', dir, '--no-commit']);
    expect(pathTyped.json.error?.code).toBe('last-stage');
  });

  it('normalizationTwinDiagnostics: a name partly decomposed, and a character beyond U+FFFF, are spelled as JavaScript writes them', () => {
    const [first] = normalizationTwinDiagnostics('goals', ['\u1e63\u0307\u{1f600}.md', '\u1e69\u{1f600}.md'].map(folder(false)));
    expect(first!.message).toMatch(/^Unexpected twin: this file is goals\/\\u1E63\\u0307\\u\{1F600\}\.md \(partly decomposed\), and the file goals\/\\u1E69\\u\{1F600\}\.md \(composed, NFC\)/);
  });
});
