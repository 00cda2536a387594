/**
 * What a report with nothing to show says, with what to do to fill it: the bare sentence
 * ("No goals in goals/.") left a newcomer with nothing to do next.
 */
export const NO_GOALS = 'No goals in goals/: add one as goals/{goal-id}.md, with a deadline and metrics with targets.';
export const NO_ASSUMPTIONS = 'No assumptions in strategy/canvas/10-assumptions.md: add them under `assumptions:`, an id, a statement and a prior each (the file shows an example).';
export const NO_CAMPAIGNS = 'No campaign threads: open one with `threadwork campaign new`.';
