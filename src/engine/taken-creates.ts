import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { ThreadworkError } from '../errors.js';
import type { SourceChange } from './changes.js';

/**
 * Refuses, before anything is written or journalled, a command any of whose new files is
 * already taken on disk — created since the workspace was read, or a folder where the file
 * goes (which a scan lists as no file). Asked only at the write, the refusal came after the
 * creates before it: `campaign draft` left touches 1 and 2 written and uncommitted, said
 * "nothing more was written", and its journal had the next run write the rest. A file
 * holding exactly what would be written is no clash (an interrupted run's, finished).
 */
export function refuseTakenCreates(root: string, changes: readonly SourceChange[], diskText: (path: string) => string | undefined): void {
  const taken = changes.filter((c) => c.kind === 'create' && exists(join(root, c.path)) && diskText(c.path) !== c.content).map((c) => c.path);
  if (taken.length === 0) return;
  const more = taken.length > 1 ? ` (and ${taken.slice(1).join(', ')})` : '';
  throw new ThreadworkError(
    `${taken[0]} already exists${more}, created since the workspace was read or a folder where the file goes: nothing was written. Move it aside (it may be someone else's work) and run the command again.`,
    'file-exists',
    { path: taken[0], paths: taken },
  );
}

function exists(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}
