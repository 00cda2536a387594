import { parseFramework, resolveCriterion } from '../scoring/frameworks.js';
import { scoreQualification } from '../scoring/qualification.js';
import type { ThreadRecord } from '../workspace/model.js';
import type { ThreadFinding } from './thread-memo.js';

/**
 * Two keys of a Stage 4 `criteria:` map that name one criterion (`budget: 36000` and
 * `money: none`, `pain:` beside `identify_pain:`): the score counts one of them, the
 * better-answered (docs/scoring.md), and the other is read by nothing. Unsaid, a deal whose
 * notes disagree — budget confirmed in one key, none in another — qualified on the kinder
 * answer. A warning at each key that does not count, naming the one that does.
 */
export function criteriaAnsweredTwice(thread: ThreadRecord, path: string): ThreadFinding[] {
  const decision = thread.stages[3]?.value as { framework?: unknown; criteria?: unknown } | undefined;
  const framework = typeof decision?.framework === 'string' ? parseFramework(decision.framework) : undefined;
  const criteria = decision?.criteria;
  if (!framework || criteria === null || typeof criteria !== 'object' || Array.isArray(criteria)) return [];
  const keysByCriterion = new Map<string, string[]>();
  for (const key of Object.keys(criteria)) {
    const criterion = resolveCriterion(framework, key);
    if (criterion) keysByCriterion.set(criterion.key, [...(keysByCriterion.get(criterion.key) ?? []), key]);
  }
  if (![...keysByCriterion.values()].some((keys) => keys.length > 1)) return [];
  // Scored only when a criterion is answered twice (rare): which key counts is the score's own choice.
  const scored = scoreQualification(framework, criteria as Record<string, unknown>).criteria;
  const out: ThreadFinding[] = [];
  for (const counted of scored) {
    const keys = keysByCriterion.get(counted.key) ?? [];
    if (keys.length < 2 || counted.writtenAs === undefined) continue;
    const kept = `\`${counted.writtenAs}\``;
    for (const key of keys.filter((k) => k !== counted.writtenAs)) {
      const message = `\`${key}\` answers ${counted.label}, as ${kept} does: one ${framework} criterion answered twice, and the score counts only ${kept} (read as ${counted.reading}, ${counted.score}), the better answer — this one is left out. Keep one key, with the answer that holds`;
      out.push({ path, dataPath: ['criteria', key], rule: 'criterion-answered-twice', severity: 'warning', field: `criteria.${key}`, message });
    }
  }
  return out;
}
