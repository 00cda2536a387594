import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
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
