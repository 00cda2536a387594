import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * One slip in 04-segments.md — `segments` without its colon, `-id:` without the space after
 * the dash — was reported as a cascade: the slip, then an indentation error at every later
 * key of the segment (`pains` "indented 4 spaces and `problem_indicators` … 6 spaces"), none
 * of them wrong, and for the dash a misreading of the two keys rather than the dash. Each
 * slip is now one error at its line, saying what to write.
 */

const SEGMENTS = 'strategy/canvas/04-segments.md';

async function segmentErrors(dir: string): Promise<string[]> {
  const result = await (await openWorkspace(dir)).check({ cache: false });
  return result.diagnostics.filter((d) => d.path === SEGMENTS).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`);
}

describe('one slip in a list of segments', () => {
  it('a key without its colon, over the lines indented under it, is one error at it', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, SEGMENTS, '\nsegments:\n', '\nsegments\n');
    expect(await segmentErrors(dir)).toEqual([
      '4:1 yaml-syntax Invalid YAML: `segments` without a `:` after it, over lines indented under it: expected `segments:` — add the colon',
    ]);
  });

  it('a quoted value after a key without its colon says the same', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, SEGMENTS, '\ntitle: Customer segments\n', '\ntitle "Customer segments"\n');
    expect(await segmentErrors(dir)).toEqual([
      '2:1 yaml-syntax Invalid YAML: `title` without a `:` after it: expected `title: "Customer segments"` — add the colon',
    ]);
  });

  it('a list item with no space after its dash is one error at the dash', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, SEGMENTS, '\n  - id: mid-market-fintech\n', '\n  -id: mid-market-fintech\n');
    expect(await segmentErrors(dir)).toEqual([
      '5:3 yaml-syntax Invalid YAML: `-id` with no space after its `-`, which YAML reads as a key named `-id`, not a list item: expected `- id:` — a space after the dash',
    ]);
  });

  it('a list whose key is still commented out, as the template leaves it, is one error at the list naming that key', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, SEGMENTS, '\nsegments:\n', '\n# segments:\n');
    expect(await segmentErrors(dir)).toEqual([
      '5:3 yaml-syntax Invalid YAML: a list (`- id: mid-market-fintech`) under no key: the key above it, `segments:` on line 4, is commented out — expected `segments:`, without the `#`',
    ]);
  });

  it('a list whose key was deleted is one error at the list, not a `: ` in the value above it', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, SEGMENTS, '\nsegments:\n', '\n');
    expect(await segmentErrors(dir)).toEqual([
      '4:3 yaml-syntax Invalid YAML: a list (`- id: mid-market-fintech`) under `updated` on line 3, which has a value already: expected the key the list is the value of on its own line above it, with nothing after its colon (`key:`)',
    ]);
  });
});

describe('a value with a `: ` in curly quotes', () => {
  it('is told the quotes are not quotes to YAML, and given the value in straight ones', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, SEGMENTS, '\ntitle: Customer segments\n', '\ntitle: \u201CSegments: who we sell to\u201D\n');
    expect(await segmentErrors(dir)).toEqual([
      '2:8 yaml-syntax Invalid YAML: a `: ` inside the value of `title`, whose curly quotes (\u201C \u201D) are text to YAML, not quotes: expected straight quotes — `title: "Segments: who we sell to"`',
    ]);
  });
});
