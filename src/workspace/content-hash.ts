import { createHash } from 'node:crypto';

/** The hash a state keeps of each file's text (and the parse cache's racy entries are compared by). */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
