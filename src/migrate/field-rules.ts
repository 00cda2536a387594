/**
 * The readers of single labels: one value to one field (`field`), and the few labels
 * whose value splits over several fields or belongs to what came before (a contact, an
 * action's status, a validation's evidence). stage-rules.ts says which label is which.
 */

import { amountInCurrency } from '../schema/money.js';
import { domainOf } from '../schema/domain.js';
import { DEAL_ACTION_TYPES } from '../schema/stages.js';
import { PRESET_NAMES } from '../outreach/sequences.js';
import type { Labelled } from './collector.js';
import { labelKey } from './lines.js';
import type { Rule, State } from './state.js';
import {
  plainText,
  plainValue,
  readAssumptionIds,
  readCount,
  readDate,
  readDays,
  readEnum,
  readHours,
  readMoney,
  readProbability,
  readText,
  readVerdict,
  withoutRemark,
  type Reading,
} from './values.js';

export const ASSUMPTION_ID = /^([A-Z]{1,3}\d+)\b\s*[:.\-–—]?\s*(.*)$/;
export const ARROW = /\s*(?:→|->|=>|⟶)\s*/;

/** Reasons for labels whose value threadwork derives instead of reading. */
export const DERIVED: Record<string, string> = {
  priority: 'threadwork derives a deal\'s priority (meta.json) from its ICP and qualification scores',
  'priority score': 'threadwork derives a deal\'s priority (meta.json) from its ICP and qualification scores',
  'close probability': 'threadwork derives the close probability (meta.json) from the pipeline stage',
  'icp score': 'threadwork derives icp_match_score (meta.json) from the company and the segment\'s ICP',
  'icp fit': 'threadwork derives icp_match_score (meta.json) from the company and the segment\'s ICP',
  confidence: 'threadwork derives assumption confidence (10-assumptions.md) from every thread\'s validations',
  'new confidence': 'threadwork derives assumption confidence (10-assumptions.md) from every thread\'s validations',
  'open rate': 'threadwork computes rates from the counts (sent, delivered, opened, …)',
  'reply rate': 'threadwork computes rates from the counts (sent, delivered, opened, …)',
  'response rate': 'threadwork computes rates from the counts (sent, delivered, opened, …)',
  'click rate': 'threadwork computes rates from the counts (sent, delivered, opened, …)',
  'bounce rate': 'threadwork computes rates from the counts (sent, delivered, opened, …)',
  'meeting rate': 'threadwork computes rates from the counts (sent, delivered, opened, …)',
  mrr: 'a monthly figure: threadwork records the yearly ARR — write `ARR:` with the yearly amount',
  segment: 'a thread\'s segment is in its meta.json, set when the thread is opened',
};

/** Decisions as the method's prompts word them: PURSUE/PASS (sales threads), HOLD (marketing). */
export const DEAL_DECISIONS = { pursue: 'QUALIFY', go: 'QUALIFY', qualified: 'QUALIFY', hold: 'DEFER', nurture: 'DEFER', deferred: 'DEFER', pass: 'REJECT', disqualify: 'REJECT', disqualified: 'REJECT', rejected: 'REJECT', 'no-go': 'REJECT' } as const;
export const CAMPAIGN_DECISIONS = { go: 'LAUNCH', launched: 'LAUNCH', hold: 'DEFER', deferred: 'DEFER', pass: 'REJECT', cancel: 'REJECT', rejected: 'REJECT', 'no-go': 'REJECT' } as const;
export const SOURCES = ['inbound', 'outbound', 'referral', 'partner', 'event'] as const;
export const SOURCE_SYNONYMS = { prospecting: 'outbound', cold: 'outbound', conference: 'event', webinar: 'event', introduction: 'referral', intro: 'referral' } as const;
export const ACTION_TYPE_NAMES: Record<string, (typeof DEAL_ACTION_TYPES)[number]> = {
  'lead-intake': 'sales:lead-intake',
  'lead intake': 'sales:lead-intake',
  intake: 'sales:lead-intake',
  qualify: 'sales:qualify',
  qualification: 'sales:qualify',
  discovery: 'sales:qualify',
  demo: 'sales:demo',
  pilot: 'sales:pilot',
  close: 'sales:close',
  closing: 'sales:close',
};
export const STATUS_SYNONYMS = { done: 'completed', complete: 'completed', finished: 'completed', 'in-progress': 'in_progress', ongoing: 'in_progress', started: 'in_progress', todo: 'pending', planned: 'pending', 'not-started': 'pending', canceled: 'cancelled', skipped: 'cancelled' } as const;
export const LEVELS = ['high', 'medium', 'low'] as const;

