import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { readFileHead } from './read-files.js';

/** How a file saved as UTF-16 shows itself: its byte order, and whether it starts with a byte-order mark. */
export interface Utf16 {
  order: 'LE' | 'BE';
  bom: boolean;
}

/** Bytes looked at to recognise UTF-16 without a byte-order mark: the first 32 characters. */
const HEAD_BYTES = 64;

/**
 * Whether `head` — a file's first bytes — is UTF-16, and in which byte order. Windows
 * Notepad ("Unicode", "Unicode big endian") and PowerShell 5's `Out-File` and `>` write
 * UTF-16 with a byte-order mark: FF FE (little-endian) or FE FF (big-endian). Decoded as
 * UTF-8 those are two invalid bytes, and the file was called Latin-1, or binary for its NULs.
 *
 * Without a mark (`iconv -t UTF-16LE`, some exporters) UTF-16 is recognised only where that
 * is certain: in every one of the first 32 characters one byte is zero and the other is not,
 * always in the same place — text in the Latin-1 range, as a front matter's `---` is. Such a
 * file already holds NULs, so it was an error anyway (`not-text`, `json-syntax`): only what
 * its message says changes, and no file that was valid is ever taken for UTF-16. Text that
 * starts with other characters (Greek, CJK, `—`) is not guessed at, and stays reported as it
 * was. FF FE 00 00 is UTF-32's mark, not UTF-16 text starting with a NUL: not claimed either.
 */
export function utf16Of(head: Uint8Array): Utf16 | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return head[2] === 0 && head[3] === 0 ? undefined : { order: 'LE', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { order: 'BE', bom: true };
  const units = Math.floor(Math.min(head.length, HEAD_BYTES) / 2);
  if (units < 2) return undefined;
  const zeroAt = (offset: 0 | 1): boolean => {
    for (let i = 0; i < units; i++) if (head[2 * i + offset] !== 0 || head[2 * i + 1 - offset] === 0) return false;
    return true;
  };
  if (zeroAt(1)) return { order: 'LE', bom: false };
  if (zeroAt(0)) return { order: 'BE', bom: false };
  return undefined;
}

/**
 * `utf16` for a workspace file read from disk whose bytes are UTF-16, at line 1, column 1:
 * the whole file is in the wrong encoding, and the diagnostic replaces what parsing its
 * misdecoded text would say. Its bytes are read again only when the decoded `text` shows a
 * sign of UTF-16 (the mark decoded as two U+FFFD, or a NUL among its first two characters).
 */
export function utf16Diagnostic(root: string, rel: string, text: string): Diagnostic | undefined {
  if (!text.startsWith('\uFFFD\uFFFD') && text.charCodeAt(0) !== 0 && text.charCodeAt(1) !== 0) return undefined;
  const head = readFileHead(root, rel, HEAD_BYTES);
  const utf16 = head && utf16Of(head);
  return utf16 && diagnostic(rel, START, 'error', 'utf16', utf16Message(utf16));
}

export function utf16Message({ order, bom }: Utf16): string {
  const sign = bom ? `it starts with the byte-order mark ${order === 'LE' ? 'FF FE' : 'FE FF'}` : `no byte-order mark, but every other byte is zero`;
  return (
    `Unexpected UTF-16 ${order} text (${sign}): expected UTF-8, the only encoding threadwork reads — ` +
    'save the file again as UTF-8 (Notepad: Save As, Encoding "UTF-8"; PowerShell: `Set-Content -Encoding utf8`)'
  );
}
