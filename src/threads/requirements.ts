import { resolveSequence, type SequenceInput } from '../outreach/index.js';
import type { ThreadType } from '../schema/meta.js';

/**
 * What a stage needs before the thread can advance past it. The schemas allow these
 * fields to be empty (a fresh stage file is valid); advancing requires them filled.
 */
export interface Requirement {
  path: readonly string[];
  /** What to write there, shown when it is missing. */
  hint: string;
  /** For lists: at least one entry. */
  nonEmptyList?: boolean;
  /** Instead of "the value at `path` is filled": whether the stage's data meets the requirement. */
  met?: (data: Record<string, unknown>) => boolean;
}

const deal: Requirement[][] = [
  [
    { path: ['source'], hint: 'where the deal came from (inbound, outbound, referral, campaign:{id})' },
    { path: ['date'], hint: 'the date of the signal' },
    { path: ['signal'], hint: 'what happened that made this a deal worth opening' },
    { path: ['contact', 'name'], hint: 'the person you are talking to' },
    { path: ['company', 'name'], hint: 'the company' },
  ],
  [
    { path: ['tests'], hint: 'the assumption ids this deal tests, e.g. [A1, A3]', nonEmptyList: true },
    { path: ['initial_confidence'], hint: 'your confidence from 0 to 1 that the deal closes' },
  ],
  [
    { path: ['arr_potential'], hint: 'the annual value if it closes (a number or {min, max})' },
    { path: ['strategic_value'], hint: 'high, medium or low' },
  ],
  [
    { path: ['decision'], hint: 'QUALIFY, DEFER or REJECT' },
    { path: ['framework'], hint: 'the qualification framework used (BANT, MEDDIC, …)' },
    { path: ['reasoning'], hint: 'why you decided so' },
  ],
  [{ path: ['actions'], hint: 'the actions taken, each with type and status', nonEmptyList: true }],
  [],
];

const campaign: Requirement[][] = [
  [
    { path: ['goal'], hint: 'what the campaign is for' },
    { path: ['segment'], hint: 'the segment it targets' },
    { path: ['date'], hint: 'the start date' },
    targetListKey('source', 'where the list comes from: a data provider, an event\'s attendees, your CRM (or the whole target_list as one sentence)', isFilledText),
    targetListKey('count', 'how many prospects, a whole number above 0', (count) => typeof count === 'number' && count > 0),
    targetListKey('criteria', 'who is on it, e.g. "Controllers at US fintechs with 200 to 2,000 staff"', isFilledText),
  ],
  // Not deal[1]: its hints say "this deal tests" and "that the deal closes", wrong in a campaign's advance and skill.
  [
    { path: ['tests'], hint: 'the assumption ids this campaign tests, e.g. [A1, A3]', nonEmptyList: true },
    { path: ['initial_confidence'], hint: 'your confidence from 0 to 1 that the campaign meets its goal' },
  ],
  [
    { path: ['expected_meetings'], hint: 'how many meetings you expect' },
    { path: ['resource_cost_hours'], hint: 'the hours it will take' },
  ],
  [
    { path: ['decision'], hint: 'LAUNCH, DEFER or REJECT' },
    { path: ['reasoning'], hint: 'why you decided so' },
  ],
  [
    {
      path: ['sequence', 'touches'],
      hint: 'the touches of the sequence (day, channel, template), or a preset: sequence: {preset: five-touch-cold} or {preset: follow-up}',
      nonEmptyList: true,
      // A known preset is a sequence: `due` and `campaign draft` read it the same way (resolveSequence).
      met: (data) => resolveSequence(data.sequence as SequenceInput | null | undefined).length > 0,
    },
    { path: ['prospects'], hint: 'the prospects (name, email, company)', nonEmptyList: true },
  ],
  [],
];

/**
 * A key of a campaign's `target_list`, the list the later stages build on (whom the
 * hypothesis writes to, how many meetings the implication expects): the template writes
 * its three keys empty, and a list whose keys are null targets no one. One sentence
 * instead of the keys (`target_list: 240 controllers from our CRM`) fills all three.
 */
function targetListKey(key: 'source' | 'count' | 'criteria', hint: string, filled: (value: unknown) => boolean): Requirement {
  return {
    path: ['target_list', key],
    hint,
    met: ({ target_list: list }) => (typeof list === 'string' ? isFilledText(list) : !!list && typeof list === 'object' && filled((list as Record<string, unknown>)[key])),
  };
}

function isFilledText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

const marketing: Requirement[][] = [[{ path: ['topic'], hint: 'the topic of the piece' }], [], [], [], [], []];

export const STAGE_REQUIREMENTS: Record<ThreadType, Requirement[][]> = {
  'sales-deal': deal,
  'sales-campaign': campaign,
  marketing,
};

export interface MissingField {
  field: string;
  hint: string;
  /** The field as a data path (`['actions', 2, 'status']`): where it is located in the file. */
  at?: (string | number)[];
  /** Where the field stands in the file, when it is there with no value (`decision:`, as a template writes it). */
  line?: number;
  column?: number;
}

/** The required fields of a stage that are absent, null, blank or an empty list. */
export function missingFields(type: ThreadType, stage: number, data: Record<string, unknown>): MissingField[] {
  const requirements = STAGE_REQUIREMENTS[type][stage - 1] ?? [];
  const missing: MissingField[] = [];
  for (const req of requirements) {
    if (req.met) {
      if (!req.met(data)) missing.push({ field: req.path.join('.'), hint: req.hint, at: [...req.path] });
      continue;
    }
    const value = req.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
    const empty =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
    if (empty) missing.push({ field: req.path.join('.'), hint: req.hint, at: [...req.path] });
  }
  return missing;
}
