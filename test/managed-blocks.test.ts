import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { findManagedBlocks, loadMarkdownParser, markersByParse, markersOnOwnLines } from '../src/markdown/managed-blocks.js';
import { runCli } from './helpers/cli.js';
import { read } from './helpers/testdir.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { workspace } from './helpers/workspace.js';

const FIXTURES = join(__dirname, 'fixtures/blocks');

// remark is loaded on first need (a sync loads it through withMarkdownParser); these tests call the scans directly.
beforeAll(loadMarkdownParser);

/**
 * Round-trip fixtures: input.md is a 10-assumptions.md as a person wrote it; output.md
 * is the file after sync. Regenerate with UPDATE=1 after a deliberate change, and read
 * the diff: only the managed block may differ.
 */
describe('surgical edits (fixtures)', () => {
  it.each(readdirSync(FIXTURES))('%s: keeps every byte outside the managed block', async (name) => {
    const input = readFileSync(join(FIXTURES, name, 'input.md'), 'utf8');
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': input });
    const result = await (await openWorkspace(dir)).sync({ commit: false });
    expect(result.diagnostics.filter((d) => d.path.endsWith('10-assumptions.md'))).toEqual([]);
    const output = read(dir, 'strategy/canvas/10-assumptions.md');
    const expectedFile = join(FIXTURES, name, 'output.md');
    if (process.env.UPDATE) writeFileSync(expectedFile, output);
    expect(output).toBe(readFileSync(expectedFile, 'utf8'));
    const blocks = findManagedBlocks(output, 0).blocks;
    const block = blocks.get('assumptions')!;
    // Everything before the block's content and after it is the input's bytes.
    const outside = output.slice(0, block.contentStart) + output.slice(block.contentEnd);
    const inputBlock = findManagedBlocks(input, 0).blocks.get('assumptions');
    if (inputBlock) expect(outside).toBe(input.slice(0, inputBlock.contentStart) + input.slice(inputBlock.contentEnd));
    else expect(output.startsWith(input)).toBe(true);
    // A second sync changes nothing.
    expect((await (await openWorkspace(dir)).sync({ commit: false })).written).toEqual([]);
  });
});

describe('damaged markers', () => {
  const begin = '<!-- threadwork:begin assumptions -->';
  const end = '<!-- threadwork:end assumptions -->';
  it.each([
    { name: 'end marker deleted', body: `a\n\n${begin}\nx\n`, line: 3, message: /Unclosed managed block/ },
    { name: 'begin marker deleted', body: `a\n\nx\n${end}\n`, line: 4, message: /end marker but no begin/ },
    { name: 'markers swapped', body: `${end}\n\nx\n\n${begin}\n`, line: 1, message: /Swapped markers/ },
    { name: 'block duplicated', body: `${begin}\n${end}\n\n${begin}\n${end}\n`, line: 4, message: /Duplicated managed block/ },
  ])('$name is reported at its line', ({ body, line, message }) => {
    const scan = findManagedBlocks(body, 0);
    expect(scan.blocks.has('assumptions')).toBe(false);
    expect(scan.problems).toEqual([expect.objectContaining({ name: 'assumptions', position: { line, column: 1 }, message: expect.stringMatching(message) })]);
  });
});

describe('a file that is not valid UTF-8', () => {
  it('is never rewritten: its bytes stay as they are and sync says why', async () => {
    const dir = workspace();
    const path = join(dir, 'strategy/canvas/10-assumptions.md');
    // A stray Latin-1 byte (0xE9, "é" in ISO-8859-1) in the prose: decoding it as UTF-8 gives U+FFFD.
    const bytes = Buffer.concat([readFileSync(path), Buffer.from('\nCaf'), Buffer.from([0xe9]), Buffer.from(' notes.\n')]);
    writeFileSync(path, bytes);
    const result = await (await openWorkspace(dir)).sync({ commit: false });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(result.written).not.toContain('strategy/canvas/10-assumptions.md');
    // At the byte itself, not line 1: in a long file the person must find it to re-save it.
    const line = readFileSync(path, 'utf8').split('\n').length - 1;
    expect(result.diagnostics.filter((d) => d.rule === 'not-utf8').map((d) => [d.path, d.line, d.column, d.severity, d.message])).toEqual([
      [
        'strategy/canvas/10-assumptions.md',
        line,
        4,
        'warning',
        'strategy/canvas/10-assumptions.md is not valid UTF-8 (byte 0xE9 here, read as U+FFFD: was the file saved as Latin-1 or Windows-1252?): its managed block or derived fields are not updated, so no byte of it changes',
      ],
    ]);
    // Saved as UTF-8, it is updated like any other file.
    writeFileSync(path, bytes.toString('latin1'), 'utf8');
    const fixed = await (await openWorkspace(dir)).sync({ commit: false });
    expect(fixed.written).toContain('strategy/canvas/10-assumptions.md');
  });
});

