import { describe, expect, it } from 'vitest';
import { truncateStart, visibleLength } from '../src/text-width.js';

// watch cuts a path at its start to fit the terminal: the thread and file that tell it apart are kept.
describe('truncateStart', () => {
  it('keeps the end of a path and fills the width exactly, … first', () => {
    const cut = truncateStart('threads/sales/acme-corp/6-learning.md', 24);
    expect(cut).toBe('…/acme-corp/6-learning.md'.slice(-24).replace(/^./, '…'));
    expect(visibleLength(cut)).toBe(24);
    expect(truncateStart('threads/a.md', 24)).toBe('threads/a.md');
  });

  it('cuts between whole characters: a letter and its combining mark, a wide character', () => {
    // `é` written as e + U+0301 right where the cut falls: kept whole or dropped whole, never the mark alone.
    const combining = 'threads/sales/cafe\u0301-bar/1-input.md';
    for (let width = 5; width < 30; width++) {
      const cut = truncateStart(combining, width);
      expect(cut.startsWith('…\u0301')).toBe(false);
      expect(visibleLength(cut)).toBeLessThanOrEqual(width);
    }
    const wide = truncateStart('threads/sales/日本商事/1-input.md', 16);
    expect(visibleLength(wide)).toBeLessThanOrEqual(16);
    expect(wide.endsWith('/1-input.md')).toBe(true);
  });
});
