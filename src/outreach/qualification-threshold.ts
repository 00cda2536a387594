/**
 * The qualification score cut-off that would best have told wins from losses: "qualify
 * when score ≥ t". Every distinct score among the closed deals is tried as t; the one
 * with the highest accuracy (wins at or above plus losses below, over all scored deals)
 * wins, and among equals the lowest, so no deal is turned away that the data cannot
 * tell apart from a win.
 */

export interface ScoredDeal {
  won: boolean;
  score: number;
}

export interface QualificationThreshold {
  threshold: number;
  accuracy: number;
  /** Closed deals with a score. */
  deals: number;
  wonAtOrAbove: number;
  wonBelow: number;
  lostAtOrAbove: number;
  lostBelow: number;
  /**
   * Whether the cut-off turns away any lost deal. False when none does better than
   * qualifying every deal (all scored alike, or every loss scored at least as high as
   * every win): the threshold is then the lowest score and separates nothing.
   */
  separates: boolean;
}

/** Null unless there is at least one scored win and one scored loss: otherwise there is nothing to separate. */
export function bestQualificationThreshold(deals: readonly ScoredDeal[]): QualificationThreshold | null {
  const scored = deals.filter((d) => Number.isFinite(d.score));
  if (!scored.some((d) => d.won) || !scored.some((d) => !d.won)) return null;
  const candidates = [...new Set(scored.map((d) => d.score))].sort((a, b) => a - b);
  let best: QualificationThreshold | null = null;
  for (const threshold of candidates) {
    const wonAtOrAbove = scored.filter((d) => d.won && d.score >= threshold).length;
    const lostBelow = scored.filter((d) => !d.won && d.score < threshold).length;
    const wonTotal = scored.filter((d) => d.won).length;
    const accuracy = (wonAtOrAbove + lostBelow) / scored.length;
    if (best && accuracy <= best.accuracy) continue;
    best = {
      threshold,
      accuracy,
      deals: scored.length,
      wonAtOrAbove,
      wonBelow: wonTotal - wonAtOrAbove,
      lostAtOrAbove: scored.length - wonTotal - lostBelow,
      lostBelow,
      separates: lostBelow > 0,
    };
  }
  // Accuracy exact, as the win rates (winloss.ts): the report rounds it once to a whole percent.
  return best;
}
