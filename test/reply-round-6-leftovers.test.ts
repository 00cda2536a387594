import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';

/*
 * What round 6 left (docs/outreach.md): a stop request under a greeting no list had, read
 * as a signature; the Chinese new year ("年后", "过完年"), the Japanese next term ("来期");
 * and a count after "after" moved a month on as if it were a month's name.
 */
describe('what round 6 left', () => {
  it.each([
    ['Goedemorgen,\n\nStop\n\nJan de Vries'],
    ['Dzień dobry Panie Marku,\n\nStop\n\nAnna Nowak'],
    ['Bom dia,\n\nStop\n\nJoão Silva'],
    ['Buenas tardes,\n\nStop\n\nLucía'],
    ['Sehr geehrter Herr Dr. Weber,\n\nStop\n\nKlaus Meier'],
    ['God morgon,\n\nStop\n\nErik'],
  ])('a "stop" under a greeting is a stop, not a signature: %j', (text) => {
    expect(classifyReply(text, { received: '2026-12-07' })).toMatchObject({ category: 'unsubscribe' });
  });
});
