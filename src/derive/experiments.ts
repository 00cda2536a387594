import type { Config } from '../schema/config.js';
import { analyzeExperiment, type ExperimentAnalysis } from '../outreach/experiment-analysis.js';
import type { ExperimentDesign } from '../outreach/experiments.js';
import type { CampaignResults } from '../outreach/results.js';
import { calendarDate } from '../outreach/calendar.js';

type Data = Record<string, unknown>;

/**
 * A campaign's experiments (Stage 5) judged on its per-variant results (Stage 6,
 * `results.experiments.<name>.<variant>`). Stage 5 is validated before it gets here; an
 * experiment whose design check rejects (splits, ids, touch) is still analysed as written,
 * and `check` says what is wrong with it.
 */
export function campaignExperiments(actions: Data, learning: Data | null, config: Config): ExperimentAnalysis[] {
  const designs = Array.isArray(actions.experiments) ? (actions.experiments as ExperimentDesign[]) : [];
  const results = (learning?.results as Data | null | undefined)?.experiments as Record<string, Record<string, CampaignResults>> | null | undefined;
  // A closed campaign sends no more: an experiment still short of its sends ends inconclusive.
  const closed = calendarDate(learning?.closed) ?? null;
  const seen = new Set<string>();
  const out: ExperimentAnalysis[] = [];
  for (const design of designs) {
    // A repeated name is reported by check; its results cannot be told apart, so only the first counts.
    if (seen.has(design.name)) continue;
    seen.add(design.name);
    out.push(analyzeExperiment(design, results?.[design.name], config.experiments, closed));
  }
  return out;
}
