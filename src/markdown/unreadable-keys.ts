import type { Document, LineCounter } from 'yaml';
import type { Position } from '../diagnostics.js';
import { yamlPackage } from './yaml-package.js';

export interface UnreadableKeyProblem {
  position: Position;
  message: string;
  rule: 'yaml-syntax';
}

/** Whether `text` may hold a key {@link unreadableKeyProblems} reports: a `?` key, a list or map before a `:`, or `__proto__`. */
export function mayHoldUnreadableKey(text: string): boolean {
  return /\?|[\]}]\s*:|__proto__/.test(text);
}

/**
 * Every key of a document that threadwork cannot read as the key written, each at the key:
 *
 * - a key that is a list or a map (`? [a, b]` then `: value`, or `[a, b]: value`) — valid
 *   YAML, but a front matter's keys are names, and the reader turns such a key into text
 *   nobody wrote (`"a,b"`, `"[object Object]"`), under which the value sat unread;
 * - `__proto__`, JavaScript's name for an object's prototype: the value under it was dropped
 *   by every step that copies the data, without a word.
 *
 * Refused as a merge key is (merge-keys.ts): reading on would lose the value silently.
 */
export function unreadableKeyProblems(doc: Document, lineCounter: LineCounter, text: string): UnreadableKeyProblem[] {
  const { visit, isScalar, isCollection, isMap } = yamlPackage();
  const problems: UnreadableKeyProblem[] = [];
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      const at = (offset: number): Position => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
      };
      if (isCollection(key)) {
        const written = key.range ? text.slice(key.range[0], key.range[1]).trim() : String(key);
        problems.push({
          position: at(key.range?.[0] ?? 0),
          message: `Invalid YAML key \`${written}\`: a ${isMap(key) ? 'map' : 'list'} as a key is read as the text ${JSON.stringify(String(key.toJSON()))}, which nobody wrote, and the value under it is never read: expected a plain key such as \`name:\` — write the key as a word or phrase`,
          rule: 'yaml-syntax',
        });
      } else if (isScalar(key) && key.value === '__proto__') {
        problems.push({
          position: at(key.range?.[0] ?? 0),
          message: 'Invalid YAML key `__proto__`: it is JavaScript\'s name for an object\'s prototype, and its value would be dropped without a word: expected another name — rename the key (`proto:`)',
          rule: 'yaml-syntax',
        });
      }
    },
  });
  return problems;
}
