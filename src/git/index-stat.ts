import type { BigIntStats } from 'node:fs';
import { RACY_MS } from '../engine/cache.js';

/**
 * The stat data of an index entry (gitformat-index(5)): each field as git stores it, the
 * low 32 bits of the file's own value.
 */
export interface IndexStat {
  ctimeSec: number;
  ctimeNsec: number;
  mtimeSec: number;
  mtimeNsec: number;
  dev: number;
  ino: number;
  uid: number;
  gid: number;
  size: number;
}

/**
 * How long before the newest change among a commit's files another file must have last
 * changed for its lstat to go into the index: its stamp can then never be shared by a
 * later write. A file system that records sub-millisecond stamps moves them at least at
 * each clock tick (1–10 ms on Linux); one that does not may keep whole seconds, or two
 * (FAT): as long as the engine's own cache waits before it trusts a stamp.
 */
const FINE_MARGIN_NS = 100_000_000n;
const COARSE_MARGIN_NS = BigInt(RACY_MS) * 1_000_000n;

/**
 * Which committed files get their stat data in the index, and what it is. Without it (as
 * `update-index --index-info` writes an entry) every `git status` that may not take the
 * index lock — a watcher's start-up check, an editor's — hashes the file again: all
 * 10,000 meta.json of a first sync at each start of `threadwork watch`, 0.6 s.
 *
 * A stamp is safe to record when a write after it would have to carry another: the
 * lstat-s in `stats` were taken before git or this process read the files' contents, so
 * the entry's object is the file as stamped or a later version of it. A later write gets
 * a later stamp unless it falls in the same clock tick as the stamped one. Every file
 * changed within the margin of the newest change on its device — a clock reading taken by
 * the file system before the lstat-s — is left without stat data, as now: `git status`
 * hashes it once. git itself records the stamp of a file written in the same tick as its
 * `git add` and relies on the index being written in that tick too; this never does.
 */
export function settledStats(stats: ReadonlyMap<string, BigIntStats>): (path: string) => IndexStat | undefined {
  const newestOnDevice = new Map<bigint, bigint>();
  for (const stat of stats.values()) {
    const changed = lastChange(stat);
    if (changed > (newestOnDevice.get(stat.dev) ?? -1n)) newestOnDevice.set(stat.dev, changed);
  }
  return (path) => {
    const stat = stats.get(path);
    if (!stat?.isFile()) return undefined;
    const fine = stat.mtimeNs % 1_000_000n !== 0n || stat.ctimeNs % 1_000_000n !== 0n;
    const newest = newestOnDevice.get(stat.dev)!;
    return lastChange(stat) < newest - (fine ? FINE_MARGIN_NS : COARSE_MARGIN_NS) ? indexStatOf(stat) : undefined;
  };
}

function lastChange(stat: BigIntStats): bigint {
  return stat.mtimeNs > stat.ctimeNs ? stat.mtimeNs : stat.ctimeNs;
}

/** The fields as git's `fill_stat_data` keeps them: seconds and nanoseconds, and the rest cut to 32 bits. */
export function indexStatOf(stat: BigIntStats): IndexStat {
  const low = (value: bigint): number => Number(BigInt.asUintN(32, value));
  return {
    ctimeSec: low(stat.ctimeNs / 1_000_000_000n),
    ctimeNsec: Number(stat.ctimeNs % 1_000_000_000n),
    mtimeSec: low(stat.mtimeNs / 1_000_000_000n),
    mtimeNsec: Number(stat.mtimeNs % 1_000_000_000n),
    dev: low(stat.dev),
    ino: low(stat.ino),
    uid: low(stat.uid),
    gid: low(stat.gid),
    size: low(stat.size),
  };
}

/** Writes `stat` at the start of an entry (the first 40 bytes, the mode at 24 left as it is). */
export function writeIndexStat(entry: Buffer, stat: IndexStat): void {
  entry.writeUInt32BE(stat.ctimeSec, 0);
  entry.writeUInt32BE(stat.ctimeNsec, 4);
  entry.writeUInt32BE(stat.mtimeSec, 8);
  entry.writeUInt32BE(stat.mtimeNsec, 12);
  entry.writeUInt32BE(stat.dev, 16);
  entry.writeUInt32BE(stat.ino, 20);
  entry.writeUInt32BE(stat.uid, 28);
  entry.writeUInt32BE(stat.gid, 32);
  entry.writeUInt32BE(stat.size, 36);
}
