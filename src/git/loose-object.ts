import { linkSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { deflateSync } from 'node:zlib';

export interface LooseObject {
  type: 'tree' | 'blob';
  body: Buffer;
  /** Its id, computed by the caller (tree-object.ts `objectIdOf`). */
  oid: string;
}

/**
 * Writes `objects` as git writes a loose object (gitformat-loose(5)): `<type> <size>\0<body>`
 * compressed with zlib at git's default loose level (1, the fastest) — or, from
 * STORE_FROM bytes, stored as it is (level 0, which `core.looseCompression` allows) — into a temporary
 * `tmp_obj_…` file beside its place (git's gc removes one a kill left behind), published by
 * a hard link, as git's own `finalize_object_file` does, so that a reader never sees half
 * an object. An object already there is left as it is and only freshened (its mtime, which
 * keeps git's gc from pruning it while it is being used).
 *
 * In this process, not `git hash-object -w`: that spawn, with git parsing and compressing
 * the 400 KB tree of a folder of 10,000 deals, was 18 ms of a commit of three files (7 at
 * 1,000); here it is the compression alone (2–3 ms for that tree).
 */
export function writeLooseObjects(gitDir: string, objects: readonly LooseObject[]): void {
  if (objects.length === 0) return;
  const store = objectStoreOf(gitDir);
  for (const object of objects) writeLooseObject(store, object);
}

/**
 * From this size an object is stored uncompressed. The one large object a commit writes is
 * the tree of a folder of many threads (`threads/sales` at 10,000 deals: 400 KB of names and
 * binary ids, 64% of it left by level 1): compressing it cost a fresh process 8–11 ms, most
 * of what a commit of three files spends beyond the same commit at 1,000 deals; storing it,
 * 1.2 ms and 150 KB more on disk until git's gc packs it (with deltas, as every object).
 */
const STORE_FROM = 64 * 1024;

/** Tells apart the temporary files of one process's objects. */
let temporaries = 0;

function writeLooseObject(store: string, object: LooseObject): void {
  const folder = join(store, object.oid.slice(0, 2));
  const file = join(folder, object.oid.slice(2));
  if (freshened(file)) return;
  const level = object.body.length >= STORE_FROM ? 0 : 1;
  const compressed = deflateSync(Buffer.concat([Buffer.from(`${object.type} ${object.body.length}\0`, 'latin1'), object.body]), { level });
  mkdirSync(folder, { recursive: true });
  const temp = join(folder, `tmp_obj_threadwork_${process.pid}_${Date.now()}_${temporaries++}`);
  writeFileSync(temp, compressed, { mode: 0o444, flag: 'wx' });
  try {
    linkSync(temp, file);
  } catch (error) {
    // Another writer published the same object meanwhile: same id, same content.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Whether `file` exists; if so its mtime is set to now, as git freshens an object it would have written. */
function freshened(file: string): boolean {
  if (!statSync(file, { throwIfNoEntry: false })) return false;
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // A read-only object store: the object is there, which is what counts.
  }
  return true;
}

/**
 * The object store of the repository whose git directory is `gitDir`: a linked worktree's
 * git directory names the main one in its `commondir` file (gitrepository-layout(5)).
 */
export function objectStoreOf(gitDir: string): string {
  let common = gitDir;
  try {
    const named = readFileSync(join(gitDir, 'commondir'), 'utf8').trim();
    if (named) common = isAbsolute(named) ? named : join(gitDir, named);
  } catch {
    // No commondir: this is the main git directory.
  }
  return join(common, 'objects');
}