/** One value to one field: the reader's result is set, or its reason reported. */
export function field<T>(path: string, read: (value: string, state: State) => Reading<T>): Rule {
  const rule: Rule = (value, source, state) => {
    const reading = read(value, state);
    if (reading.ok) state.c.set(path, reading.value, source, reading.note);
    else state.c.unmapped(source, reading.reason);
  };
  rule.simple = true;
  return rule;
}

export const text = (path: string): Rule => field(path, (v) => readText(v));
export const date = (path: string): Rule => field(path, (v) => readDate(v));
export const level = (path: string): Rule => field(path, (v) => readEnum(v, LEVELS));

export function money(path: string, range: boolean): Rule {
  return field(path, (v, state) => {
    const reading = readMoney(v);
    if (!reading.ok) return reading;
    const { value, currency } = reading.value;
    if (typeof value !== 'number' && !range) return { ok: false, reason: `expected one amount, got a range (${plainValue(v)}): which one was it?` };
    const home = state.context.currency ?? 'USD';
    if (!currency || currency === home) return { ok: true, value };
    // Written as a bare number, the amount would count in the workspace's currency: €40k as $40,000.
    const kept = typeof value === 'number' ? amountInCurrency(value, currency) : { min: amountInCurrency(value.min, currency), max: amountInCurrency(value.max, currency) };
    return { ok: true, value: kept, note: `written in ${currency}; the workspace counts ${home}: recorded in ${currency}, not converted` };
  });
}

/** `Sarah Chen, CTO`, `Sarah Chen (CTO)`, `Sarah Chen, CTO, sarah@elsa.ai`. */
export const contact: Rule = (value, source, state) => {
  let rest = plainText(value);
  const email = /[^\s<>(),;]+@[^\s<>(),;]+\.[a-z]{2,}/i.exec(rest)?.[0];
  const linkedin = /(?:https?:\/\/)?(?:www\.)?linkedin\.com\/\S+/i.exec(rest)?.[0];
  for (const part of [email, linkedin]) if (part) rest = rest.replace(part, '');
  rest = rest.replace(/[<>]/g, '').replace(/\(\s*\)/g, '');
  // A `.` left alone where an email ended the sentence goes with the separators; `Sr. V.P.` keeps its own.
  const { head, remark } = withoutRemark(rest.replace(/[\s,;–—-]+\.?\s*$/, ''));
  const parts = head.split(/\s*(?:,|;|\s[–—-]\s)\s*/).filter(Boolean);
  const [name, title = remark || undefined, ...more] = parts;
  if (!name) return state.c.unmapped(source, 'expected the contact\'s name, then title and email: Sarah Chen, CTO, sarah@example.com');
  const note = more.length ? `kept in the prose only: ${more.join(', ')}` : undefined;
  state.c.set('contact.name', name, source, note);
  if (title) state.c.set('contact.title', title, source);
  if (email) state.c.set('contact.email', email, source);
  if (linkedin) state.c.set('contact.linkedin', linkedin, source);
};

export const company: Rule = (value, source, state) => {
  const { head, remark } = withoutRemark(plainText(value));
  if (!head) return state.c.unmapped(source, 'expected the company name');
  state.c.set('company.name', head, source, remark ? `(${remark}) kept in the prose only` : undefined);
};

export const domain = field('company.domain', (v) => {
  const value = domainOf(plainValue(v));
  return value !== undefined ? { ok: true, value } : { ok: false, reason: `expected a domain such as acme.com, got "${plainValue(v)}"` };
});

