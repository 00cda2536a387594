/**
 * Which label fills which field, stage by stage and thread type by thread type, and the
 * lines that need more than one label to make a value: a validation and its evidence, a
 * deal action's type and status, a campaign's prospect table. docs/migrate.md is the
 * table of this file.
 */

import type { ThreadType } from '../schema/meta.js';
import { ACTION_STATUSES, DEAL_ACTION_TYPES, PROSPECT_STATUSES, QUALIFICATION_FRAMEWORKS, type StageNumber } from '../schema/stages.js';
import { resolveCriterion } from '../scoring/frameworks.js';
import { PRESET_NAMES } from '../outreach/sequences.js';
import type { Collector, Labelled, Source } from './collector.js';
import { labelKey, type ProseLine } from './lines.js';
import {
  plainValue,
  readAssumptionIds,
  readCount,
  readCsat,
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
  type ValidationResult,
} from './values.js';

/** What the workspace knows that a value must agree with (`check` would refuse it otherwise). */
export interface MigrationContext {
  type: ThreadType;
  stage: StageNumber;
  /** The thread's `created` date (meta.json): a cycle written in days counts from it. */
  created?: string | undefined;
  /** The workspace's currency (canvas 11-pricing), USD when it says none. */
  currency?: string | undefined;
  assumptions: ReadonlySet<string>;
  segments: readonly { id: string; name?: string | null | undefined }[];
  goals: ReadonlySet<string>;
}

type Rule = ((value: string, source: Labelled, state: State) => void) & {
  /** One value to one field: the only rules a heading's paragraph may feed (`## Source`). */
  simple?: boolean;
};

const ASSUMPTION_ID = /^([A-Z]{1,3}\d+)\b\s*[:.\-–—]?\s*(.*)$/;
const ARROW = /\s*(?:→|->|=>|⟶)\s*/;

/** Reasons for labels whose value threadwork derives instead of reading. */
const DERIVED: Record<string, string> = {
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
const DEAL_DECISIONS = { pursue: 'QUALIFY', go: 'QUALIFY', qualified: 'QUALIFY', hold: 'DEFER', nurture: 'DEFER', deferred: 'DEFER', pass: 'REJECT', disqualify: 'REJECT', disqualified: 'REJECT', rejected: 'REJECT', 'no-go': 'REJECT' } as const;
const CAMPAIGN_DECISIONS = { go: 'LAUNCH', launched: 'LAUNCH', hold: 'DEFER', deferred: 'DEFER', pass: 'REJECT', cancel: 'REJECT', rejected: 'REJECT', 'no-go': 'REJECT' } as const;
const SOURCES = ['inbound', 'outbound', 'referral', 'partner', 'event'] as const;
const SOURCE_SYNONYMS = { prospecting: 'outbound', cold: 'outbound', conference: 'event', webinar: 'event', introduction: 'referral', intro: 'referral' } as const;
const ACTION_TYPE_NAMES: Record<string, (typeof DEAL_ACTION_TYPES)[number]> = {
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
const STATUS_SYNONYMS = { done: 'completed', complete: 'completed', finished: 'completed', 'in-progress': 'in_progress', ongoing: 'in_progress', started: 'in_progress', todo: 'pending', planned: 'pending', 'not-started': 'pending', canceled: 'cancelled', skipped: 'cancelled' } as const;
const LEVELS = ['high', 'medium', 'low'] as const;

/** One value to one field: the reader's result is set, or its reason reported. */
function field<T>(path: string, read: (value: string, state: State) => Reading<T>): Rule {
  const rule: Rule = (value, source, state) => {
    const reading = read(value, state);
    if (reading.ok) state.c.set(path, reading.value, source, reading.note);
    else state.c.unmapped(source, reading.reason);
  };
  rule.simple = true;
  return rule;
}

const text = (path: string): Rule => field(path, (v) => readText(v));
const date = (path: string): Rule => field(path, (v) => readDate(v));
const level = (path: string): Rule => field(path, (v) => readEnum(v, LEVELS));

function money(path: string, range: boolean): Rule {
  return field(path, (v, state) => {
    const reading = readMoney(v);
    if (!reading.ok) return reading;
    const { value, currency } = reading.value;
    if (typeof value !== 'number' && !range) return { ok: false, reason: `expected one amount, got a range (${plainValue(v)}): which one was it?` };
    const home = state.context.currency ?? 'USD';
    const note = currency && currency !== home ? `written in ${currency}; the workspace counts ${home}: recorded as written, not converted` : undefined;
    return note ? { ok: true, value, note } : { ok: true, value };
  });
}

/** `Sarah Chen, CTO`, `Sarah Chen (CTO)`, `Sarah Chen, CTO, sarah@elsa.ai`. */
const contact: Rule = (value, source, state) => {
  let rest = plainValue(value);
  const email = /[^\s<>(),;]+@[^\s<>(),;]+\.[a-z]{2,}/i.exec(rest)?.[0];
  const linkedin = /(?:https?:\/\/)?(?:www\.)?linkedin\.com\/\S+/i.exec(rest)?.[0];
  for (const part of [email, linkedin]) if (part) rest = rest.replace(part, '');
  rest = rest.replace(/[<>]/g, '').replace(/\(\s*\)/g, '');
  const { head, remark } = withoutRemark(rest.replace(/[\s,;–—-]+$/, ''));
  const parts = head.split(/\s*(?:,|;|\s[–—-]\s)\s*/).filter(Boolean);
  const [name, title = remark || undefined, ...more] = parts;
  if (!name) return state.c.unmapped(source, 'expected the contact\'s name, then title and email: Sarah Chen, CTO, sarah@example.com');
  const note = more.length ? `kept in the prose only: ${more.join(', ')}` : undefined;
  state.c.set('contact.name', name, source, note);
  if (title) state.c.set('contact.title', title, source);
  if (email) state.c.set('contact.email', email, source);
  if (linkedin) state.c.set('contact.linkedin', linkedin, source);
};

const company: Rule = (value, source, state) => {
  const { head, remark } = withoutRemark(plainValue(value));
  if (!head) return state.c.unmapped(source, 'expected the company name');
  state.c.set('company.name', head, source, remark ? `(${remark}) kept in the prose only` : undefined);
};

const domain = field('company.domain', (v) => {
  const value = plainValue(v).replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/.*$/, '');
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value) ? { ok: true, value: value.toLowerCase() } : { ok: false, reason: `expected a domain such as acme.com, got "${plainValue(v)}"` };
});

