import type { FileKind } from './layout.js';
import { parseFile, type ParsedFile } from './parse-file.js';
import { notUtf8Diagnostic } from './read-files.js';

/**
 * Parses a file as read from disk at `root`: `parseFile`, and `not-utf8` when its bytes are not
 * valid UTF-8 (looked for only when the decoded text holds U+FFFD). The file is still parsed
 * as decoded, so everything else in it is checked as usual.
 */
export function parseFileOnDisk(root: string, path: string, kind: FileKind, text: string): ParsedFile {
  const parsed = parseFile(path, kind, text);
  if (kind.kind === 'other') return parsed;
  const notUtf8 = notUtf8Diagnostic(root, path, text);
  if (notUtf8) parsed.diagnostics.unshift(notUtf8);
  return parsed;
}
