import { PhaseTimer } from '../timing.js';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { gitText } from './git.js';
import { objectIdOf } from './tree-object.js';

/**
 * Objects written as one pack instead of one loose file each. A commit of thousands of
 * files (the first sync of a large workspace writes a meta.json per thread, and a tree
 * per thread folder) otherwise creates thousands of files under `.git/objects`: 20,000
 * loose objects took longer than everything else the sync did. One pack, streamed to
 * `git index-pack --stdin`, is one file that git indexes and flushes itself. Below
 * `PACK_FROM` objects, loose objects are cheaper and git's own `gc` packs them later.
 */
export const PACK_FROM = 64;

export type PackObject = { type: 'blob' | 'tree'; body: Buffer };

const TYPE_CODE = { tree: 2, blob: 3 } as const;
/** Objects up to this size go into the pack as stored (uncompressed) zlib streams. */
const STORE_UP_TO = 16 * 1024;
/** The largest stored deflate block (RFC 1951: a 16-bit length). */
const STORED_BLOCK = 0xffff;

/**
 * `body` as a zlib stream (RFC 1950) of stored deflate blocks (RFC 1951, BTYPE 00): the
 * header, each block's length and its one's complement, the bytes as they are, and the
 * Adler-32 of the whole. What any inflater, git's included, reads back as `body`.
 */
export function storedZlib(body: Buffer): Buffer {
  const blocks = Math.max(1, Math.ceil(body.length / STORED_BLOCK));
  const out = Buffer.allocUnsafe(2 + blocks * 5 + body.length + 4);
  out[0] = 0x78; // deflate, 32 KB window
  out[1] = 0x01; // no preset dictionary, fastest; (0x78 << 8 | 0x01) % 31 === 0
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const start = i * STORED_BLOCK;
    const length = Math.min(STORED_BLOCK, body.length - start);
    out[at] = i === blocks - 1 ? 1 : 0; // BFINAL on the last block, BTYPE 00
    out.writeUInt16LE(length, at + 1);
    out.writeUInt16LE(~length & 0xffff, at + 3);
    body.copy(out, at + 5, start, start + length);
    at += 5 + length;
  }
  out.writeUInt32BE(adler32(body), at);
  return out;
}

function adler32(bytes: Buffer): number {
  let a = 1;
  let b = 0;
  // 5552: the most bytes before the sums can overflow 2^32 (zlib's NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** The object id git gives `body` as a `type` (SHA-1 repositories). */
export function objectId(type: PackObject['type'], body: Buffer): string {
  return objectIdOf(type, body, 20);
}

/** Writes `objects` into the repository at `top` as one pack (SHA-1 repositories only). */
export async function writePack(top: string, objects: readonly PackObject[]): Promise<void> {
  if (objects.length === 0) return;
  const header = Buffer.alloc(12);
  header.write('PACK', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(objects.length, 8);
  const timer = new PhaseTimer();
  const parts: Buffer[] = [header];
  for (const object of objects) {
    parts.push(objectHeader(TYPE_CODE[object.type], object.body.length));
    // A small object is stored, not compressed: setting up zlib for each of 20,000 meta.json
    // and trees cost 1.6 s of a first sync at 10,000 deals, for a few KB each. git's gc
    // recompresses them later, as it does every pack.
    parts.push(object.body.length <= STORE_UP_TO ? storedZlib(object.body) : deflateSync(object.body, { level: 1 }));
  }
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  parts.push(hash.digest());
  timer.mark('deflate');
  await gitText(top, ['index-pack', '--stdin'], { input: Buffer.concat(parts) });
  timer.mark('index-pack');
  timer.report(`pack of ${objects.length} objects`);
}

/** A packed object's header: its type and size, seven bits a byte after the first four. */
function objectHeader(type: number, size: number): Buffer {
  const bytes: number[] = [];
  let byte = (type << 4) | (size & 0x0f);
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes.push(byte | 0x80);
    byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
  }
  bytes.push(byte);
  return Buffer.from(bytes);
}