const list = (key: string): Rule => (value, source, state) => {
  const items = plainValue(value).split(/\s*(?:,|;|\+|\s\/\s)\s*/).filter(Boolean);
  if (items.length === 0) return state.c.unmapped(source, 'expected a list separated by commas');
  for (const item of items) if (!state.has(key, item)) state.c.push(key, item, [source]);
};

const source = field('source', (v): Reading<string> => {
  const raw = plainValue(v);
  const campaign = /^campaign:\s*([a-z0-9][a-z0-9-]*)$/i.exec(raw);
  if (campaign) return { ok: true, value: `campaign:${campaign[1]!.toLowerCase()}` };
  return readEnum(raw, SOURCES, SOURCE_SYNONYMS);
});

const tests: Rule = (value, source, state) => {
  const reading = readAssumptionIds(value);
  if (!reading.ok) return state.c.unmapped(source, reading.reason);
  const unknown = reading.value.filter((id) => !state.context.assumptions.has(id));
  if (unknown.length === reading.value.length) return state.addTest(unknown[0]!, source);
  // Known ids are written; the others are named in the line's note, not silently lost.
  const note = unknown.length ? `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in 10-assumptions.md: left out` : undefined;
  for (const id of reading.value) if (!unknown.includes(id)) state.addTest(id, source, note);
};

