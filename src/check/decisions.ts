import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { criteriaAnsweredTwice } from './criteria-answered-twice.js';
import { criteriaWithoutFramework } from './criteria-without-framework.js';
import { dealPipelineStage } from '../derive/thread-facts.js';
import { qualifyThread, unrecognisedCriteriaOf } from '../derive/thread-scores.js';
import { barAsWritten, formatTotal } from '../scoring/qualification.js';
import { stageOf, stageValue, type ThreadRecord, type WorkspaceModel } from '../workspace/model.js';
import { FRAMEWORK_CRITERIA } from '../scoring/frameworks.js';
import type { Locators } from './locators.js';
import { ThreadMemo, type ThreadFinding } from './thread-memo.js';

/**
 * A written Stage 4 decision that the qualification score contradicts: REJECT although
 * the criteria clear the stage's threshold, or QUALIFY although they do not. A warning,
 * not an error: people may know more than the criteria say, but then they should say so.
 */
export function checkDecisions(model: WorkspaceModel, locators: Locators, inScope: (thread: string) => boolean = () => true): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const thread of model.threads.values()) {
    if (!inScope(thread.path)) continue;
    // Read from the thread's own files alone: kept while they are the same (thread-memo.ts), located afresh.
    // A finding with no data path is of the file as a whole: at its start, with no field.
    for (const f of kept.get(thread, '', () => keptList(decisionFindings(thread)))) out.push(f.dataPath.length ? diagnostic(f.path, locators.range(f.path, f.dataPath), f.severity, f.rule, f.message, f.field) : diagnostic(f.path, START, f.severity, f.rule, f.message));
  }
  return out;
}

/**
 * What `checkDecisions` keeps of a thread, made ahead of it (check/early-checks.ts), its
 * findings located in `locators`, the check's own: the check finds them kept while the
 * thread's files are the same objects, else makes them again.
 */
export function decisionsAhead(thread: ThreadRecord, locators: Locators): void {
  for (const f of kept.get(thread, '', () => keptList(decisionFindings(thread)))) if (f.dataPath.length > 0) locators.range(f.path, f.dataPath);
}

const kept = new ThreadMemo<readonly ThreadFinding[]>();
const NONE: readonly ThreadFinding[] = [];

/** Most threads have none: one shared empty list kept, not 10,000. */
function keptList(findings: readonly ThreadFinding[]): readonly ThreadFinding[] {
  return findings.length > 0 ? findings : NONE;
}

function decisionFindings(thread: ThreadRecord): readonly ThreadFinding[] {
  const decisionFile = thread.stages[3];
  if (!decisionFile) return NONE;
  const out = [...deferWithoutRevisit(thread, decisionFile.path), ...actionsAfterNotActing(thread)];
  const decision = stageValue(thread, 'deal', 4)?.decision;
  if (stageValue(thread, 'deal', 4)) out.push(...unrecognisedCriteria(thread, decisionFile.path), ...criteriaAnsweredTwice(thread, decisionFile.path), ...criteriaWithoutFramework(thread, decisionFile.path));
  if (decision !== 'QUALIFY' && decision !== 'REJECT') return out;
  // A later stage file in error (empty, broken YAML) reads as missing: a won deal would be
  // judged open at negotiation's threshold. Its own error stands; the stage is not known.
  if (thread.stages.some((file, i) => i > 3 && file !== undefined && file.value === undefined)) return out;
  const pipelineStage = dealPipelineStage(thread);
  if (pipelineStage === undefined) return out;
  const qualification = qualifyThread(thread, pipelineStage);
  if (!qualification) return out;
  const { total, stage } = qualification;
  const score = `${qualification.framework} score ${formatTotal(total, [stage.threshold])}`;
  const contradicts = (message: string): ThreadFinding => ({ path: decisionFile.path, dataPath: ['decision'], rule: 'decision-contradicts-score', severity: 'warning', field: 'decision', message });
  if (decision === 'QUALIFY' && total < stage.threshold) {
    out.push(contradicts(`QUALIFY although the ${score} is below the ${stage.level} threshold ${barAsWritten(stage.threshold)}: ${qualification.reason}`));
  } else if (decision === 'REJECT' && total >= stage.threshold) {
    out.push(contradicts(`REJECT although the ${score} clears the ${stage.level} threshold ${barAsWritten(stage.threshold)}: say in \`reasoning\` what the criteria miss`));
  }
  return out;
}

