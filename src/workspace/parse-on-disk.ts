import type { FileKind } from './layout.js';
import { parseFile, parsedFile, type ParsedFile } from './parse-file.js';
import { notUtf8Diagnostic } from './read-files.js';
import { utf16Diagnostic } from './utf16.js';

/**
 * Parses a file as read from disk at `root`: `parseFile`, and `not-utf8` when its bytes are not
 * valid UTF-8 (looked for only when the decoded text holds U+FFFD). The file is still parsed
 * as decoded, so everything else in it is checked as usual — unless it is UTF-16 (`utf16`):
 * decoded as UTF-8 it is noise, whose errors would only hide the one thing to fix, so that is
 * its one error, and it is broken (no value: held at its last valid version, never written).
 */
export function parseFileOnDisk(root: string, path: string, kind: FileKind, text: string): ParsedFile {
  if (kind.kind === 'other') return parseFile(path, kind, text);
  const utf16 = utf16Diagnostic(root, path, text);
  if (utf16) return parsedFile(path, kind, 0, undefined, undefined, [utf16]);
  const parsed = parseFile(path, kind, text);
  const notUtf8 = notUtf8Diagnostic(root, path, text);
  if (notUtf8) parsed.diagnostics.unshift(notUtf8);
  return parsed;
}

/**
 * Whether the parse of `text` is decided by its content hash alone (with its path): not for
 * text decoded with replacement characters or holding NULs, whose diagnostics depend on the
 * bytes (`not-utf8`, `utf16`), which two files of one decoded text may not share.
 */
export function parseDecidedByText(text: string): boolean {
  return !text.includes('\uFFFD') && !text.includes('\u0000');
}
