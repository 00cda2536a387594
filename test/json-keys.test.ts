import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../src/markdown/json-keys.js';

const duplicateIn = (text: string): string | undefined => {
  const found = findDuplicateKeys(text, JSON.parse(text));
  return found.length ? found.map((d) => `${d.key}@${d.first}->${d.offset}`).join(' ') : undefined;
};

describe('duplicate keys in JSON', () => {
  it.each([
    { name: 'a repeated top-level key', text: '{"a": 1, "b": 2, "a": 3}', found: 'a@1->17' },
    { name: 'a repeated key with space before its colon', text: '{"a" : 1, "a"\n  : 2}', found: 'a@1->10' },
    { name: 'a repeated key in a nested object', text: '{"x": {"k": 1, "k": 2}}', found: 'k@7->15' },
    { name: 'a repeated key in an object inside a list', text: '{"l": [{"k": 1}, {"k": 1, "k": 2}]}', found: 'k@18->26' },
    { name: 'the same key written with an escape', text: '{"a": 1, "\\u0061": 2}', found: 'a@1->9' },
    { name: 'every repeated key, a third copy against the first', text: '{"a": 1, "b": 2, "a": 3, "b": 4, "a": 5}', found: 'a@1->17 b@9->25 a@1->33' },
  ])('finds $name', ({ text, found }) => {
    expect(duplicateIn(text)).toBe(found);
  });

  it.each([
    { name: 'unique keys', text: '{"id": "acme", "type": "sales-deal", "title": "Acme"}' },
    { name: 'the same key in two objects', text: '{"a": {"x": 1}, "b": {"x": 2}, "l": [{"x": 1}, {"x": 2}]}' },
    { name: 'a string value holding a key-like `":`', text: '{"title": "He said \\"a\\": yes", "a": 1}' },
    { name: 'a key inside a string value', text: '{"note": "{\\"a\\": 1, \\"a\\": 2}", "a": 1}' },
    { name: 'no object at all', text: '[1, 2, "x"]' },
  ])('finds none with $name', ({ text }) => {
    expect(duplicateIn(text)).toBeUndefined();
  });
});
