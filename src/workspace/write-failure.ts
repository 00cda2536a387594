import { ThreadworkError } from '../errors.js';

/**
 * The operating system's refusals of a write that the user can fix — a file or folder
 * that is not writable, a full or read-only disk — in words, by errno code. Any other
 * failure stays what it is (a bug: exit 2 with its stack).
 */
const REFUSALS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied (EACCES): its folder is not writable by this user',
  EPERM: 'operation not permitted (EPERM): the file or its folder is protected (an immutable attribute, another owner)',
  EROFS: 'the file system is read-only (EROFS)',
  ENOSPC: 'no space left on the device (ENOSPC)',
  EDQUOT: 'the disk quota is used up (EDQUOT)',
  // A folder removed while the write ran, or a file system that makes none there (/proc).
  ENOENT: 'no such file or folder (ENOENT): a folder on the way is missing, or this file system does not let one be made there',
  // `threads/sales/acme` saved as a file, and the engine writing `threads/sales/acme/meta.json`.
  ENOTDIR: 'not a directory (ENOTDIR): a file stands where a folder on the way should be',
};

/** The refusal `errno` names, in words; undefined for a code that is none of them. */
export function systemRefusal(errno: string | undefined): string | undefined {
  return errno === undefined ? undefined : REFUSALS[errno];
}

/**
 * A write refused by the system as a `write-failed` error naming the workspace file —
 * never the temporary file beside it, which the user has never heard of. Other errors are
 * returned unchanged.
 */
export function asWriteFailure(rel: string, error: unknown): unknown {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const why = systemRefusal(errno);
  if (why === undefined || error instanceof ThreadworkError) return error;
  return new ThreadworkError(`Cannot write ${rel}: ${why}`, 'write-failed', { path: rel, errno });
}

/** Runs one write of `rel`, turning a refusal by the system into a `write-failed` error naming it. */
export function naming<T>(rel: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw asWriteFailure(rel, error);
  }
}

/** The same, for an asynchronous write. */
export async function namingAsync<T>(rel: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asWriteFailure(rel, error);
  }
}