export const list = (key: string): Rule => (value, source, state) => {
  const items = plainValue(value).split(/\s*(?:,|;|\+|\s\/\s)\s*/).filter(Boolean);
  if (items.length === 0) return state.c.unmapped(source, 'expected a list separated by commas');
  for (const item of items) if (!state.has(key, item)) state.c.push(key, item, [source]);
};

export const source = field('source', (v): Reading<string> => {
  const raw = plainValue(v);
  const campaign = /^campaign:\s*([a-z0-9][a-z0-9-]*)$/i.exec(raw);
  if (campaign) return { ok: true, value: `campaign:${campaign[1]!.toLowerCase()}` };
  return readEnum(raw, SOURCES, SOURCE_SYNONYMS);
});

export const tests: Rule = (value, source, state) => {
  const reading = readAssumptionIds(value);
  if (!reading.ok) return state.c.unmapped(source, reading.reason);
  const unknown = reading.value.filter((id) => !state.context.assumptions.has(id));
  if (unknown.length === reading.value.length) return state.addTest(unknown[0]!, source);
  // Known ids are written; the others are named in the line's note, not silently lost.
  const leftOut = unknown.length ? `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in 10-assumptions.md: left out` : undefined;
  const note = [reading.note, leftOut].filter(Boolean).join('; ') || undefined;
  for (const id of reading.value) if (!unknown.includes(id)) state.addTest(id, source, note);
};