describe('a sync that leaves files stale because they are not valid UTF-8', () => {
  it('does not end with "in sync", and a second sync says the same', async () => {
    const dir = exampleWorkspaceCopy();
    // A Latin-1 "é" in the deal's meta.json and in the metrics section: the two files a new decision moves.
    for (const [path, word] of [['threads/sales/meridian-pay/meta.json', 'Meridian'], ['strategy/canvas/13-metrics.md', 'metrics']] as const) {
      const text = readFileSync(join(dir, path), 'utf8');
      expect(text).toContain(word);
      const bytes = Buffer.from(text.replace(word, `${word[0]}\u0001${word.slice(2)}`), 'utf8');
      bytes[bytes.indexOf(1)] = 0xe9;
      writeFileSync(join(dir, path), bytes);
    }
    writeFileSync(join(dir, 'threads/sales/meridian-pay/4-decision.md'), '---\ndecision: QUALIFY\nframework: BANT\nreasoning: A licence exam in Q1\n---\n');
    for (let run = 0; run < 2; run++) {
      const sync = await runCli(['sync', '--no-commit'], { cwd: dir });
      expect(sync.code).toBe(0);
      const lines = sync.stdout.trim().split('\n');
      expect(lines.filter((l) => l.includes('(not-utf8)'))).toHaveLength(2);
      expect(lines.at(-1)).toBe('⚠ nothing written, but not in sync: 2 files to update are not valid UTF-8 (warnings above); re-save them as UTF-8');
    }
  });
});

describe('a block inside another', () => {
  it('leaves both alone, reports them, and never appends a second copy of the outer block', async () => {
    const dir = exampleWorkspaceCopy();
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    const text = readFileSync(goal, 'utf8').replace('<!-- threadwork:begin state -->\n', '<!-- threadwork:begin state -->\n<!-- threadwork:begin x -->y<!-- threadwork:end x -->\n');
    writeFileSync(goal, text);
    const result = await (await openWorkspace(dir)).sync({ commit: false });
    expect(readFileSync(goal, 'utf8')).toBe(text);
    expect(result.written).not.toContain('goals/g-fintech-beachhead.md');
    expect(result.diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'goals/g-fintech-beachhead.md', rule: 'managed-block' })]));
  });
});

describe('a file saved with a byte-order mark and no front matter', () => {
  it('finds its markers where they are: a second sync writes nothing and no marker loses a character', async () => {
    // Found by the fuzzer: a file truncated to "-" and saved with a BOM. micromark drops the
    // BOM before counting offsets, so every marker was placed one character early.
    const dir = workspace({ 'strategy/canvas/10-assumptions.md': '\uFEFF-' });
    const ws = await openWorkspace(dir);
    await ws.sync({ commit: false });
    const once = read(dir, 'strategy/canvas/10-assumptions.md');
    expect(once.startsWith('\uFEFF-\n')).toBe(true);
    const block = findManagedBlocks(once, 0).blocks.get('assumptions')!;
    expect(once.slice(0, block.contentStart)).toMatch(/<!-- threadwork:begin assumptions -->$/);
    expect(once.slice(block.contentEnd)).toMatch(/^<!-- threadwork:end assumptions -->/);
    expect((await ws.sync({ commit: false })).written).toEqual([]);
    expect(read(dir, 'strategy/canvas/10-assumptions.md')).toBe(once);
  });
});

