import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceState } from '../src/engine/state.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

process.env.THREADWORK_TODAY = '2026-11-20';

/**
 * A cold load keeps the meta.json texts it read, for the plan of the same run (a first sync
 * edits nearly every one). A kept text is served only while the file is the one read:
 * saved since, written by the run or re-read, the text is the disk's (or the staged one).
 */
describe('meta.json texts kept by a cold load', () => {
  const metaPaths = (dir: string): string[] =>
    readdirSync(join(dir, 'threads/sales'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'campaigns')
      .map((d) => `threads/sales/${d.name}/meta.json`)
      .slice(0, 3);

  it('are the files as read, and give way to a save, a staged text and a re-read', async () => {
    const dir = exampleWorkspaceCopy();
    const [saved, staged, reread] = metaPaths(dir);
    const state = await WorkspaceState.load(dir, { cache: false, keepMetaTexts: true });
    for (const path of [saved!, staged!, reread!]) expect(state.text(path)).toBe(readFileSync(join(dir, path), 'utf8'));

    // Saved by someone after the load: the disk's text, not the one read.
    const savedText = readFileSync(join(dir, saved!), 'utf8').replace('{', '{ ');
    writeFileSync(join(dir, saved!), savedText);
    expect(state.text(saved!)).toBe(savedText);

    // Staged by the run: the staged text.
    const undo = state.stage(new Map([[staged!, '{"staged": true}\n']]));
    expect(state.text(staged!)).toBe('{"staged": true}\n');
    undo();

    // Re-read after a save whose stamp a coarse clock might not move: the entry is new, the kept text gone.
    const rereadText = readFileSync(join(dir, reread!), 'utf8').replace('{', '{\t');
    writeFileSync(join(dir, reread!), rereadText);
    state.update(reread!);
    expect(state.text(reread!)).toBe(rereadText);
  });
});
