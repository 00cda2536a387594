import { createHash } from 'node:crypto';
import { ThreadworkError } from '../errors.js';

/**
 * A stage file's version as read_thread gives it and write_stage takes it back: a hash of
 * the file's bytes, so any change — a person's edit, another agent's write, a sync — makes
 * another one. Not a git blob id: a file edited and not committed has a version too.
 */
export function stageVersion(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Refuses a write made on a stage as it was read when the file has changed since: the write
 * replaces the whole front matter, so a value someone else wrote in between was overwritten
 * by the one the writer had read, without a word. `version` is the file's now (null: gone).
 */
export function refuseUnlessVersion(path: string, expected: string | undefined, text: string | undefined): void {
  if (expected === undefined) return;
  const version = text === undefined ? null : stageVersion(text);
  if (version === expected) return;
  const now = version === null ? 'it no longer exists' : `its version is now ${version}`;
  throw new ThreadworkError(
    `Refused to write ${path}: it changed since it was read (version ${expected}; ${now}); nothing was written. Read it again (the \`read_thread\` tool: each stage's \`version\`), make your change to what it holds now, and write that with its version`,
    'stage-changed',
    { path, expected, version },
  );
}