describe('markers found without a Markdown parse', () => {
  // Fragments a person (or the fuzzer) puts around markers: code fences, indented code,
  // quotes, lists, other comments, inline code, a marker inside a line, CRLF.
  const FRAGMENTS = [
    '<!-- threadwork:begin a -->',
    '<!-- threadwork:end a -->',
    '<!-- threadwork:begin b -->',
    '<!-- threadwork:end b -->',
    '```',
    '~~~',
    '   ```md',
    '    <!-- threadwork:begin a -->',
    '> <!-- threadwork:begin b -->',
    '> quoted',
    '- item',
    '  - nested',
    '1. first',
    '<!-- a note',
    'that ends here -->',
    '<div>',
    '</div>',
    'Some prose with `<!-- threadwork:end a -->` in code.',
    'Inline <!-- threadwork:begin b --> marker',
    '\\<!-- threadwork:begin a -->',
    '',
    '',
    'Plain paragraph text.',
    '# Heading',
    '\t<!-- threadwork:end b -->',
    '<!-- threadwork:begin a --> trailing text',
  ];
  const seeded = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  it('finds exactly the markers the remark parse finds, or leaves the document to the parse', () => {
    const random = seeded(20261130);
    let fast = 0;
    for (let i = 0; i < 6000; i++) {
      const lines = Array.from({ length: 2 + Math.floor(random() * 10) }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!);
      const body = lines.join(random() < 0.2 ? '\r\n' : '\n');
      const offset = Math.floor(random() * 3);
      const quick = markersOnOwnLines(body, offset);
      if (quick === undefined) continue;
      fast += 1;
      expect(quick, body).toEqual(markersByParse(body, offset));
    }
    // The comparison ran on many documents, not only on the ones left to the parse.
    expect(fast).toBeGreaterThan(400);
  });

  it('leaves a marker after a top-level fence, inside a line or indented to the parse', () => {
    expect(markersOnOwnLines('```\n<!-- threadwork:begin a -->\n```\n', 0)).toBeUndefined();
    expect(markersOnOwnLines('Text <!-- threadwork:begin a -->\n', 0)).toBeUndefined();
    expect(markersOnOwnLines('    <!-- threadwork:begin a -->\n', 0)).toBeUndefined();
    expect(markersOnOwnLines('<!-- threadwork:begin a -->\nx\n<!-- threadwork:end a -->\n', 5)).toEqual([
      { kind: 'begin', name: 'a', start: 5, end: 32 },
      { kind: 'end', name: 'a', start: 35, end: 60 },
    ]);
  });
});

describe('a stray marker of another block inside a block (fuzz, seed 751939544)', () => {
  it('leaves the block alone and reports it: the first sync writes what the second would, nothing', async () => {
    const dir = exampleWorkspaceCopy();
    const goal = join(dir, 'goals/g-fintech-beachhead.md');
    // A second begin of a block named `x` lies inside `state` (its first one comes before):
    // `x` is damaged (two begins), and `state` holds a marker that is not its own.
    const text = readFileSync(goal, 'utf8')
      .replace('<!-- threadwork:begin state -->\n', '<!-- threadwork:begin x -->\n<!-- threadwork:end x -->\n<!-- threadwork:begin state -->\n<!-- threadwork:begin x -->\n');
    writeFileSync(goal, text);
    const ws = await openWorkspace(dir);
    const first = await ws.sync({ commit: false });
    expect(readFileSync(goal, 'utf8')).toBe(text);
    expect(first.diagnostics.filter((d) => d.path === 'goals/g-fintech-beachhead.md').map((d) => d.message).join('\n')).toContain('holds a marker of block `x`');
    expect((await ws.sync({ commit: false })).written).toEqual([]);
  });
});

describe('a file whose line endings are mixed (CRLF above the block, LF in it, or the reverse)', () => {
  // A header pasted from a Windows editor into a file saved with LF (or the reverse): the
  // file's first line break is not the block's. Nothing derived changed, so nothing is written.
  it.each([
    ['CRLF above, LF in the block', (text: string) => text.replace(/^(.*)\n/, '$1\r\n')],
    ['LF above, CRLF in the block', (text: string) => text.replace(/(<!-- threadwork:begin [\s\S]*?threadwork:end)/g, (block) => block.replace(/\n/g, '\r\n'))],
  ])('%s: a sync with nothing to derive writes nothing', async (_name, mix) => {
    const dir = exampleWorkspaceCopy();
    const paths = ['strategy/canvas/10-assumptions.md', 'strategy/canvas/13-metrics.md', 'goals/g-arr-500k-2026.md'];
    for (const path of paths) writeFileSync(join(dir, path), mix(read(dir, path)));
    const before = paths.map((path) => read(dir, path));
    const result = await (await openWorkspace(dir)).sync({ commit: false });
    expect(result.written).toEqual([]);
    expect(paths.map((path) => read(dir, path))).toEqual(before);
  });

  it('writes a changed block in the line ending the block already has', async () => {
    const dir = exampleWorkspaceCopy();
    const path = 'strategy/canvas/10-assumptions.md';
    writeFileSync(join(dir, path), read(dir, path).replace(/^(.*)\n/, '$1\r\n'));
    // A learning deleted: the assumptions it evidenced move.
    rmSync(join(dir, 'threads/sales/brightcart/6-learning.md'));
    const result = await (await openWorkspace(dir)).sync({ commit: false });
    expect(result.written).toContain(path);
    const after = read(dir, path);
    expect(after.split('\r\n')).toHaveLength(2);
  });
});
