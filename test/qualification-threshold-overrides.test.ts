import { describe, expect, it } from 'vitest';
import { scoreQualification } from '../src/scoring/index.js';

const NO = { budget: 'no', authority: 'no', need: 'no', timeline: 'no' };

// `{qualification: -1}` qualified a deal whose every criterion says no; `NaN` and a misspelt level were ignored without a word.
describe('qualification threshold overrides', () => {
  it.each([
    [{ qualification: -1 }, 'threshold qualification must be a number from 0 to 1 (got -1)'],
    [{ proposal: 1.5 }, 'threshold proposal must be a number from 0 to 1 (got 1.5)'],
    [{ negotiation: Number.NaN }, 'threshold negotiation must be a number from 0 to 1 (got NaN)'],
    [{ qualifcation: 0.1 }, 'unknown threshold level "qualifcation"; expected one of discovery, qualification, proposal, negotiation'],
  ])('refuses %j, saying what is expected', (thresholds, message) => {
    expect(() => scoreQualification('BANT', NO, { thresholds: thresholds as never })).toThrow(new TypeError(`scoreQualification: ${message}`));
  });

  it('takes an override from 0 to 1 for the level the stage is judged at', () => {
    expect(scoreQualification('BANT', { budget: 0.6, authority: 0.6, need: 0.6, timeline: 0.6 }, { stage: 'proposal', thresholds: { proposal: 0.6, qualification: undefined } })).toMatchObject({ recommendation: 'QUALIFY', stage: { level: 'proposal', threshold: 0.6 } });
  });
});
