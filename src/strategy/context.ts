import type { AssumptionState } from '../derive/assumptions.js';
import { formatNumber, formatPercent } from '../derive/format.js';
import { parseMoney, parseMoneyRange } from '../schema/money.js';
import { shortAmount } from '../scoring/numbers.js';
import { bodyOffsetOf } from '../markdown/front-matter.js';
import type { CanvasSection, Segment } from '../schema/canvas.js';
import { canvasPath, LAYOUT } from '../workspace/layout.js';
import { metricTargetsOf, type WorkspaceModel } from '../workspace/model.js';
import { bulletItems, firstParagraph, sectionProse } from './canvas-text.js';

/** Something the canvas lacks that a generated file needed: where to fill it in. */
export interface MissingInput {
  /** The canvas section the input belongs to. */
  section: CanvasSection;
  key: string;
  message: string;
  /** The file to fill it in: the section's, or threadwork.config.yaml for the company name. */
  path: string;
}

type Data = Record<string, unknown>;

export interface PersonaContext {
  title: string;
  priorities: string[];
  priorities_text: string;
}

/** Everything a strategy template can use (strict rendering: nothing else exists). */
export interface StrategyContext {
  [key: string]: unknown;
  company: string;
  segment: {
    id: string;
    name: string;
    description: string;
    industries: string;
    business_model: string;
    employees: string;
    revenue: string;
    geography: string;
    tech_stack: string;
    problem_indicators: string[];
    pains: string[];
    triggers: string[];
    sample_companies: string[];
  };
  personas: { economic_buyer: PersonaContext; technical_buyer: PersonaContext; end_user: PersonaContext };
  problems: { statement: string; severity: string; current_solution: string }[];
  top_problem: string;
  /** The segment's pains but the one top_problem already states (its first, when 05-problem has none for the segment). */
  more_pains: string[];
  current_solution: string;
  uvp: string;
  tagline: string;
  solution: string;
  solution_points: string[];
  advantage: string;
  gtm: string;
  context: string;
  competitors: { name: string; category: string; strengths: string; weaknesses: string }[];
  pricing: { currency: string; tiers: { name: string; price: string; billing: string; includes: string }[]; entry: string; pilot_fee: string };
  targets: { avg_cycle_days: string; avg_deal_size: string; win_rate: string };
  proof: { id: string; statement: string; confidence: string }[];
  missing: MissingInput[];
  missing_text: string[];
}

