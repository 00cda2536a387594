import { CANVAS_SECTIONS } from '../../src/schema/names.js';
import { md, testdir } from './testdir.js';

export const SEGMENTS = md(`title: Segments
segments:
  - id: mid-market-fintech
    name: Mid-market fintech
    filters:
      industry: [payments, lending]
      employees: {min: 200, max: 2000}
      revenue: {min: "$20M", max: "$500M"}
  - id: ecommerce-finance
    name: E-commerce finance teams
`);

export const ASSUMPTIONS = md(`title: Assumptions
assumptions:
  - id: A1
    statement: Controllers with three or more PSPs spend five days on the close
    segment: mid-market-fintech
    prior: 0.6
  - id: A2
    statement: A pilot converts within 45 days
    prior: 0.5
  - id: A3
    statement: 36k ARR is an acceptable price point
    prior: 0.4
`);

export const GOAL = md(`id: g-first-customers
title: Win the first three paying customers
deadline: 2026-12-31
created: 2026-03-01
metrics:
  - name: won_count
    target: 3
subgoals:
  - id: SG1
    title: First pilot
    metric: won_count
    target: 1
  - id: SG2
    title: Three customers
    metric: won_count
    target: 3
assumptions: [A1]
`);

/** A small valid workspace: every canvas section, two segments, three assumptions, one goal. */
export function baseFiles(): Record<string, string> {
  const files: Record<string, string> = { 'threadwork.config.yaml': 'company: Testco\n' };
  for (const section of CANVAS_SECTIONS) files[`strategy/canvas/${section}.md`] = md(`title: ${section}`, `\n# ${section}\n`);
  files['strategy/canvas/04-segments.md'] = SEGMENTS;
  files['strategy/canvas/10-assumptions.md'] = ASSUMPTIONS;
  files['goals/g-first-customers.md'] = GOAL;
  return files;
}

export function workspace(extra: Record<string, string> = {}): string {
  return testdir({ ...baseFiles(), ...extra });
}

export function dealMeta(id: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ id, type: 'sales-deal', title: id, segment: 'mid-market-fintech', source: 'inbound', created: '2026-03-01', ...extra }, null, 2)}\n`;
}

/**
 * A month-end outbound campaign at Stage 5 on the mid-market-fintech segment, created on
 * `created`: its meta.json and stages 1 to 5 (Stage 5's front matter is `actions`), keyed
 * by workspace path, to spread into `workspace({...})`.
 */
export function campaignFiles(path: string, created: string, actions: string): Record<string, string> {
  const id = path.split('/').pop()!;
  return {
    [`${path}/meta.json`]: JSON.stringify({ id, type: 'sales-campaign', title: 'Month end', segment: 'mid-market-fintech', source: 'outbound', created }),
    [`${path}/1-input.md`]: md(`goal: Meetings\nsegment: mid-market-fintech\ndate: ${created}`),
    [`${path}/2-hypothesis.md`]: md('tests: [A1]'),
    [`${path}/3-implication.md`]: md('expected_meetings: 5'),
    [`${path}/4-decision.md`]: md('decision: LAUNCH'),
    [`${path}/5-actions.md`]: md(actions),
  };
}
