import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';

/*
 * What the eighth round of the reply corpus read wrong on first sight (test/fixtures/replies/
 * *.round-8.yaml), and the known miss it was written after: "Ping me again in 2 months".
 */
describe('what the eighth round showed missed: asks for later', () => {
  it.each([
    ['Ping me again in 2 months', '2027-02-07'],
    ['Hi Sam, ping me again in a couple of months.', '2027-02-07'],
    ['Ping me again after the audit, in about three months.', '2027-03-07'],
  ])('%j is a later with its date', (text, revisit) => {
    expect(classifyReply(text, { received: '2026-12-07' })).toMatchObject({ category: 'nurture', revisit });
  });

  it('"don\'t ping me again" is a stop request, not a later turned round', () => {
    expect(classifyReply("Don't ping me again.", { received: '2026-12-07' })).toMatchObject({ category: 'unsubscribe' });
  });
});
