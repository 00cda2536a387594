import { hash } from 'node:crypto';
import { readScannedFile } from './read-files.js';

/**
 * The hash a state keeps of each file's text (and the parse cache's racy entries are
 * compared by). One-shot `crypto.hash`: a Hash object per file cost twice as much, ~0.1 s
 * of a cold load's 70,000 files.
 */
export function contentHash(text: string): string {
  return hash('sha1', text, 'base64');
}

/** Whether the file at `rel` now holds the text `hash` was taken of (false when it cannot be read). */
export function fileHasContent(root: string, rel: string, hash: string): boolean {
  try {
    return contentHash(readScannedFile(root, rel).text) === hash;
  } catch {
    return false;
  }
}
