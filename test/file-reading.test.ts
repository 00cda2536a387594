import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { scannedPath } from '../src/workspace/read-files.js';
import { utf16Of } from '../src/workspace/utf16.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

describe('a file that is not valid UTF-8, wherever it is', () => {
  it('check reports not-utf8 at the first bad byte, reads the rest, and sync never rewrites it', async () => {
    const dir = exampleWorkspaceCopy();
    const path = 'threads/sales/meridian-pay/1-input.md';
    const text = readFileSync(join(dir, path), 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^[a-z_]+: /.test(l) && l !== '---');
    expect(at).toBeGreaterThan(0);
    // A Latin-1 "ô" (0xF4) at the end of a front-matter line.
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, at + 1).join('\n') + ' Contr', 'utf8'), Buffer.from([0xf4]), Buffer.from('leur\n' + lines.slice(at + 1).join('\n'), 'utf8')]);
    writeFileSync(join(dir, path), bytes);
    const column = Buffer.from(lines[at]! + ' Contr', 'utf8').toString('utf8').length + 1;
    const check = await (await openWorkspace(dir)).check();
    const found = check.diagnostics.filter((d) => d.rule === 'not-utf8');
    expect(found.map((d) => [d.path, d.line, d.column, d.severity])).toEqual([[path, at + 1, column, 'warning']]);
    expect(found[0]!.message).toMatch(/byte 0xF4 here.*Latin-1.*expected UTF-8/);
    const sync = await (await openWorkspace(dir)).sync({ commit: false });
    expect(sync.diagnostics.filter((d) => d.rule === 'not-utf8').map((d) => d.path)).toEqual([path]);
    expect(readFileSync(join(dir, path)).equals(bytes)).toBe(true);
  });

  it('a U+FFFD written as UTF-8 is text like any other: no not-utf8', async () => {
    const dir = exampleWorkspaceCopy();
    const path = 'threads/sales/meridian-pay/1-input.md';
    writeFileSync(join(dir, path), readFileSync(join(dir, path), 'utf8') + '\nA \uFFFD here.\n');
    const check = await (await openWorkspace(dir)).check();
    expect(check.diagnostics.filter((d) => d.rule === 'not-utf8')).toEqual([]);
  });
});

/** `text` as UTF-16 in `order`, after the byte-order mark when `bom`: what Notepad's "Unicode" and PowerShell 5's `Out-File` save. */
function utf16(text: string, order: 'LE' | 'BE', bom: boolean): Buffer {
  const bytes = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'BE' ? bytes.swap16() : bytes;
}

describe('a file saved as UTF-16', () => {
  it('is one utf16 error at line 1, column 1, naming its byte order; the file is held and never written', async () => {
    const dir = exampleWorkspaceCopy();
    const files = [
      ['threads/sales/cobalt-remit/meta.json', 'BE', true, /UTF-16 BE text \(it starts with the byte-order mark FE FF\)/],
      ['threads/sales/meridian-pay/1-input.md', 'LE', true, /UTF-16 LE text \(it starts with the byte-order mark FF FE\)/],
      ['research/customer/icp/mid-market-fintech-icp.yaml', 'LE', false, /UTF-16 LE text \(no byte-order mark, but every other byte is zero\)/],
    ] as const;
    const written = new Map<string, Buffer>();
    for (const [path, order, bom] of files) {
      written.set(path, utf16(readFileSync(join(dir, path), 'utf8'), order, bom));
      writeFileSync(join(dir, path), written.get(path)!);
    }
    type Diagnostic = { path: string; line: number; column: number; severity: string; rule: string; message: string };
    const check = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--dir', dir]);
    expect(check.code).toBe(1);
    // One error each, and nothing its bytes misread as UTF-8 would give (not-utf8 for the mark, not-text for the NULs, json-syntax).
    expect(check.json.diagnostics.map((d) => [d.path, d.line, d.column, d.severity, d.rule])).toEqual(files.map(([path]) => [path, 1, 1, 'error', 'utf16']).sort());
    for (const [path, , , says] of files) {
      const message = check.json.diagnostics.find((d) => d.path === path)!.message;
      expect(message).toMatch(says);
      expect(message).toMatch(/expected UTF-8.*save the file again as UTF-8/);
    }
    const sync = await runJson<{ diagnostics: Diagnostic[]; commit: unknown }>(['sync', '--dir', dir]);
    expect(sync.code).toBe(1);
    expect(sync.json.commit).toBeNull();
    expect(sync.json.diagnostics.filter((d) => d.rule === 'derived-held').map((d) => d.path).sort()).toEqual(files.map(([path]) => path).sort());
    for (const [path, bytes] of written) expect(readFileSync(join(dir, path)).equals(bytes), path).toBe(true);
  }, 30_000);

  it.each([
    ['a little-endian mark', utf16('---\n', 'LE', true), { order: 'LE', bom: true }],
    ['a big-endian mark', utf16('---\n', 'BE', true), { order: 'BE', bom: true }],
    ['a mark before text that is not Latin', utf16('Ελληνικά', 'LE', true), { order: 'LE', bom: true }],
    ['no mark, little-endian Latin text', utf16('---\nsegment: café\n', 'LE', false), { order: 'LE', bom: false }],
    ['no mark, big-endian Latin text', utf16('{"id": "acme"}', 'BE', false), { order: 'BE', bom: false }],
    ['no mark, text that is not Latin (not guessed at)', utf16('Ελληνικά', 'LE', false), undefined],
    ["UTF-32's little-endian mark", Buffer.from([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0]), undefined],
    ['UTF-8 with its mark', Buffer.from('\uFEFF---\n', 'utf8'), undefined],
    ['Latin-1 text', Buffer.from('caf\xe9 ---', 'latin1'), undefined],
    ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), undefined],
    ['a NUL among text', Buffer.from('---\n\0id: x\n', 'utf8'), undefined],
    ['one character without a mark (too little to tell)', utf16('a', 'LE', false), undefined],
  ])('utf16Of: %s', (_, bytes, expected) => {
    expect(utf16Of(bytes)).toEqual(expected);
  });
});

