import { relative, resolve, sep } from 'node:path';
import type { GlobalOptions } from '../outcome.js';

/**
 * A thread argument as a person typed it. One starting with `./` (or `.` itself) is
 * relative to the current folder — to `--dir` when given — as a shell completes it there
 * and as `migrate` reads its paths; it goes on relative to the workspace `root`, which
 * holds that folder, so an error names the thread folder it meant. Anything else is the
 * workspace's to read as typed: a bare id, a path from the top (`threads/sales/acme`), or
 * one with `..`.
 */
export function typedThread(input: string, options: GlobalOptions, root: string): string {
  // `..` is left in, for the workspace to refuse as typed (resolve would normalise it away).
  if (!/^\.(?:[/\\]|$)/.test(input.trim()) || input.split(/[/\\]/).includes('..')) return input;
  const inWorkspace = relative(root, resolve(options.dir, input.trim())).split(sep).join('/');
  return inWorkspace && !inWorkspace.startsWith('..') ? inWorkspace : input;
}