export const goal: Rule = (value, source, state) => {
  const id = /^(g-[a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(plainValue(value))?.[1];
  if (id) return state.setGoalId(id, source);
  text('goal')(value, source, state);
};

export const goalId: Rule = (value, source, state) => {
  const id = /^(g-[a-z0-9]+(?:-[a-z0-9]+)*)\b/.exec(plainValue(value))?.[1];
  if (!id) return state.c.unmapped(source, `expected a goal id such as g-mrr-50k, got "${plainValue(value)}"`);
  state.setGoalId(id, source);
};

export const segment = field('segment', (v, state) => {
  const { head } = withoutRemark(plainValue(v));
  const key = labelKey(head);
  const known = state.context.segments.find((s) => s.id === head || labelKey(s.id) === key || (s.name && labelKey(s.name) === key));
  if (known) return { ok: true, value: known.id };
  if (state.context.segments.length === 0 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(head)) return { ok: true, value: head };
  return { ok: false, reason: `"${head}" is not a segment of 04-segments.md (by id or name)` };
});

export function decision(values: readonly string[], synonyms: Record<string, string>): Rule {
  return field('decision', (v) => readEnum(v.toUpperCase(), values, Object.fromEntries(Object.entries(synonyms))));
}

export const hours = field('resource_cost_hours', (v) => readHours(v));
export const confidence = field('initial_confidence', (v) => readProbability(v));
export const count = (path: string): Rule => field(path, (v) => readCount(v));

export const outcome: Rule = (value, source, state) => {
  if (state.assumption) return verdictLine(value, source, state);
  const v = plainValue(value).toLowerCase();
  const read = /^(?:closed[\s/–—-]*won|won|win|signed)\b/.test(v)
    ? 'closed-won'
    : /^(?:closed[\s/–—-]*lost|lost)\b/.test(v)
      ? 'closed-lost'
      : /^(?:stalled|no decision|on hold|went dark)\b/.test(v)
        ? 'stalled'
        : /^closed\b/.test(v)
          ? 'closed'
          : undefined;
  if (!read) return state.c.unmapped(source, `expected Won, Lost, Stalled, Closed won or Closed lost, got "${plainValue(value)}"`);
  state.outcomes.push({ value: read, source });
};

/** `Status: ✅ VALIDATED` or `Result: …` under an assumption's heading (`### A4: …`). */
export function verdictLine(value: string, source: Labelled, state: State): void {
  const context = state.assumption;
  const reading = readVerdict(value);
  if (reading.ok && context) return state.addValidation(context.id, reading.value, context.statement, [context.source, source]);
  if (context && labelKey(source.label) === 'result') return state.addEvidence(context.id, plainText(value), source, 'result');
  const unclear = /challenged|inconclusive|unclear|new/i.test(value);
  state.c.unmapped(source, reading.ok ? 'no assumption id above it (a heading such as `### A4: …`)' : `${plainValue(value)}: ${unclear ? 'partial or invalidated? Write VALIDATED, INVALIDATED or PARTIAL' : 'not a verdict threadwork counts (VALIDATED, INVALIDATED or PARTIAL)'}`, unclear ? 'ambiguous' : 'unmapped');
}

export const evidence: Rule = (value, source, state) => {
  const id = state.assumption?.id ?? state.lastValidation?.assumption;
  if (!id) return state.c.unmapped(source, 'no validation above it (`A4: … → VALIDATED`) for this evidence');
  state.addEvidence(id, plainText(value), source, 'evidence');
};

export const cycle: Rule = (value, source, state) => {
  const reading = readDays(value);
  if (!reading.ok) return state.c.unmapped(source, reading.reason);
  state.cycle = { days: reading.value, source };
};

/** Deal action fields: they belong to the action the last `Type:` line opened. */
export function actionField(key: string, read: (v: string) => Reading<unknown>): Rule {
  return (value, source, state) => {
    const action = state.action;
    if (!action) return state.c.unmapped(source, 'no `Type:` line above it to say which action (sales:lead-intake, sales:qualify, sales:demo, sales:pilot, sales:close)');
    const reading = read(value);
    if (!reading.ok) return state.c.unmapped(source, reading.reason);
    action.value[key] = reading.value;
    action.sources.push(source);
  };
}

export const actionType: Rule = (value, source, state) => {
  const v = plainValue(value).toLowerCase();
  const name = v.replace(/^sales:\s*/, '').split(/\s*[(–—]/)[0]!.trim();
  const type = (DEAL_ACTION_TYPES as readonly string[]).includes(v.split(/\s/)[0]!) ? (v.split(/\s/)[0] as (typeof DEAL_ACTION_TYPES)[number]) : ACTION_TYPE_NAMES[name];
  if (!type) return state.c.unmapped(source, `expected an action type: ${DEAL_ACTION_TYPES.join(', ')}`);
  state.endAction();
  state.action = { value: { type }, sources: [source] };
};

export const preset = field('sequence.preset', (v) => readEnum(v, PRESET_NAMES));

/** `Day 3: email — cold-2-insight`. */
export const touch: Rule = (value, source, state) => {
  const day = Number(/(\d+)/.exec(source.label)![1]);
  const v = plainValue(value).toLowerCase();
  const channel = /\blinked\s?in\b/.test(v) ? 'linkedin' : /\b(?:call|phone)\b/.test(v) ? 'call' : /\be-?mail\b/.test(v) ? 'email' : undefined;
  const template = /\b([a-z0-9]+(?:-[a-z0-9]+)+)\b/.exec(v.replace(/\be-mail\b/g, 'email').replace(/linked-in/g, 'linkedin'))?.[1];
  if (!channel || !template) {
    state.touchProblem = true;
    return state.c.unmapped(source, `expected a channel (email, call, linkedin) and a template name such as cold-1-problem, got "${plainValue(value)}"`);
  }
  state.c.push('sequence.touches', { day, channel, template }, [source]);
};

export function alternativesRule(value: string, source: Labelled, state: State): void {
  const items = plainText(value).split(/\s*;\s*/).filter(Boolean);
  for (const item of items) state.c.push('alternatives', item, [source]);
}

export const contentTopic = text('content_opportunity.topic');
export const contentPriority = field('content_opportunity.priority', (v) => readEnum(v, LEVELS));

/** `Status:` / `Result:` lines of a campaign's or a content thread's learning: a verdict under an assumption heading, nothing else. */
export const verdictOnly: Rule = (value, source, state) => (state.assumption ? verdictLine(value, source, state) : void state.leftovers.push(source));
export const validationsRules: Record<string, Rule> = { evidence, status: verdictOnly, verdict: verdictOnly, result: verdictOnly };
