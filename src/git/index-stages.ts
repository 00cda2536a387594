import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { Window, type ReadAt } from './index-window.js';

const SIGNATURE = 0x44495243; // "DIRC"
const EXTENDED = 0x4000;
const STAGE_MASK = 0x3000;
const NAME_MASK = 0x0fff;
/** The index passes through this much at a time: an 8 MB index (10,000 deals) is never held whole. */
const WINDOW = 1 << 20;

/**
 * Whether `<git-dir>/index` holds an entry at a conflict stage (1 to 3): a file git left
 * unmerged. Read from the file (gitformat-index(5)) rather than asked of `git ls-files -u`:
 * the `AUTO_MERGE` a resolved `git stash pop` leaves stays until the person's next commit,
 * and every check and commit meanwhile spawned git twice to learn that nothing is unmerged.
 * Only each entry's flags are read, no name compared: 15 ms for the 70,000 entries of 10,000
 * deals in a fresh process (the two processes, 45 ms), under 1 ms at 1,000 deals; a watcher
 * reads it again only once the index changed. `hashLength` is the repository's
 * object id length in bytes (20, or 32 for SHA-256).
 *
 * Undefined when the file cannot tell, and git is asked then: no index, `GIT_INDEX_FILE`
 * naming another, a split index (its shared part holds entries too), a format not known.
 */
export function indexHoldsConflicts(gitDir: string, hashLength: number): boolean | undefined {
  if (process.env.GIT_INDEX_FILE || (hashLength !== 20 && hashLength !== 32)) return undefined;
  let fd: number;
  try {
    fd = openSync(join(gitDir, 'index'), 'r');
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    // A watcher asks at every cycle: the answer stands while the index is the same file, unchanged.
    const key = `${gitDir}\0${stat.ino}\0${stat.size}\0${stat.mtimeMs}\0${stat.ctimeMs}\0${hashLength}`;
    if (lastAnswer?.key === key) return lastAnswer.holds;
    const read: ReadAt = (target, offset, length, position) => readSync(fd, target, offset, length, position);
    const holds = scanStages(new Window(read, stat.size, Buffer.allocUnsafe(Math.min(WINDOW, Math.max(stat.size, 12)))), hashLength);
    lastAnswer = { key, holds };
    return holds;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The last index read, by its identity and stat data, and what it held. */
let lastAnswer: { key: string; holds: boolean | undefined } | undefined;

function scanStages(file: Window, hashLength: number): boolean | undefined {
  const end = file.size - hashLength;
  let b = file.at(0, 12);
  if (b < 0 || file.bytes.readUInt32BE(b) !== SIGNATURE) return undefined;
  const version = file.bytes.readUInt32BE(b + 4);
  const count = file.bytes.readUInt32BE(b + 8);
  if (version < 2 || version > 4) return undefined;
  const fixed = 40 + hashLength; // stat data, then the object id; the flags follow
  let pos = 12;
  for (let i = 0; i < count; i++) {
    // Entries wholly inside the window (most of them), version 2 or 3 with a name under 4,095
    // bytes: a loop over locals, no call an entry — 70,000 entries through `at` cost a fresh
    // process 110 ms of cold code, three times a `git ls-files -u`.
    if (version !== 4) {
      const { bytes } = file;
      const base = file.start;
      const last = Math.min(file.start + file.length, end) - (fixed + 4 + NAME_MASK + 8);
      for (; i < count && pos <= last; i++) {
        const at = pos - base + fixed;
        const flags = (bytes[at]! << 8) | bytes[at + 1]!;
        if (flags & STAGE_MASK) return true;
        if ((flags & NAME_MASK) === NAME_MASK) break;
        pos += (fixed + 2 + (flags & EXTENDED ? 2 : 0) + (flags & NAME_MASK) + 8) & ~7;
      }
      if (i === count) break;
    }
    b = file.at(pos, fixed + 4);
    if (b < 0 || pos + fixed + 4 > end) return undefined;
    const flags = (file.bytes[b + fixed]! << 8) | file.bytes[b + fixed + 1]!;
    if (flags & STAGE_MASK) return true;
    const nameAt = fixed + 2 + (flags & EXTENDED ? 2 : 0);
    if (version === 4) {
      // The name compressed against the one before: a varint (how much of it to drop), then the rest up to a NUL; no padding.
      const rest = file.nulAfter(pos + nameAt + varintLength(file, pos + nameAt), end);
      if (rest < 0) return undefined;
      pos = rest + 1;
      continue;
    }
    let length = flags & NAME_MASK;
    if (length === NAME_MASK) {
      // A name of 4,095 bytes or more ends at its NUL.
      const nul = file.nulAfter(pos + nameAt, end);
      if (nul < 0) return undefined;
      length = nul - pos - nameAt;
    }
    pos += (nameAt + length + 8) & ~7; // 1 to 8 NULs pad each entry to a multiple of 8 bytes
  }
  // A split index keeps most entries in a shared index its `link` extension names: git's to read.
  for (; pos + 8 <= end; ) {
    b = file.at(pos, 8);
    if (b < 0) return undefined;
    if (file.bytes.toString('latin1', b, b + 4) === 'link') return undefined;
    pos += 8 + file.bytes.readUInt32BE(b + 4);
  }
  return pos === end ? false : undefined;
}

/** The bytes of the varint (git's offset encoding: 7 bits a byte, the high bit says more follow) at `pos`. */
function varintLength(file: Window, pos: number): number {
  for (let n = 1; n <= 10; n++) {
    const b = file.at(pos + n - 1, 1);
    if (b < 0) return Number.NaN;
    if ((file.bytes[b]! & 0x80) === 0) return n;
  }
  return Number.NaN;
}
