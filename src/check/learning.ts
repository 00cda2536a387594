import type { RuleId } from '../diagnostics.js';
import { resultPerAssumption, type AssumptionResult } from '../derive/learning-results.js';
import { prospectsAsSent } from '../derive/sent-touches.js';
import { contactStop } from '../outreach/contact-stop.js';
import { prospectId, prospectLabel, type ProspectContacts } from '../outreach/prospect-id.js';
import { resolveSequence, touchesDone, type SequenceInput } from '../outreach/sequences.js';
import type { ThreadRecord } from '../workspace/model.js';

type Data = Record<string, unknown>;
type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: 'error' | 'warning') => void;

/**
 * What a Stage 6 file records that the figures cannot take as written: a win without its
 * ARR (left out of every ARR sum and average, never counted as 0), an ARR on a deal that was
 * not won (counted in no figure), a close without its date (left out of the cycle figures),
 * a close or an ARR without its outcome (the deal still open), an assumption given
 * more than one result (counted once) and a result for an assumption the thread's
 * hypothesis never said it tests (counted, but suspect), a closed deal with no result for an
 * assumption it tested (evidence never recorded), and a campaign closed with
 * prospects still in its sequence (their touches stopped). Warnings: the figures say what they did with them.
 * Only a valid file is read: a value of the wrong type is the schema's error already. An
 * assumption `knows` does not is `unknown-assumption`'s error and counted in no figure: it
 * is not told here that it counts (untested) or is counted once (repeated).
 */
export function checkLearning(thread: ThreadRecord, knows: (assumption: string) => boolean, report: Report): void {
  const learning = thread.stages[5];
  const data = learning?.value as Data | undefined;
  if (!learning || !data) return;
  if (thread.family === 'deal' && data.outcome === 'closed-won' && (data.arr === null || data.arr === undefined)) {
    report(learning.path, ['arr' in data ? 'arr' : 'outcome'], 'won-without-arr', 'Closed-won without ARR: expected the annual value the deal closed at. Until it is filled in, the deal counts as won but is left out of won ARR and the average deal size', 'warning');
  }
  if (thread.family === 'deal' && (data.outcome === 'closed-lost' || data.outcome === 'stalled') && data.arr !== null && data.arr !== undefined) {
    report(learning.path, ['arr'], 'arr-without-win', `ARR on a ${data.outcome} deal: expected \`arr: null\` unless the deal is closed-won. It is counted in no ARR figure; if the deal was won, set \`outcome: closed-won\``, 'warning');
  }
  if (thread.family === 'deal' && (data.outcome === 'closed-won' || data.outcome === 'closed-lost') && typeof data.closed !== 'string') {
    report(learning.path, ['closed' in data ? 'closed' : 'outcome'], 'closed-without-date', `Closed (${data.outcome}) without its date: expected \`closed\`, the day the deal closed. Until it is filled in, the deal has no cycle time and is left out of the average and median cycle`, 'warning');
  }
  // A close recorded (its day or the ARR signed) with the outcome left empty: the deal stays open in every figure.
  const noOutcome = data.outcome === null || data.outcome === undefined;
  if (thread.family === 'deal' && noOutcome && (typeof data.closed === 'string' || (data.arr !== null && data.arr !== undefined))) {
    const what = typeof data.closed === 'string' ? `Closed on ${data.closed}` : 'ARR recorded';
    report(learning.path, ['outcome' in data ? 'outcome' : typeof data.closed === 'string' ? 'closed' : 'arr'], 'closed-without-outcome', `${what} without its outcome: expected \`outcome\` — closed-won, closed-lost or stalled. Until it is written, the deal counts as open: in the pipeline, its \`arr\` in no figure`, 'warning');
  }
  const validations = Array.isArray(data.validations) ? (data.validations as AssumptionResult[]) : [];
  const tested = testedAssumptions(thread);
  const first = new Map<string, number>();
  validations.forEach(({ assumption }, j) => {
    if (!knows(assumption)) return;
    const earlier = first.get(assumption);
    if (earlier === undefined) {
      first.set(assumption, j);
      if (tested && !tested.ids.includes(assumption)) {
        const tests = tested.ids.length > 0 ? `tests ${tested.ids.join(', ')}` : 'lists none in `tests`';
        report(
          learning.path,
          ['validations', j, 'assumption'],
          'validation-untested',
          `Assumption \`${assumption}\` is not one this thread tested: ${tested.path} ${tests}. Evidence for an assumption the thread never set out to test is suspect, yet it counts towards ${assumption}'s confidence: add ${assumption} to \`tests\` in ${tested.path}, or remove this entry`,
          'warning',
        );
      }
      return;
    }
    const counted = resultPerAssumption(validations.filter((v) => v.assumption === assumption))[0]!.result;
    const how = validations.some((v) => v.assumption === assumption && v.result !== counted) ? 'as partial, the results differ' : counted;
    report(
      learning.path,
      ['validations', j, 'assumption'],
      'validation-repeated',
      `Assumption \`${assumption}\` already has a result in this learning (validations[${earlier}]: ${validations[earlier]!.result}): expected one result per assumption. Counted once: ${how}`,
      'warning',
    );
  });
  if (thread.family === 'deal' && tested) reportResultsMissing(learning.path, data, validations, tested, knows, report);
}

