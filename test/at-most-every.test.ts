import { describe, expect, it } from 'vitest';
import { atMostEvery } from '../src/engine/at-most-every.js';

// How a transaction checks its lock before each write: re-read at most every 5 ms.
describe('atMostEvery', () => {
  it('runs the first time, skips within the interval, runs again after it (a stalled process checks at once)', () => {
    let clock = 1000;
    let runs = 0;
    const guard = atMostEvery(5, () => void (runs += 1), () => clock);
    guard();
    clock += 4;
    guard();
    expect(runs).toBe(1);
    clock += 1;
    guard();
    expect(runs).toBe(2);
    clock += 60_000; // a pause long enough for another process to take the lock over
    guard();
    expect(runs).toBe(3);
  });

  it('keeps failing once the check failed, with no interval in between', () => {
    let clock = 0;
    let lost = false;
    let runs = 0;
    const guard = atMostEvery(5, () => {
      runs += 1;
      if (lost) throw new Error('lock lost');
    }, () => clock);
    guard();
    clock += 6;
    lost = true;
    expect(guard).toThrow('lock lost');
    expect(guard).toThrow('lock lost');
    expect(runs).toBe(3);
  });
});
