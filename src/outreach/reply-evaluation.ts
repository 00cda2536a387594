/**
 * How well the classifier reads a labelled set of replies: the confusion matrix,
 * accuracy, per-category recall and precision, and every date it got wrong. Used by the
 * corpus test and `bench/reply-confusion.js`.
 */

import { classifyReply, type ReplyClassification } from './replies.js';
import { REPLY_CATEGORIES, type ReplyCategory } from './reply-vocabulary.js';

export interface LabelledReply {
  id: string;
  text: string;
  /** The day the reply was received, `YYYY-MM-DD`. */
  received: string;
  category: ReplyCategory;
  /** nurture: the expected revisit date. */
  revisit?: string | null | undefined;
  /** out-of-office: the expected return date (null: the text gives none). */
  returns?: string | null | undefined;
}

export interface ReplyEvaluation {
  total: number;
  correct: number;
  accuracy: number;
  /** matrix[expected][predicted] = count. */
  matrix: Record<ReplyCategory, Record<ReplyCategory, number>>;
  /** Per category: recall = right / expected, precision = right / predicted (null when nothing was predicted). */
  perCategory: Record<ReplyCategory, { expected: number; predicted: number; recall: number | null; precision: number | null }>;
  misclassified: { id: string; expected: ReplyCategory; got: ReplyCategory; reason: string }[];
  /** Entries classified right whose date is not the expected one. */
  wrongDates: { id: string; field: 'revisit' | 'returns'; expected: string | null; got: string | null }[];
}

export function evaluateReplies(replies: readonly LabelledReply[]): ReplyEvaluation {
  const zeroRow = (): Record<ReplyCategory, number> => Object.fromEntries(REPLY_CATEGORIES.map((c) => [c, 0])) as Record<ReplyCategory, number>;
  const matrix = Object.fromEntries(REPLY_CATEGORIES.map((c) => [c, zeroRow()])) as ReplyEvaluation['matrix'];
  const misclassified: ReplyEvaluation['misclassified'] = [];
  const wrongDates: ReplyEvaluation['wrongDates'] = [];
  let correct = 0;
  for (const reply of replies) {
    const result: ReplyClassification = classifyReply(reply.text, { received: reply.received });
    matrix[reply.category][result.category] += 1;
    if (result.category !== reply.category) {
      misclassified.push({ id: reply.id, expected: reply.category, got: result.category, reason: result.reason });
      continue;
    }
    correct += 1;
    if (reply.category === 'nurture' && reply.revisit !== undefined && result.revisit !== reply.revisit) wrongDates.push({ id: reply.id, field: 'revisit', expected: reply.revisit, got: result.revisit });
    if (reply.category === 'out-of-office' && reply.returns !== undefined && result.returns !== reply.returns) wrongDates.push({ id: reply.id, field: 'returns', expected: reply.returns, got: result.returns });
  }
  const perCategory = Object.fromEntries(
    REPLY_CATEGORIES.map((c) => {
      const expected = REPLY_CATEGORIES.reduce((n, p) => n + matrix[c][p], 0);
      const predicted = REPLY_CATEGORIES.reduce((n, e) => n + matrix[e][c], 0);
      return [c, { expected, predicted, recall: expected ? matrix[c][c] / expected : null, precision: predicted ? matrix[c][c] / predicted : null }];
    }),
  ) as ReplyEvaluation['perCategory'];
  return { total: replies.length, correct, accuracy: replies.length ? correct / replies.length : 0, matrix, perCategory, misclassified, wrongDates };
}
