export type LearningResult = 'validated' | 'partial' | 'invalidated';

export interface AssumptionResult {
  assumption: string;
  result: LearningResult;
}

/**
 * The results of one Stage 6 file, one per assumption: a thread is one piece of evidence
 * for each assumption it speaks to, however many lines say so (check warns about the
 * repeats: `validation-repeated`). Results that agree count as that result; results that
 * differ — validated and invalidated in one deal — are mixed evidence and count as partial.
 * In the order the assumptions first appear.
 */
export function resultPerAssumption(validations: readonly AssumptionResult[]): AssumptionResult[] {
  const byAssumption = new Map<string, LearningResult>();
  for (const { assumption, result } of validations) {
    const earlier = byAssumption.get(assumption);
    byAssumption.set(assumption, earlier === undefined || earlier === result ? result : 'partial');
  }
  return [...byAssumption].map(([assumption, result]) => ({ assumption, result }));
}