/**
 * Criterion keys the framework does not have (`chmapion`, BANT's `budget` under MEDDIC):
 * the score leaves them out and counts the criterion meant as missing, so the deal reads
 * as unqualified for a reason the file does not show. Said at the key, whatever the decision.
 */
function unrecognisedCriteria(thread: ThreadRecord, path: string): ThreadFinding[] {
  // The keys alone: scoring every deal's criteria for them cost a check of 10,000 deals half its time.
  const unrecognised = unrecognisedCriteriaOf(thread);
  if (!unrecognised || unrecognised.keys.length === 0) return [];
  const { framework, keys } = unrecognised;
  const expected = FRAMEWORK_CRITERIA[framework].map((c) => c.key).join(', ');
  return keys.map((key) => ({ path, dataPath: ['criteria', key], rule: 'criterion-unrecognised', severity: 'warning', field: `criteria.${key}`, message: `\`${key}\` is not a ${framework} criterion, so the qualification score leaves it out: expected one of ${expected}` }));
}

/**
 * A DEFER is a decision until its revisit date, when `due` lists it to be decided again; one
 * without a date was never listed, nor said anything of, and so forgotten. A warning at the
 * decision while it stands (until the thread goes on to Stage 5), whatever the thread: `due`
 * lists any thread's DEFER.
 */
function deferWithoutRevisit(thread: ThreadRecord, path: string): ThreadFinding[] {
  if (stageOf(thread) > 4) return [];
  const value = thread.stages[3]?.value as { decision?: unknown; revisit?: unknown } | undefined;
  if (value?.decision !== 'DEFER' || (value.revisit !== undefined && value.revisit !== null && value.revisit !== '')) return [];
  const message = 'DEFER without a `revisit` date: `due` lists a DEFER on its revisit date, so this one is never brought back. Add `revisit: YYYY-MM-DD` below `decision`, the day to decide again';
  return [{ path, dataPath: ['decision'], rule: 'defer-without-revisit', severity: 'warning', field: 'decision', message }];
}

/**
 * A 5-actions.md beside a Stage 4 that decides DEFER or REJECT (written by hand: `advance`
 * refuses to open it, decision-not-to-act): the thread still counts as deferred or rejected,
 * so its actions move no pipeline stage, and a DEFER's revisit leaves `due`. A warning at
 * the file: the decision says not to act. Deals' and campaigns' decisions only; a content
 * thread's is free text.
 */
function actionsAfterNotActing(thread: ThreadRecord): ThreadFinding[] {
  const actions = thread.stages[4];
  if (!actions || (thread.family !== 'deal' && thread.family !== 'campaign')) return [];
  const value = thread.stages[3]?.value as { decision?: unknown; revisit?: unknown } | undefined;
  const decided = value?.decision;
  if (decided !== 'DEFER' && decided !== 'REJECT') return [];
  const campaign = thread.family === 'campaign';
  const act = campaign ? 'LAUNCH' : 'QUALIFY';
  const noun = campaign ? 'campaign' : 'deal';
  const revisit = typeof value?.revisit === 'string' && value.revisit !== '' ? ` (${value.revisit})` : '';
  const effects = [...(campaign ? ['not active'] : ['its actions move no pipeline stage']), ...(decided === 'DEFER' ? [`\`due\` no longer lists its revisit${revisit}`] : [])].join(', and ');
  const message = `Actions after a ${decided}: 4-decision.md decides ${decided}, and 5-actions.md follows a decision to act (${act}), so the ${noun} still counts as ${decided === 'DEFER' ? 'deferred' : 'rejected'} — ${effects}. If the ${noun} went ahead, change \`decision\` to ${act} in 4-decision.md; if not, remove 5-actions.md`;
  return [{ path: actions.path, dataPath: [], rule: 'decision-not-to-act', severity: 'warning', field: '', message }];
}