describe('an empty YAML file', () => {
  it.each([
    ['research/customer/icp/mid-market-fintech-icp.yaml', ''],
    ['research/customer/icp/mid-market-fintech-icp.yaml', '\uFEFF \n\n'],
    ['threadwork.config.yaml', ''],
    ['threads/sales/campaigns/suppression.yaml', '\n'],
  ])('%s (%j) is file-empty at 1:1, held at its last valid version', async (path, text) => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, path), text);
    const check = await (await openWorkspace(dir)).check();
    const mine = check.diagnostics.filter((d) => d.path === path);
    expect(mine.map((d) => [d.rule, d.line, d.column, d.severity])).toContainEqual(['file-empty', 1, 1, 'error']);
    expect(mine.filter((d) => d.rule === 'schema')).toEqual([]);
    expect(mine.find((d) => d.rule === 'file-empty')!.message).toMatch(/^Empty file: expected YAML/);
  });
});

describe('a tab as indentation', () => {
  it('says spaces are expected, in front matter and in a YAML file', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, 'threads/sales/meridian-pay/1-input.md'), '---\nsource: inbound\ncompany:\n\tname: Acme\n---\n');
    writeFileSync(join(dir, 'research/customer/icp/ecommerce-finance-icp.yaml'), 'segment: ecommerce-finance\nname: X\nfirmographics:\n\tindustry: [a]\n');
    const check = await (await openWorkspace(dir)).check();
    const tabs = check.diagnostics.filter((d) => d.rule === 'yaml-syntax');
    expect(tabs.map((d) => [d.path, d.line, d.column])).toEqual([
      ['research/customer/icp/ecommerce-finance-icp.yaml', 4, 1],
      ['threads/sales/meridian-pay/1-input.md', 4, 1],
    ]);
    for (const d of tabs) expect(d.message).toBe('Invalid YAML: a tab as indentation: expected spaces — YAML indents with spaces only (replace the tab with two spaces per level)');
  });
});

describe('front matter whose closing `---` is missing, with a `---` line further down', () => {
  it('is reported at the heading YAML read as a comment, not read as keys', async () => {
    const dir = exampleWorkspaceCopy();
    const path = 'threads/sales/meridian-pay/2-hypothesis.md';
    writeFileSync(join(dir, path), '---\ntests: [A1]\n\n# H\n\nSome prose: x\n\n---\n\nMore.\n');
    const check = await (await openWorkspace(dir)).check();
    const mine = check.diagnostics.filter((d) => d.path === path && d.severity === 'error');
    expect(mine.map((d) => [d.rule, d.line, d.column])).toEqual([['front-matter-unclosed', 4, 1]]);
    expect(mine[0]!.message).toMatch(/expected a `---` line/);
  });

  it('a YAML comment after a blank line, with keys as usual, is not', async () => {
    const dir = exampleWorkspaceCopy();
    const path = 'threads/sales/meridian-pay/2-hypothesis.md';
    writeFileSync(join(dir, path), '---\ntests: [A1]\n\n# The tests below\nnotes: x\n---\n\n# H\n');
    const check = await (await openWorkspace(dir)).check();
    expect(check.diagnostics.filter((d) => d.path === path && d.severity === 'error')).toEqual([]);
  });
});

describe('the path a scanned file is opened at', () => {
  it.each([
    ['/w', 'threads/sales/acme/1-input.md'],
    ['/w/ws', 'threadwork.config.yaml'],
    ['/w/', 'goals/g.md'],
    ['/w/./ws', 'goals/g.md'],
    ['/w/x/../ws', 'goals/g.md'],
    ['/w//ws', 'goals/g.md'],
    ['/', 'goals/g.md'],
    ['/w', 'threads/sales/.hidden/meta.json'],
    ['/w', './goals/g.md'],
    ['/w', 'goals/../strategy/canvas/01-problem.md'],
    ['/w', 'goals//g.md'],
    ['/w', 'goals/'],
    ['/w', '/abs'],
    ['/w', '.threadwork'],
    ['/w', 'a.b/c..d/e.'],
    ['/w', ''],
  ])('is join(%j, %j) exactly', (root, rel) => {
    expect(scannedPath(root, rel)).toBe(join(root, rel));
  });
});
