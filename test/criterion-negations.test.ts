import { describe, expect, it } from 'vitest';
import { readCriterionValue, scoreQualification } from '../src/scoring/index.js';

// What sales notes write in a Stage 4 `criteria:` map besides the textbook words. Each of
// these read as "something was written" (0.6): a no, a maybe or an open question counted
// as most of a yes.
describe('qualification answers written another way', () => {
  it.each([
    // `un` before a yes says no, as `not confirmed` does.
    { value: 'unconfirmed', score: 0, status: 'scored' },
    { value: 'Unapproved', score: 0, status: 'scored' },
    { value: 'unbudgeted for 2027', score: 0, status: 'scored' },
    { value: 'unsigned', score: 0, status: 'scored' },
    { value: 'unidentified', score: 0, status: 'scored' },
    { value: 'undefined', score: 0, status: 'scored' },
    { value: 'Unlikely this year', score: 0, status: 'scored' },
    { value: 'nobody yet', score: 0, status: 'scored' },
    { value: 'without budget', score: 0, status: 'scored' },
    { value: 'likely not', score: 0, status: 'scored' },
    { value: 'probably not', score: 0, status: 'scored' },
    { value: 'cancelled', score: 0, status: 'scored' },
    { value: 'Nope', score: 0, status: 'scored' },
    { value: 'sin presupuesto', score: 0, status: 'scored' },
    { value: 'ohne Budget', score: 0, status: 'scored' },
    // Still to be found out: unknown, not answered.
    { value: 'to be confirmed', score: 0.2, status: 'unknown' },
    { value: 'Yet to be determined', score: 0.2, status: 'unknown' },
    { value: 'TBA', score: 0.2, status: 'unknown' },
    { value: 'undecided', score: 0.2, status: 'unknown' },
    // Answered, but stalled: weak.
    { value: 'on hold until Q3', score: 0.2, status: 'scored' },
    { value: 'postponed', score: 0.2, status: 'scored' },
    { value: 'awaiting approval', score: 0.5, status: 'scored' },
    { value: 'probably', score: 0.7, status: 'scored' },
    { value: 'yep', score: 1, status: 'scored' },
    { value: 'Yeah, CFO signed off', score: 1, status: 'scored' },
    // Words that only start with `un` are not negations.
    { value: 'understood', score: 0.7, status: 'scored' },
    { value: 'unknown', score: 0.2, status: 'unknown' },
    { value: 'Under review by legal', score: 0.6, status: 'scored' },
    { value: 'Unilever is the parent', score: 0.6, status: 'scored' },
  ])('$value reads $score ($status)', ({ value, score, status }) => {
    expect(readCriterionValue(value)).toMatchObject({ score, status });
  });

  it('rejects a deal whose notes say no in other words, naming each weak criterion', () => {
    const result = scoreQualification('BANT', { budget: 'unconfirmed', authority: 'nobody', need: 'Unlikely', timeline: 'cancelled' }, { stage: 'qualified' });
    expect(result).toMatchObject({ total: 0, recommendation: 'REJECT', weak: ['budget', 'authority', 'need', 'timeline'] });
  });

  it('defers a deal whose budget is still to be confirmed, and says to find it out', () => {
    const result = scoreQualification('BANT', { budget: 'to be confirmed', authority: 'identified', need: 'confirmed', timeline: 'Q3 2027' }, { stage: 'qualified' });
    expect(result).toMatchObject({ recommendation: 'DEFER', unknown: ['budget'] });
    expect(result.reason).toContain('Find out budget before deciding.');
  });
});