/** What `need` asks for when a section's text, not a front-matter key, is missing. */
export const SECTION_PROSE = 'the section prose';
/** A front-matter key is named as code; the prose is text to write, not a key. */
const fillIn = (path: string, key: string): string => `${key === SECTION_PROSE ? 'write a paragraph below the front matter of' : `fill in \`${key}\` in`} ${path}`;
const fill = (path: string, key: string): string => `_(${fillIn(path, key)})_`;

/** The canvas sections whose prose (the body below the front matter) the narratives and materials read. */
const PROSE_SECTIONS = ['01-context', '08-advantage', '09-solution', '15-gtm'] as const satisfies readonly CanvasSection[];
type ProseSection = (typeof PROSE_SECTIONS)[number];

/** What the generated files read of a section's prose: its first paragraph, and (the solution's) first five points. */
export interface ProseAsRead {
  paragraph: string;
  points: string[];
}

/**
 * What the narratives and materials read of a canvas section's prose, from the section's
 * text; undefined for a section whose prose nothing reads. An edit that leaves it as it was
 * (a paragraph added below the first, a note) moves nothing generated: sync does not commit
 * it as a cause (engine/inert-edits.ts).
 */
export function proseAsRead(section: CanvasSection, text: string | undefined): ProseAsRead | undefined {
  if (!(PROSE_SECTIONS as readonly CanvasSection[]).includes(section)) return undefined;
  const prose = text === undefined ? '' : sectionProse(text.slice(bodyOffsetOf(text)));
  return { paragraph: firstParagraph(prose), points: section === '09-solution' ? bulletItems(prose).slice(0, 5) : [] };
}

/** The names of missing inputs that are plural: a segment's industries, pains and buying triggers. */
const PLURAL_NAMES = /^The (?:industries|pains|buying triggers) of /;

/**
 * The strategy context for one segment, from the canvas front matter (validated data),
 * the prose of the narrative sections, and the assumptions that evidence validated.
 * Pure: canvas texts are passed in.
 */
export function strategyContext(model: WorkspaceModel, segment: Segment, canvasTexts: ReadonlyMap<CanvasSection, string>, assumptions: readonly AssumptionState[]): StrategyContext {
  const missing: MissingInput[] = [];
  const need = (section: CanvasSection, key: string, value: string | undefined, what: string, path = canvasPath(section)): string => {
    if (value && value.trim()) return value.trim();
    // "The pains of … are missing", "The price is missing": the verb agrees with what is named.
    missing.push({ section, key, message: `${what} ${PLURAL_NAMES.test(what) ? 'are' : 'is'} missing: ${fillIn(path, key)}`, path });
    return fill(path, key);
  };
  const data = (section: CanvasSection): Data => (model.canvas.get(section)?.value as Data | undefined) ?? {};
  const prose = (section: ProseSection): ProseAsRead => proseAsRead(section, canvasTexts.get(section))!;
  const solution = prose('09-solution');

  const problems = ((data('05-problem').problems as Data[] | undefined) ?? [])
    .filter((p) => !p.segment || p.segment === segment.id)
    .map((p) => ({ statement: String(p.statement), severity: String(p.severity ?? 'high'), current_solution: String(p.current_solution ?? '') }));
  const rank = { critical: 0, high: 1, medium: 2, low: 3 } as Record<string, number>;
  problems.sort((a, b) => (rank[a.severity] ?? 4) - (rank[b.severity] ?? 4));
  const pricing = data('11-pricing');
  const currency = typeof pricing.currency === 'string' ? pricing.currency : 'USD';
  const tiers = ((pricing.tiers as Data[] | undefined) ?? []).map((t) => ({
    name: String(t.name),
    price: money(parseMoney(t.price), currency),
    billing: String(t.billing ?? 'annual'),
    includes: ((t.includes as string[] | undefined) ?? []).join(', '),
  }));
  const lowest = ((pricing.tiers as Data[] | undefined) ?? []).map((t) => parseMoney(t.price)).filter((n): n is number => n !== undefined).sort((a, b) => a - b)[0];
  const { targets } = metricTargetsOf(model);
  const personas = segment.personas ?? {};
  const persona = (key: 'economic_buyer' | 'technical_buyer' | 'end_user', label: string): PersonaContext => {
    const p = personas[key];
    const title = need('04-segments', `segments[${segment.id}].personas.${key}.title`, p?.title, `The ${label} of ${segment.name}`);
    const priorities = p?.priorities ?? [];
    return { title, priorities, priorities_text: priorities.join(', ') || 'their priorities are not written down yet' };
  };
  const filters = segment.filters;

  return {
    // The company name is a setting, not canvas text: it is filled in where it is read from.
    company: need('00-business-model-mode', 'company', model.config.company, 'Your company name', LAYOUT.config),
    segment: {
      id: segment.id,
      name: segment.name,
      description: segment.description ?? segment.name,
      industries: list(filters.industry) || need('04-segments', `segments[${segment.id}].filters.industry`, '', `The industries of ${segment.name}`),
      business_model: filters.business_model ?? '',
      employees: range(filters.employees?.min, filters.employees?.max, (n) => formatNumber(n)),
      revenue: revenueRange(filters.revenue, currency),
      geography: list(filters.geography) || 'any geography',
      tech_stack: list(filters.tech_stack),
      problem_indicators: filters.problem_indicators,
      pains: segment.pains.length ? segment.pains : [need('04-segments', `segments[${segment.id}].pains`, '', `The pains of ${segment.name}`)],
      triggers: segment.triggers.length ? segment.triggers : [need('04-segments', `segments[${segment.id}].triggers`, '', `The buying triggers of ${segment.name}`)],
      sample_companies: segment.sample_companies,
    },
    personas: { economic_buyer: persona('economic_buyer', 'economic buyer'), technical_buyer: persona('technical_buyer', 'technical buyer'), end_user: persona('end_user', 'end user') },
    problems,
    top_problem: need('05-problem', 'problems', problems[0]?.statement ?? segment.pains[0], 'The problem'),
    // Without a problem in 05-problem the headline is the first pain: listed again under it, a
    // segment with one pain read "**Revenue recognition in spreadsheets.** … it shows: - Revenue recognition in spreadsheets".
    more_pains: problems.length > 0 || segment.pains.length === 0 ? segment.pains : segment.pains.slice(1),
    current_solution: lowerFirst(problems.find((p) => p.current_solution)?.current_solution || 'spreadsheets and manual work'),
    uvp: need('07-uvp', 'uvp', data('07-uvp').uvp as string | undefined, 'The value proposition'),
    tagline: (data('07-uvp').tagline as string | undefined) || '',
    solution: need('09-solution', SECTION_PROSE, solution.paragraph, 'The solution'),
    solution_points: solution.points,
    advantage: need('08-advantage', SECTION_PROSE, prose('08-advantage').paragraph, 'The unfair advantage'),
    gtm: need('15-gtm', SECTION_PROSE, prose('15-gtm').paragraph, 'The go-to-market plan'),
    context: prose('01-context').paragraph,
    competitors: ((data('06-competitive').competitors as Data[] | undefined) ?? []).map((c) => ({
      name: String(c.name),
      category: String(c.category ?? ''),
      strengths: ((c.strengths as string[] | undefined) ?? []).join(', '),
      weaknesses: ((c.weaknesses as string[] | undefined) ?? []).join(', '),
    })),
    pricing: {
      currency,
      tiers,
      entry: lowest === undefined ? need('11-pricing', 'tiers', '', 'The price') : money(lowest, currency),
      pilot_fee: lowest === undefined ? fill(canvasPath('11-pricing'), 'tiers') : money(Math.round(lowest / 4 / 100) * 100, currency),
    },
    targets: {
      avg_cycle_days: typeof targets.avg_cycle_days === 'number' ? String(targets.avg_cycle_days) : '60',
      avg_deal_size: typeof targets.avg_deal_size === 'number' ? money(targets.avg_deal_size, currency) : lowest === undefined ? fill(canvasPath('13-metrics'), 'targets.avg_deal_size') : money(lowest, currency),
      win_rate: typeof targets.win_rate === 'number' ? formatPercent(targets.win_rate) : '—',
    },
    proof: assumptions.filter((a) => a.status === 'validated' && !a.retired && (!a.segment || a.segment === segment.id)).map((a) => ({ id: a.id, statement: a.statement, confidence: a.confidence.toFixed(2) })),
    missing,
    missing_text: missing.map((m) => m.message),
  };
}

const SYMBOL: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

function money(value: number | undefined, currency: string): string {
  if (value === undefined) return '—';
  const symbol = SYMBOL[currency];
  return symbol ? `${symbol}${formatNumber(value)}` : `${formatNumber(value)} ${currency}`;
}

/** Text that continues a sentence: `Exports into Excel` → `exports into Excel`, but `NetSuite` and `CSV exports` stay. */
function lowerFirst(text: string): string {
  return /^[A-Z](?:[a-z]|\s)/.test(text) && !/^I\s/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

function range(min: number | undefined, max: number | undefined, format: (n: number) => string): string {
  if (min !== undefined && max !== undefined) return `${format(min)}–${format(max)}`;
  if (min !== undefined) return `${format(min)}+`;
  if (max !== undefined) return `up to ${format(max)}`;
  return 'any size';
}

function revenueRange(revenue: unknown, currency: string): string {
  const r = parseMoneyRange(revenue);
  if (!r) return 'any revenue';
  const symbol = SYMBOL[currency] ?? '';
  return r.min === r.max ? `${symbol}${shortAmount(r.min)}` : `${symbol}${shortAmount(r.min)}–${symbol}${shortAmount(r.max)}`;
}
