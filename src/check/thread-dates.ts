import { addDays } from '../clock.js';
import type { RuleId, Severity } from '../diagnostics-catalog.js';
import { daysBetween } from '../derive/thread-facts.js';
import type { ThreadRecord } from '../workspace/model.js';
import type { ParsedFile } from '../workspace/parse-file.js';
import { ThreadMemo } from './thread-memo.js';

type Data = Record<string, unknown>;
type Report = (file: string, dataPath: readonly PropertyKey[], rule: RuleId, message: string, severity?: Severity) => void;

/** Today, and the latest date a thread may record as done: computed once per check, not per thread. */
export interface Today {
  today: string;
  latest: string;
  /** Both dates as one string, made once per check: what thread findings are kept under. */
  key: string;
}

export function todayForDates(today: string): Today {
  const latest = addDays(today, 1);
  return { today, latest, key: `${today}/${latest}` };
}

/**
 * Dates of a thread that cannot be right, and that every figure would believe: a close
 * date before the thread was created (its cycle time would be negative, and counted as 0
 * in every average), and a date recorded as done — closed, an action completed, a piece
 * published — that has not come yet (a typo such as 2027 for 2026 would count the deal as
 * closed early). Both are errors, like an unknown id: sync reports them and leaves the
 * file out of its commit; advance and MCP write_stage refuse to write one.
 *
 * `today` is the local date (or THREADWORK_TODAY); a date one day after it passes, for a
 * colleague east of here who is already on the next day. Only valid files are read: a date
 * that is not a date is the schema's error already.
 */
export function checkThreadDates(thread: ThreadRecord, day: Today, report: Report): void {
  // Read from the thread's own files and the day alone: kept while they are the same
  // (thread-memo.ts), reported afresh — the report locates each in the file's text as it is.
  const found = kept.get(thread, day.key, () => {
    let calls: Parameters<Report>[] | undefined;
    datesOf(thread, day, (...call) => (calls ??= []).push(call));
    // Most threads have none: one shared empty list, not 10,000.
    return calls ?? NONE;
  });
  for (const call of found) report(...call);
}

const kept = new ThreadMemo<readonly Parameters<Report>[]>();
const NONE: readonly Parameters<Report>[] = [];

function datesOf(thread: ThreadRecord, day: Today, report: Report): void {
  const { today, latest } = day;
  const created = dateOf((thread.meta?.value as Data | undefined)?.created);
  const learning = thread.stages[5];
  const learned = learning?.value as Data | undefined;
  if (learning && learned) {
    const closed = dateOf(learned.closed);
    if (closed && created && closed < created) {
      report(learning.path, ['closed'], 'closed-before-created', `Close date ${closed} is before the thread was created (${created}, \`created\` in meta.json): expected a date on or after it. If it began before it was recorded here, set \`created\` to the day it began: the cycle time counts from it`);
    }
    for (const key of ['closed', 'published']) {
      const date = dateOf(learned[key]);
      if (date && date > latest) report(learning.path, [key], 'date-in-future', futureMessage(key === 'closed' ? 'Close date' : 'Publication date', date, today));
    }
  }
  // A deal is opened on a day that has come (`deal new --date` refuses one to come): a typo
  // here would date the deal's ICP freshness from then and age it as new in the forecast.
  // A campaign's `created` is its start, a plan (`campaign new --date`), and may be later.
  if (thread.family === 'deal' && thread.meta && created && created > latest) {
    report(thread.meta.path, ['created'], 'date-in-future', `Creation date ${created} is after today (${today}): expected the day the deal was opened, today or before`);
  }
  checkCreatedBeforeInput(thread, created, report);
  const actions = thread.stages[4];
  const planned = (actions?.value as Data | undefined)?.actions;
  if (actions && Array.isArray(planned)) {
    planned.forEach((action, i) => {
      const date = dateOf((action as Data | null)?.completed);
      if (date && date > latest) report(actions.path, ['actions', i, 'completed'], 'date-in-future', futureMessage('Completion date', date, today));
    });
  }
  checkFactDates(thread, day, report);
}

/** How many days a deal's `created` may come before its Stage 1 `date` before it is named: a month. */
export const CREATED_BEFORE_INPUT_DAYS = 30;

