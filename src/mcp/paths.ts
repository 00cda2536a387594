import { refuseControlCharacters, refuseParentSegments, resolveThreadPath } from '../threads/resolve.js';
import { containedPath, pathRefused } from '../workspace/contain.js';

/**
 * A thread argument from an agent: a path relative to the workspace or a bare id. Absolute
 * paths, `..` and symbolic links leading out of the workspace are refused before anything
 * is read — the CLI accepts an absolute path a person typed; an agent gets no such latitude.
 * `..` that stays inside (`threads/../x`) is refused too, as the CLI refuses it: the
 * boundary check normalises it away, so the raw argument is checked as well.
 */
export function agentThreadPath(root: string, input: string): string {
  // Control characters and `..` first, as the CLI does: refused in the same words whether or not the path leads outside.
  refuseControlCharacters(input);
  refuseParentSegments(input);
  const typed = input.includes('/') || input.includes('\\') ? containedPath(root, input.trim()) : input;
  return containedPath(root, resolveThreadPath(root, typed));
}

/**
 * A thread subject of `history` from an agent: refused as a thread argument is, but not
 * required to exist on disk — the trail of a deleted or renamed thread is read from git
 * (api.ts), where nothing in the workspace is read.
 */
export function agentHistoryThread(root: string, input: string): string {
  refuseControlCharacters(input);
  refuseParentSegments(input);
  if (input.includes('/') || input.includes('\\')) containedPath(root, input.trim());
  return input;
}

/**
 * A file argument from an agent (a draft, an account list): inside the workspace or refused,
 * and refused when it ends in a `/` — a folder's spelling, which the boundary check
 * normalised away: `…/touch-1.md/` was approved as `…/touch-1.md`, where a shell, git and
 * the CLI's own path checks take it as no file at all.
 */
export function agentFilePath(root: string, input: string): string {
  if (/[/\\]$/.test(input.trim())) throw pathRefused(input, 'it ends in a slash, as a folder does: give the file\'s path without it');
  return containedPath(root, input.trim());
}

/** A file or folder argument from an agent (the stage files or thread folders to migrate): inside the workspace or refused. */
export function agentFileOrFolderPath(root: string, input: string): string {
  return containedPath(root, input.trim());
}
