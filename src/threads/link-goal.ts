import { ThreadworkError } from '../errors.js';
import { writeChange, type SourceChange, type WriteProposal } from '../engine/changes.js';
import { setFrontMatterFields } from '../markdown/front-matter-edit.js';
import { updateJsonObject } from '../markdown/json-edit.js';
import { goalsOf, type WorkspaceModel } from '../workspace/model.js';
import { refuseControlInId } from '../workspace/slug.js';
import { unknownGoal, unknownSubgoal } from './create.js';
import { metaToEdit } from './meta-to-edit.js';

export interface GoalLinkRequest {
  /** The thread folder, resolved. */
  thread: string;
  /** The goal the thread counts toward; null: toward none. */
  goal: string | null;
  /** One of that goal's subgoals; left out, the one the thread names is kept while its goal stays the same. */
  subgoal?: string | null | undefined;
}

export interface GoalLink {
  thread: string;
  goal: string | null;
  subgoal: string | null;
  /** The links the thread had before. */
  before: { goal: string | null; subgoal: string | null };
  /** The files written: meta.json, and a campaign's 1-input.md when it repeats the goal. */
  written: string[];
}

/**
 * Links a thread to a goal (and subgoal) after it was opened: `goal_id` and `subgoal` in its
 * meta.json, the link the goals count. These are the thread's own fields, not derived ones,
 * so they are edited in place (every other byte kept) and checked as `deal new --goal` checks
 * them: an unknown goal or subgoal is refused with the ids there are and the one meant. A
 * subgoal belongs to its goal: moving to another goal without naming a subgoal drops the old
 * one. A campaign's Stage 1 repeats its goal for the reader; when it names one, it is moved
 * with meta.json, so the two never disagree (`campaign-links-disagree`).
 */
export function proposeGoalLink(model: WorkspaceModel, request: GoalLinkRequest): WriteProposal<GoalLink> {
  const { thread: path, goal } = request;
  const { path: metaPath, meta, text: metaText } = metaToEdit(model, path, `Cannot link ${path} to a goal`);
  const thread = model.threads.get(path)!;
  const before = { goal: meta.goal_id ?? null, subgoal: meta.subgoal ?? null };
  const subgoal = request.subgoal !== undefined ? request.subgoal : goal !== null && goal === before.goal ? before.subgoal : null;
  refuseUnknown(model, goal, subgoal);

  const changes: SourceChange[] = [];
  const metaAfter = updateJsonObject(metaText, { goal_id: goal, subgoal });
  if (metaAfter !== metaText) changes.push(writeChange(metaPath, metaAfter));
  const input = thread.family === 'campaign' ? thread.stages[0] : undefined;
  const inputText = input && !model.broken.has(input.path) ? model.text(input.path) : undefined;
  const stageGoal = (input?.value as { goal_id?: unknown } | undefined)?.goal_id;
  // Only a Stage 1 that names the goal key is touched: one without it has nothing to disagree.
  if (input && inputText !== undefined && stageGoal !== undefined && stageGoal !== goal) changes.push(writeChange(input.path, setFrontMatterFields(inputText, { goal_id: goal })));

  const result: GoalLink = { thread: path, goal, subgoal, before, written: changes.map((c) => c.path) };
  const to = goal === null ? 'no goal' : `goal ${goal}${subgoal ? ` ${subgoal}` : ''}`;
  return { result, changes, summary: `link ${path} to ${to}`, thread: path, nothingToWrite: changes.length === 0 };
}

function refuseUnknown(model: WorkspaceModel, goal: string | null, subgoal: string | null): void {
  if (goal !== null) refuseControlInId('goal', goal);
  if (subgoal !== null) refuseControlInId('subgoal', subgoal);
  if (goal === null) {
    if (subgoal !== null) throw new ThreadworkError(`Subgoal ${subgoal} needs a goal: a subgoal belongs to a goal`, 'subgoal-without-goal');
    return;
  }
  const goals = goalsOf(model);
  const found = goals.find((g) => g.id === goal);
  if (!found) throw unknownGoal(goal, goals.map((g) => g.id));
  if (subgoal !== null && !found.subgoals.some((s) => s.id === subgoal)) throw unknownSubgoal(found.id, subgoal, found.subgoals.map((s) => s.id));
}