const goal: Rule = (value, source, state) => {
  const id = /^(g-[a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(plainValue(value))?.[1];
  if (id) return state.setGoalId(id, source);
  text('goal')(value, source, state);
};

const goalId: Rule = (value, source, state) => {
  const id = /^(g-[a-z0-9]+(?:-[a-z0-9]+)*)\b/.exec(plainValue(value))?.[1];
  if (!id) return state.c.unmapped(source, `expected a goal id such as g-mrr-50k, got "${plainValue(value)}"`);
  state.setGoalId(id, source);
};

const segment = field('segment', (v, state) => {
  const { head } = withoutRemark(plainValue(v));
  const key = labelKey(head);
  const known = state.context.segments.find((s) => s.id === head || labelKey(s.id) === key || (s.name && labelKey(s.name) === key));
  if (known) return { ok: true, value: known.id };
  if (state.context.segments.length === 0 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(head)) return { ok: true, value: head };
  return { ok: false, reason: `"${head}" is not a segment of 04-segments.md (by id or name)` };
});

function decision(values: readonly string[], synonyms: Record<string, string>): Rule {
  return field('decision', (v) => readEnum(v.toUpperCase(), values, Object.fromEntries(Object.entries(synonyms))));
}

const hours = field('resource_cost_hours', (v) => readHours(v));
const confidence = field('initial_confidence', (v) => readProbability(v));
const count = (path: string): Rule => field(path, (v) => readCount(v));

const outcome: Rule = (value, source, state) => {
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
function verdictLine(value: string, source: Labelled, state: State): void {
  const context = state.assumption;
  const reading = readVerdict(value);
  if (reading.ok && context) return state.addValidation(context.id, reading.value, context.statement, [context.source, source]);
  if (context && labelKey(source.label) === 'result') return state.addEvidence(context.id, plainValue(value), source, 'result');
  const unclear = /challenged|inconclusive|unclear|new/i.test(value);
  state.c.unmapped(source, reading.ok ? 'no assumption id above it (a heading such as `### A4: …`)' : `${plainValue(value)}: ${unclear ? 'partial or invalidated? Write VALIDATED, INVALIDATED or PARTIAL' : 'not a verdict threadwork counts (VALIDATED, INVALIDATED or PARTIAL)'}`, unclear ? 'ambiguous' : 'unmapped');
}

const evidence: Rule = (value, source, state) => {
  const id = state.assumption?.id ?? state.lastValidation?.assumption;
  if (!id) return state.c.unmapped(source, 'no validation above it (`A4: … → VALIDATED`) for this evidence');
  state.addEvidence(id, plainValue(value), source, 'evidence');
};

const cycle: Rule = (value, source, state) => {
  const reading = readDays(value);
  if (!reading.ok) return state.c.unmapped(source, reading.reason);
  state.cycle = { days: reading.value, source };
};

/** Deal action fields: they belong to the action the last `Type:` line opened. */
function actionField(key: string, read: (v: string) => Reading<unknown>): Rule {
  return (value, source, state) => {
    const action = state.action;
    if (!action) return state.c.unmapped(source, 'no `Type:` line above it to say which action (sales:lead-intake, sales:qualify, sales:demo, sales:pilot, sales:close)');
    const reading = read(value);
    if (!reading.ok) return state.c.unmapped(source, reading.reason);
    action.value[key] = reading.value;
    action.sources.push(source);
  };
}

const actionType: Rule = (value, source, state) => {
  const v = plainValue(value).toLowerCase();
  const name = v.replace(/^sales:\s*/, '').split(/\s*[(–—]/)[0]!.trim();
  const type = (DEAL_ACTION_TYPES as readonly string[]).includes(v.split(/\s/)[0]!) ? (v.split(/\s/)[0] as (typeof DEAL_ACTION_TYPES)[number]) : ACTION_TYPE_NAMES[name];
  if (!type) return state.c.unmapped(source, `expected an action type: ${DEAL_ACTION_TYPES.join(', ')}`);
  state.endAction();
  state.action = { value: { type }, sources: [source] };
};

const preset = field('sequence.preset', (v) => readEnum(v, PRESET_NAMES));

/** `Day 3: email — cold-2-insight`. */
const touch: Rule = (value, source, state) => {
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

function alternativesRule(value: string, source: Labelled, state: State): void {
  const items = plainValue(value).split(/\s*;\s*/).filter(Boolean);
  for (const item of items) state.c.push('alternatives', item, [source]);
}

const contentTopic = text('content_opportunity.topic');
const contentPriority = field('content_opportunity.priority', (v) => readEnum(v, LEVELS));

/** `Status:` / `Result:` lines of a campaign's or a content thread's learning: a verdict under an assumption heading, nothing else. */
const verdictOnly: Rule = (value, source, state) => (state.assumption ? verdictLine(value, source, state) : void state.leftovers.push(source));
const validationsRules: Record<string, Rule> = { evidence, status: verdictOnly, verdict: verdictOnly, result: verdictOnly };

const dealLearning: Record<string, Rule> = {
  ...validationsRules,
  'deal outcome': outcome,
  outcome,
  status: outcome,
  verdict: outcome,
  result: outcome,
  arr: money('arr', false),
  'closed arr': money('arr', false),
  'final arr': money('arr', false),
  'contract value': money('arr', false),
  acv: money('arr', false),
  closed: date('closed'),
  'close date': date('closed'),
  'closed on': date('closed'),
  'date closed': date('closed'),
  'contract signed': date('closed'),
  'signed on': date('closed'),
  'cycle time': cycle,
  'sales cycle': cycle,
  'sales cycle length': cycle,
  cycle,
  'days to close': cycle,
  'time to close': cycle,
  margin: field('margin', (v) => readProbability(v)),
  'gross margin': field('margin', (v) => readProbability(v)),
  margins: field('margin', (v) => readProbability(v)),
  csat: field('csat', (v) => readCsat(v)),
  'customer satisfaction': field('csat', (v) => readCsat(v)),
  satisfaction: field('csat', (v) => readCsat(v)),
  'loss reason': text('loss_reason'),
  'reason lost': text('loss_reason'),
  'lost reason': text('loss_reason'),
  'lost because': text('loss_reason'),
  'why lost': text('loss_reason'),
  topic: contentTopic,
  'content opportunity': contentTopic,
  'content topic': contentTopic,
  priority: contentPriority,
};

const RESULT_COUNTS: Record<string, string> = {
  sent: 'sent',
  'emails sent': 'sent',
  delivered: 'delivered',
  opened: 'opened',
  opens: 'opened',
  clicked: 'clicked',
  clicks: 'clicked',
  replied: 'replied',
  replies: 'replied',
  responses: 'replied',
  bounced: 'bounced',
  bounces: 'bounced',
  unsubscribed: 'unsubscribed',
  unsubscribes: 'unsubscribed',
  'spam complaints': 'spam_complaints',
  meetings: 'meetings',
  'meetings booked': 'meetings',
  deals: 'deals',
  'deals opened': 'deals',
  'deals created': 'deals',
};

const campaignLearning: Record<string, Rule> = {
  ...validationsRules,
  ...Object.fromEntries(Object.entries(RESULT_COUNTS).map(([label, key]) => [label, count(`results.${key}`)])),
  closed: date('closed'),
  completed: date('closed'),
  'end date': date('closed'),
  ended: date('closed'),
  'closed on': date('closed'),
  topic: contentTopic,
  'content opportunity': contentTopic,
  priority: contentPriority,
};

const hypothesis: Record<string, Rule> = {
  tests,
  'tests assumption': tests,
  'tests assumptions': tests,
  assumption: tests,
  assumptions: tests,
  'assumptions tested': tests,
  'canvas assumptions tested': tests,
  'canvas assumption': tests,
  validates: tests,
  'initial confidence': confidence,
  'initial confidence level': confidence,
  'confidence level': confidence,
  confidence,
  hypothesis: text('statement'),
  statement: text('statement'),
  'we believe': text('statement'),
};

const implicationCommon: Record<string, Rule> = {
  'strategic value': level('strategic_value'),
  'strategic importance': level('strategic_value'),
  'resource cost': hours,
  'resource cost hours': hours,
  'resource cost hrs': hours,
  effort: hours,
  'time investment': hours,
  hours,
};

const moneyRange = money('arr_potential', true);
const dealDecision = decision(['QUALIFY', 'DEFER', 'REJECT'], DEAL_DECISIONS);
const campaignDecision = decision(['LAUNCH', 'DEFER', 'REJECT'], CAMPAIGN_DECISIONS);
const decisionCommon: Record<string, Rule> = {
  reasoning: text('reasoning'),
  rationale: text('reasoning'),
  why: text('reasoning'),
  reason: text('reasoning'),
  alternatives: alternativesRule,
  'alternatives considered': alternativesRule,
  alternative: alternativesRule,
  'other options': alternativesRule,
};

const RULES: Record<ThreadType, Record<string, Rule>[]> = {
  'sales-deal': [
    {
      source,
      'lead source': source,
      date: date('date'),
      'lead date': date('date'),
      received: date('date'),
      'first contact': date('date'),
      signal: text('signal'),
      'initial signal': text('signal'),
      trigger: text('signal'),
      observation: text('signal'),
      contact,
      'contact info': contact,
      'contact name': text('contact.name'),
      name: text('contact.name'),
      title: text('contact.title'),
      'job title': text('contact.title'),
      'contact title': text('contact.title'),
      role: text('contact.title'),
      position: text('contact.title'),
      email: field('contact.email', (v) => (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(plainValue(v)) ? { ok: true, value: plainValue(v) } : { ok: false, reason: `expected an email address, got "${plainValue(v)}"` })),
      'contact email': field('contact.email', (v) => (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(plainValue(v)) ? { ok: true, value: plainValue(v) } : { ok: false, reason: `expected an email address, got "${plainValue(v)}"` })),
      linkedin: text('contact.linkedin'),
      phone: text('contact.phone'),
      company,
      'company name': company,
      account: company,
      domain,
      website: domain,
      'company domain': domain,
      industry: text('company.industry'),
      vertical: text('company.industry'),
      sector: text('company.industry'),
      employees: count('company.employees'),
      headcount: count('company.employees'),
      'company size': count('company.employees'),
      size: count('company.employees'),
      revenue: money('company.revenue', false),
      'annual revenue': money('company.revenue', false),
      geography: text('company.geography'),
      location: text('company.geography'),
      hq: text('company.geography'),
      headquarters: text('company.geography'),
      region: text('company.geography'),
      country: text('company.geography'),
      'tech stack': list('company.technologies'),
      technologies: list('company.technologies'),
      stack: list('company.technologies'),
    },
    hypothesis,
    {
      ...implicationCommon,
      'arr potential': moneyRange,
      'expected arr': moneyRange,
      'potential arr': moneyRange,
      arr: moneyRange,
      'deal size': moneyRange,
      'deal value': moneyRange,
      'contract value': moneyRange,
      'expected contract value': moneyRange,
      'annual value': moneyRange,
    },
    {
      ...decisionCommon,
      decision: dealDecision,
      verdict: dealDecision,
      framework: field('framework', (v) => readEnum(v.toUpperCase(), QUALIFICATION_FRAMEWORKS)),
      'qualification framework': field('framework', (v) => readEnum(v.toUpperCase(), QUALIFICATION_FRAMEWORKS)),
      revisit: date('revisit'),
      'revisit date': date('revisit'),
      'revisit on': date('revisit'),
      'revisit by': date('revisit'),
    },
    {
      type: actionType,
      'action type': actionType,
      status: actionField('status', (v) => readEnum(v, ACTION_STATUSES, STATUS_SYNONYMS)),
      due: actionField('due', (v) => readDate(v)),
      'due date': actionField('due', (v) => readDate(v)),
      completed: actionField('completed', (v) => readDate(v)),
      'completed on': actionField('completed', (v) => readDate(v)),
      done: actionField('completed', (v) => readDate(v)),
      result: actionField('result', (v) => readText(v)),
      owner: actionField('owner', (v) => readText(v)),
    },
    dealLearning,
  ],
  'sales-campaign': [
    {
      goal,
      'campaign goal': goal,
      objective: goal,
      'goal id': goalId,
      'linked goal': goalId,
      segment,
      'target segment': segment,
      date: date('date'),
      'start date': date('date'),
      'launch date': date('date'),
      'target list': text('target_list.source'),
      target: text('target_list.source'),
      'prospect list': text('target_list.source'),
      'list source': text('target_list.source'),
      'list size': count('target_list.count'),
      'target count': count('target_list.count'),
      prospects: count('target_list.count'),
      'number of prospects': count('target_list.count'),
      companies: count('target_list.count'),
      criteria: text('target_list.criteria'),
      'target criteria': text('target_list.criteria'),
      filters: text('target_list.criteria'),
    },
    hypothesis,
    {
      ...implicationCommon,
      'expected meetings': count('expected_meetings'),
      'meetings expected': count('expected_meetings'),
      'target meetings': count('expected_meetings'),
      'expected pipeline': money('expected_pipeline', false),
      'pipeline value': money('expected_pipeline', false),
      'expected pipeline value': money('expected_pipeline', false),
    },
    { ...decisionCommon, decision: campaignDecision, verdict: campaignDecision },
    {
      sequence: preset,
      preset,
      'sequence preset': preset,
      start: date('sequence.start'),
      'start date': date('sequence.start'),
      'sequence start': date('sequence.start'),
      'launch date': date('sequence.start'),
    },
    campaignLearning,
  ],
  marketing: [
    {
      topic: text('topic'),
      priority: field('priority', (v) => readEnum(v, LEVELS)),
      sources: list('sources'),
      source: list('sources'),
      date: date('date'),
    },
    hypothesis,
    {},
    {},
    {},
    { ...validationsRules, published: date('published'), 'published on': date('published'), 'publish date': date('published'), 'date published': date('published') },
  ],
};

interface PendingValidation {
  assumption: string;
  result: ValidationResult;
  statement: string;
  sources: Source[];
  evidence?: { text: string; source: Source; kind: 'evidence' | 'result' };
}

class State {
  section = '';
  assumption: { id: string; statement: string; source: Source } | undefined;
  action: { value: Record<string, unknown>; sources: Source[] } | undefined;
  readonly validations: PendingValidation[] = [];
  readonly outcomes: { value: string; source: Source }[] = [];
  readonly leftovers: Labelled[] = [];
  /** Paragraphs under a heading that names a field (`## Source`). */
  readonly headed: Labelled[] = [];
  /** `A4: statement` lines of a learning file: each needs a verdict below it. */
  readonly assumptionLines: Labelled[] = [];
  cycle: { days: number; source: Source } | undefined;
  /** A `Day N:` line that could not be read: the sequence is written whole or not at all. */
  touchProblem = false;

  constructor(
    readonly context: MigrationContext,
    readonly c: Collector,
  ) {}

  get lastValidation(): PendingValidation | undefined {
    return this.validations[this.validations.length - 1];
  }

  has(key: string, value: unknown): boolean {
    return (this.c.lists.get(key) ?? []).some((s) => s.value === value);
  }

  addTest(id: string, source: Source, note?: string): void {
    if (!this.context.assumptions.has(id)) return this.c.unmapped(source, `${id} is not an assumption of 10-assumptions.md`);
    if (!this.has('tests', id)) this.c.push('tests', id, [source], note);
    else this.c.lists.get('tests')!.find((s) => s.value === id)!.lines.push(source);
  }

  setGoalId(id: string, source: Source): void {
    if (!this.context.goals.has(id)) return this.c.unmapped(source, `${id} is not a goal in goals/`);
    this.c.set('goal_id', id, source);
  }

  addValidation(assumption: string, result: ValidationResult, statement: string, sources: Source[]): void {
    if (!this.context.assumptions.has(assumption)) {
      for (const source of sources.slice(-1)) this.c.unmapped(source, `${assumption} is not an assumption of 10-assumptions.md`);
      return;
    }
    const twice = this.validations.find((v) => v.assumption === assumption);
    if (twice && twice.result !== result) {
      this.validations.splice(this.validations.indexOf(twice), 1);
      for (const source of [...twice.sources, ...sources]) this.c.unmapped(source, `${assumption} is given two verdicts (${twice.result}, ${result}): which holds?`, 'ambiguous');
      return;
    }
    if (twice) return void twice.sources.push(...sources);
    this.validations.push({ assumption, result, statement, sources });
  }

  addEvidence(assumption: string, text: string, source: Source, kind: 'evidence' | 'result'): void {
    const validation = [...this.validations].reverse().find((v) => v.assumption === assumption);
    if (!validation) {
      this.pendingEvidence.push({ assumption, text, source, kind });
      return;
    }
    if (!validation.evidence || (validation.evidence.kind === 'result' && kind === 'evidence')) {
      if (validation.evidence) this.c.unmapped(validation.evidence.source, `kept in the prose: the Evidence line of ${assumption} is its evidence`);
      validation.evidence = { text, source, kind };
    } else this.c.unmapped(source, `${assumption} already has its evidence (line ${validation.evidence.source.line})`);
  }

  readonly pendingEvidence: { assumption: string; text: string; source: Source; kind: 'evidence' | 'result' }[] = [];

  endAction(): void {
    if (!this.action) return;
    this.c.push('actions', this.action.value, this.action.sources);
    this.action = undefined;
  }
}

/** Reads every line of a stage file's prose into the collector. */
export function readStageLines(lines: readonly ProseLine[], context: MigrationContext, c: Collector): void {
  const state = new State(context, c);
  const rules = RULES[context.type][context.stage - 1]!;
  const dispatch = (label: string, value: string, source: Labelled): void => {
    const key = labelKey(label);
    const id = ASSUMPTION_ID.exec(plainValue(label));
    if (id && id[2] === '' && /^[A-Z]{1,3}\d+$/.test(plainValue(label))) return assumptionLine(id[1]!, value, source, state);
    const rule = rules[key];
    if (rule) return rule(value, source, state);
    if (context.type === 'sales-campaign' && context.stage === 5 && /^day \d+$/.test(key)) return touch(value, source, state);
    state.leftovers.push(source);
  };

  let headingLabel: { label: string } | undefined;
  let table: { columns: string[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== 'row') table = undefined;
    if (line.kind === 'heading') {
      setContext(line.title, line, state);
      headingLabel = rules[labelKey(line.title)]?.simple && !ASSUMPTION_ID.test(plainValue(line.title)) ? { label: line.title } : undefined;
    } else if (line.kind === 'labelled') {
      headingLabel = undefined;
      if (line.value === '') setContext(line.label, line, state);
      else dispatch(line.label, line.value, line);
    } else if (line.kind === 'paragraph' && headingLabel) {
      // `## Source` then `Inbound email via contact form`: a heading that names a field, and its paragraph.
      const parts = [line.text.trim()];
      while (lines[i + 1]?.kind === 'paragraph') parts.push(lines[++i]!.text.trim());
      state.headed.push({ kind: 'labelled', line: line.line, text: line.text, label: headingLabel.label, value: parts.join(' '), item: false });
      headingLabel = undefined;
    } else if (line.kind === 'item') {
      headingLabel = undefined;
      if (/^alternatives?\b|^other options/.test(state.section) && rules.alternatives) state.c.push('alternatives', plainValue(line.value), [line]);
    } else if (line.kind === 'row' && context.type === 'sales-campaign' && context.stage === 5) {
      table = prospectRow(line, table, state);
    } else if (line.kind !== 'blank') headingLabel = undefined;
  }
  // Labelled lines first: a heading's paragraph only fills what they left empty.
  c.weak = true;
  for (const source of state.headed) rules[labelKey(source.label)]?.(source.value, source, state);
  c.weak = false;
  finish(state);
}

/** `A4: Enterprise customers prefer white-label → VALIDATED` (learning) or `A4: …` (hypothesis: a test). */
function assumptionLine(id: string, value: string, source: Labelled, state: State): void {
  const { stage } = state.context;
  if (stage === 2) return state.addTest(id, source);
  if (stage !== 6) return void state.leftovers.push(source);
  const parts = value.split(ARROW);
  if (parts.length < 2) {
    state.assumption = { id, statement: plainValue(value), source };
    state.assumptionLines.push(source);
    return;
  }
  const verdict = parts[parts.length - 1]!;
  const statement = plainValue(parts.slice(0, -1).join(' → '));
  const reading = readVerdict(verdict);
  if (!reading.ok) {
    const unclear = /challenged|inconclusive|unclear/i.test(verdict);
    return state.c.unmapped(source, `${plainValue(verdict)}: ${unclear ? 'partial or invalidated? Write VALIDATED, INVALIDATED or PARTIAL' : 'not a verdict threadwork counts (VALIDATED, INVALIDATED or PARTIAL)'}`, unclear ? 'ambiguous' : 'unmapped');
  }
  state.assumption = undefined;
  state.addValidation(id, reading.value, statement, [source]);
}

/** A heading or caption: the section it opens, the assumption it names (`### A4: …`), the action it starts. */
function setContext(title: string, source: Source, state: State): void {
  const plain = plainValue(title);
  state.section = labelKey(plain);
  if (/^action\b/i.test(plain)) state.endAction();
  const id = ASSUMPTION_ID.exec(plain);
  if (id && /^[A-Z]{1,3}\d+$/.test(id[1]!)) {
    if (state.context.stage === 2) state.addTest(id[1]!, source);
    state.assumption = { id: id[1]!, statement: id[2]!.trim() || id[1]!, source };
  } else state.assumption = undefined;
}

const PROSPECT_COLUMNS: Record<string, string> = { name: 'name', contact: 'name', prospect: 'name', email: 'email', 'e mail': 'email', company: 'company', account: 'company', title: 'title', role: 'title', status: 'status', started: 'started', start: 'started', 'start date': 'started' };

/** A row of a prospect table (`| Name | Email | Company | … |`): the header names the columns, each row is a prospect. */
function prospectRow(line: Extract<ProseLine, { kind: 'row' }>, table: { columns: string[] } | undefined, state: State): { columns: string[] } | undefined {
  if (!table) {
    const columns = line.cells.map((c) => PROSPECT_COLUMNS[labelKey(c)] ?? '');
    return ['name', 'email', 'company'].every((c) => columns.includes(c)) ? { columns } : { columns: [] };
  }
  if (table.columns.length === 0 || line.cells.every((c) => /^:?-+:?$/.test(c))) return table;
  const prospect: Record<string, unknown> = {};
  const problems: string[] = [];
  table.columns.forEach((column, i) => {
    const cell = plainValue(line.cells[i] ?? '');
    if (!column || !cell) return;
    if (column === 'status') {
      const status = readEnum(cell, PROSPECT_STATUSES);
      if (status.ok) prospect.status = status.value;
      else problems.push(status.reason);
    } else if (column === 'started') {
      const started = readDate(cell);
      if (started.ok) prospect.started = started.value;
      else problems.push(started.reason);
    } else prospect[column] = cell;
  });
  if (problems.length) state.c.unmapped(line, problems.join('; '));
  else state.c.push('prospects', prospect, [line]);
  return table;
}

function finish(state: State): void {
  const { c, context } = state;
  state.endAction();
  // Evidence written before its verdict line.
  for (const pending of state.pendingEvidence.splice(0)) {
    if (state.validations.some((v) => v.assumption === pending.assumption)) state.addEvidence(pending.assumption, pending.text, pending.source, pending.kind);
    else c.unmapped(pending.source, `no verdict for ${pending.assumption} (VALIDATED, INVALIDATED or PARTIAL) for this evidence to back`);
  }
  for (const v of state.validations) {
    const evidence = v.evidence?.text ?? v.statement;
    const note = v.evidence ? undefined : 'no Evidence line: the statement is recorded as the evidence — replace it with what showed it';
    c.push('validations', { assumption: v.assumption, result: v.result, evidence }, v.evidence ? [...v.sources, v.evidence.source] : v.sources, note);
  }
  for (const source of state.assumptionLines) {
    if (!state.validations.some((v) => v.sources.includes(source))) c.unmapped(source, 'no verdict for it: write `→ VALIDATED`, `→ INVALIDATED` or `→ PARTIAL` after the statement, or a `Status:` line below it');
  }
  if (state.touchProblem) {
    for (const slot of c.lists.get('sequence.touches') ?? []) for (const source of slot.lines) c.unmapped(source, 'a touch of the sequence could not be read, and a sequence with a touch missing would send the wrong thing: none of its touches is written');
    c.lists.delete('sequence.touches');
  }
  resolveOutcome(state);
  resolveCycle(state);
  for (const source of state.leftovers) {
    if (context.type === 'sales-deal' && context.stage === 4 && criterion(source, state)) continue;
    const key = labelKey(source.label);
    c.unmapped(source, DERIVED[key] ?? `no field of ${stageName(context)} is called "${plainValue(source.label)}": the line stays in the prose`);
  }
}

function stageName(context: MigrationContext): string {
  return `${['1-input', '2-hypothesis', '3-implication', '4-decision', '5-actions', '6-learning'][context.stage - 1]}.md (${context.type})`;
}

/** `Closed` alone is won only with an ARR above 0 and no loss reason: the method records outcomes as closed, lost or stalled. */
function resolveOutcome(state: State): void {
  const { c, outcomes } = state;
  if (outcomes.length === 0) return;
  const arr = c.get('arr');
  const lossReason = c.get('loss_reason');
  for (const o of outcomes) {
    if (o.value !== 'closed') {
      c.set('outcome', o.value, o.source);
      continue;
    }
    if (typeof arr === 'number' && arr > 0 && lossReason === undefined) c.set('outcome', 'closed-won', o.source, `"Closed" with ARR ${arr} and no loss reason: read as closed-won`);
    else c.unmapped(o.source, `"Closed" alone: won or lost? Write Closed won or Closed lost${typeof arr === 'number' && arr > 0 ? ' (a loss reason is given too)' : ' (no ARR above 0 says it was won)'}`, 'ambiguous');
  }
}

/** A cycle in days is the close date: threadwork counts the cycle from the thread's `created` date to `closed`. */
function resolveCycle(state: State): void {
  const cycle = state.cycle;
  if (!cycle) return;
  const { c, context } = state;
  if (!context.created) return c.unmapped(cycle.source, 'the thread\'s meta.json has no created date to count the days from');
  const start = new Date(`${context.created.slice(0, 10)}T00:00:00Z`);
  const closed = new Date(start.getTime() + cycle.days * 86_400_000).toISOString().slice(0, 10);
  const written = c.get('closed');
  if (written === undefined) return c.set('closed', closed, cycle.source, `${cycle.days} days after the thread was created (${context.created.slice(0, 10)})`);
  if (written === closed) return void c.scalars.get('closed')!.lines.push(cycle.source);
  c.unmapped(cycle.source, `${cycle.days} days from the thread's creation (${context.created.slice(0, 10)}) is ${closed}, but the close date says ${String(written)}: which holds?`, 'ambiguous');
}

/** A qualification criterion (`Budget: $42k confirmed`) once the file names its framework. */
function criterion(source: Labelled, state: State): boolean {
  const framework = state.c.get('framework');
  if (typeof framework !== 'string') return false;
  const found = resolveCriterion(framework as (typeof QUALIFICATION_FRAMEWORKS)[number], source.label);
  if (!found) return false;
  state.c.set(`criteria.${found.key}`, plainValue(source.value), source);
  return true;
}