/**
 * A deal whose meta.json `created` is more than a month before its Stage 1 `date`: the
 * mark a deal folder copied by hand leaves when its input was rewritten for the new deal
 * and `created` was not (README, "what a hand-copied deal folder carries over"). `deal new`
 * writes both on the same day, and a deal is opened on a signal it has (a signal older than
 * the deal, `created` after the `date`, is the usual case and passes). The cycle time, the
 * forecast's age of the deal and its ICP freshness count from `created`, so a copy's would
 * be months old on its first day. A warning, not an error: a deal whose input was gathered
 * again long after it was opened has the same dates, and nothing is held for it.
 */
function checkCreatedBeforeInput(thread: ThreadRecord, created: string | undefined, report: Report): void {
  if (thread.family !== 'deal' || !thread.meta || !created) return;
  const input = thread.stages[0];
  const date = dateOf((input?.value as Data | undefined)?.date);
  if (!input || !date || !isDay(created) || !isDay(date)) return;
  const days = daysBetween(created, date);
  if (days <= CREATED_BEFORE_INPUT_DAYS) return;
  report(
    thread.meta.path,
    ['created'],
    'created-before-input',
    `Creation date ${created} is ${days} days before the Stage 1 date ${date} (${input.path}): expected the day the deal was opened, on or near the day of its signal. A deal folder copied from another keeps that deal's \`created\`; set it to the day this deal began (\`threadwork deal new\` writes today's; an agent: the MCP tool \`set_created\`) — the cycle time and the forecast count from it`,
    'warning',
  );
}

const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The dates of what was learned about a company — a deal's Stage 1 `date` (the day of the
 * signal, the lead's data date) and its signals' dates, a campaign prospect's `data_date`
 * and signals' dates — are of things that happened: one still to come is a typo that the
 * lead and ICP scores would read as the freshest data there is. A campaign's Stage 1
 * `date` is its start, a plan, and may be later.
 */
function checkFactDates(thread: ThreadRecord, { today, latest }: Today, report: Report): void {
  const future = (file: string, path: readonly PropertyKey[], what: string, value: unknown): void => {
    const date = dateOf(value);
    if (date && date > latest) report(file, path, 'date-in-future', factMessage(what, date, today));
  };
  const signals = (file: string, at: readonly PropertyKey[], list: unknown): void => {
    if (Array.isArray(list)) list.forEach((signal, i) => future(file, [...at, i, 'date'], 'Signal date', (signal as Data | null)?.date));
  };
  const input = thread.stages[0];
  const given = input?.value as Data | undefined;
  if (input && given && thread.family !== 'campaign') {
    future(input.path, ['date'], thread.family === 'deal' ? 'Signal date' : 'Input date', given.date);
    signals(input.path, ['company', 'signals'], (given.company as Data | undefined)?.signals);
  }
  const actions = thread.stages[4];
  const prospects = thread.family === 'campaign' ? (actions?.value as Data | undefined)?.prospects : undefined;
  if (actions && Array.isArray(prospects)) {
    prospects.forEach((prospect, i) => {
      future(actions.path, ['prospects', i, 'data_date'], 'Data date', (prospect as Data | null)?.data_date);
      signals(actions.path, ['prospects', i, 'signals'], (prospect as Data | null)?.signals);
    });
  }
}

function factMessage(what: string, date: string, today: string): string {
  return `${what} ${date} is after today (${today}): expected the day the facts were gathered or the event happened. A date to come would read as the freshest data there is in the lead and ICP scores`;
}

/**
 * A reply record's `date` is the day the reply came (`campaign reply --date`): one still
 * to come is a typo, like a close date, and the nurture revisit and out-of-office return
 * counted from it would be as wrong. Its `revisit` and `returns` are plans: they may be later.
 */
export function checkReplyDate(reply: ParsedFile, { today, latest }: Today, report: Report): void {
  const date = dateOf((reply.value as Data | undefined)?.date);
  if (date && date > latest) report(reply.path, ['date'], 'date-in-future', futureMessage('Reply date', date, today));
}

function futureMessage(what: string, date: string, today: string): string {
  return `${what} ${date} is after today (${today}): expected the day it happened. A date to come would count as done already and move the goals' as-of date; write a plan as \`due\` or \`revisit\``;
}

function dateOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, 10) : undefined;
}
