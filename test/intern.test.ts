import { describe, expect, it } from 'vitest';
import { deserialize, serialize } from 'node:v8';
import { StringInterner } from '../src/engine/intern.js';

// Which copy of a string a value holds cannot be seen from JavaScript (the memory it saves
// is measured by `npm run bench`); what can break is the value itself.
describe('StringInterner', () => {
  it('hands back every value equal to what it was given: nested records and lists, numbers, nulls, long text, a Map left alone', () => {
    const interner = new StringInterner();
    const original = {
      kind: 'stage',
      family: 'deal',
      list: ['completed', { status: 'completed', n: 3, none: null, flag: false, map: new Map([['a', 'b']]) }, ['closed-won', 2]],
      prose: 'A long note. '.repeat(20),
    };
    for (let i = 0; i < 3; i++) expect(interner.intern(deserialize(serialize(original)))).toEqual(original);
    expect(interner.intern('completed')).toBe('completed');
    expect(interner.intern(null)).toBe(null);
  });
});
