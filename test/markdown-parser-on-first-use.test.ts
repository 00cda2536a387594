import { describe, expect, it } from 'vitest';
import { findManagedBlocks, MarkdownParserNeeded, withMarkdownParser } from '../src/markdown/managed-blocks.js';

// A file of its own: vitest gives each test file fresh modules, so remark is not loaded
// here until a scan needs it — what a fresh `threadwork sync` process sees.
const FENCED = ['# Metrics', '', '```md', '<!-- threadwork:begin metrics -->', '```', '', '<!-- threadwork:begin metrics -->', 'old', '<!-- threadwork:end metrics -->', ''].join('\n');
const PLAIN = ['# Metrics', '', '<!-- threadwork:begin metrics -->', 'old', '<!-- threadwork:end metrics -->', ''].join('\n');

describe('the Markdown parser, loaded on first use', () => {
  it('is not needed for markers on their own lines, and is loaded when a code fence makes the scan parse', async () => {
    // The engine's own markers are found without remark.
    expect([...findManagedBlocks(PLAIN, 0).blocks.keys()]).toEqual(['metrics']);
    // A fence in the body needs the parse: asked before remark is loaded, the scan says so instead of guessing.
    expect(() => findManagedBlocks(FENCED, 0)).toThrow(MarkdownParserNeeded);
    // Run through withMarkdownParser, it loads remark and scans again: the marker shown in code is not a block's.
    const scan = await withMarkdownParser(() => findManagedBlocks(FENCED, 0));
    expect(scan.problems).toEqual([]);
    const block = scan.blocks.get('metrics')!;
    expect(FENCED.slice(block.contentStart, block.contentEnd)).toBe('\nold\n');
    // Loaded now: the same scan runs directly.
    expect(findManagedBlocks(`${FENCED}\n`, 0).blocks.has('metrics')).toBe(true);
  });

  it('passes on any other error of the run', async () => {
    await expect(withMarkdownParser(() => { throw new TypeError('not the parser'); })).rejects.toThrow('not the parser');
  });
});