/**
 * A deal closed won or lost has its answer for every assumption it set out to test: one with
 * no result in `validations` is evidence never recorded, and the assumption's confidence
 * stays where it was without a word. A stalled deal has not answered yet; an id the canvas
 * does not know is `unknown-assumption`'s error at the hypothesis.
 */
function reportResultsMissing(path: string, data: Data, validations: readonly AssumptionResult[], tested: { path: string; ids: string[] }, knows: (assumption: string) => boolean, report: Report): void {
  if (data.outcome !== 'closed-won' && data.outcome !== 'closed-lost') return;
  const answered = new Set(validations.map((v) => v.assumption));
  const missing = tested.ids.filter((id) => knows(id) && !answered.has(id));
  if (missing.length === 0) return;
  const ids = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
  const them = missing.length === 1 ? 'it' : 'them';
  report(
    path,
    // At the results written, where the missing ones go; with none, at the outcome the warning starts from.
    [validations.length > 0 ? 'validations' : 'outcome'],
    'validation-missing',
    `${data.outcome === 'closed-won' ? 'Closed-won' : 'Closed-lost'} with no result for ${ids}, which ${tested.path} tests: expected an entry in \`validations\` for each assumption the deal tested (validated, partial or invalidated, with the evidence). Until ${them === 'it' ? 'it is' : 'they are'} written, this deal moves no confidence of ${ids}; remove ${them} from \`tests\` if the deal did not test ${them} after all`,
    'warning',
  );
}

/**
 * The assumptions the thread's hypothesis says it tests, and its path; undefined when there
 * is no valid hypothesis to go by (missing is `stage-order`'s error, invalid the schema's).
 */
function testedAssumptions(thread: ThreadRecord): { path: string; ids: string[] } | undefined {
  const hypothesis = thread.stages[1];
  const tests = (hypothesis?.value as Data | undefined)?.tests;
  if (!hypothesis || !Array.isArray(tests)) return undefined;
  // Each once: a repeated entry is `test-repeated`'s warning, not to be repeated in every message naming the tests.
  return { path: hypothesis.path, ids: [...new Set(tests.filter((t): t is string => typeof t === 'string'))] };
}

/** At most this many prospects are named in the warning; the count says how many there are. */
const NAMED = 5;

/**
 * A campaign closed (Stage 6 `closed`) while 5-actions.md still has prospects in the
 * sequence — a status that sends (active, queued) and touches left: closing stops their
 * touches without a word, and the file goes on saying they are being contacted. Run at
 * each check (references.ts), as it reads the suppression list: someone on it is in no
 * sequence, whatever 5-actions.md says; and the campaign's drafts: the touches sent are
 * counted as `due` and `approve` count them (`sent`, by normalized email: the last touch a
 * draft marked `status: sent` records, prospectsAsSent), so the last touch marked sent
 * before `touches_done` was updated is not a touch left.
 */
export function checkClosedMidSequence(thread: ThreadRecord, report: Report, suppressed: ReadonlySet<string>, sent: ReadonlyMap<string, number> | undefined): void {
  const learning = thread.stages[5];
  const closed = (learning?.value as Data | undefined)?.closed;
  if (thread.family !== 'campaign' || !learning || !closed) return;
  const path = learning.path;
  const actions = thread.stages[4]?.value as Data | undefined;
  if (!actions) return;
  const touches = resolveSequence(actions.sequence as SequenceInput | undefined).length;
  type Prospect = ProspectContacts & { name?: unknown; status?: string | null; touches_done?: unknown };
  const written = (Array.isArray(actions.prospects) ? actions.prospects : []) as (Prospect | null)[];
  const prospects = prospectsAsSent(sent, written.filter((p): p is Prospect => !!p && prospectId(p) !== ''));
  const open = prospects.filter((p) => touchesDone(p.touches_done) < touches && contactStop(p, suppressed) === null);
  if (open.length === 0) return;
  const names = open.slice(0, NAMED).map((p) => (typeof p.name === 'string' ? p.name : prospectLabel(p)));
  const more = open.length > NAMED ? ` and ${open.length - NAMED} more` : '';
  report(
    path,
    ['closed'],
    'closed-mid-sequence',
    `Campaign closed on ${String(closed)} with ${open.length === 1 ? '1 prospect' : `${open.length} prospects`} still in its sequence (${names.join(', ')}${more}): closing stops their touches, yet 5-actions.md lists them as active or queued; expected ${open.length === 1 ? "the prospect's status" : 'each'} set to \`completed\` (or \`nurture\` with a \`revisit\`), or \`closed\` removed to go on`,
    'warning',
  );
}
