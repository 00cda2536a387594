/**
 * Dates a reply names ("back on 12 January", "circle back in Q3", "in two weeks"),
 * resolved against the day the reply was received. Pure, in UTC on `YYYY-MM-DD`
 * strings like calendar.ts. A date without a year is the next one after the reply
 * ("12 January" received in December is next January). docs/outreach.md, "Dates in a
 * reply", lists every form read and the date each gives.
 */

import { formatCount } from '../derive/format.js';
import { addDays, calendarDate } from './calendar.js';
import { EUROPEAN_COUNT_HEDGES, EUROPEAN_COUNT_PREPOSITIONS, EUROPEAN_COUNT_WORDS, EUROPEAN_UNIT_WORDS, FORTNIGHT_WORDS, KOREAN_NATIVE_COUNTS, KOREAN_SINO_COUNTS, type CountUnit } from './reply-count-words.js';
import { AFTER_CARNIVAL, AFTER_EPIPHANY, EUROPEAN_AFTER_EASTER, ROMAN_MONTHS, alternatives, CHINESE_AFTER_SPRING_FESTIVAL, CJK_AFTER_NEW_YEAR, CJK_DIGITS, CJK_MONTH_AFTER_NEXT, CJK_MONTH_PART, CJK_NEXT_FISCAL_YEAR, CJK_NEXT_MONTH, CJK_NEXT_MONTH_PART, CJK_NEXT_QUARTER, CJK_NEXT_WEEK, CJK_NEXT_YEAR, CJK_SECOND_HALF, CJK_TOMORROW, CJK_WEEK_AFTER_NEXT, cjkAlternatives, DAY_FIRST_SLASH_CUES, EUROPEAN_AFTER_NEW_YEAR, EUROPEAN_AFTER_QUARTER, EUROPEAN_MONTH_ABBREVIATIONS, EUROPEAN_MONTH_PARTS, EUROPEAN_MONTH_PREPOSITIONS, EUROPEAN_MONTHS, EUROPEAN_NEXT_QUARTER, EUROPEAN_NEXT_WEEK, EUROPEAN_NEXT_YEAR, EUROPEAN_QUARTER_ORDINALS, EUROPEAN_SEASON_AFTER, EUROPEAN_SEASON_AHEAD, EUROPEAN_SEASONS, ITALIAN_MONTHS, MONTHS, NUMBERS, POLISH_LOCATIVE_MONTHS, SEASONS, WEEKDAYS } from './reply-date-words.js';
import { addMonths, afterTheHolidays, afterTheSpringFestival, daysIn, easterSunday, nextDayOfMonth, nextMonthDay, nextWeekday, parts, quarterStart, weekday, ymd } from './reply-calendar.js';

/**
 * `day`: a day in a schedule (a weekday, the 21st, 12 January, tomorrow, next week).
 * `period`: a stretch of time ahead (a month, a quarter, a season, next year, in two
 * weeks, after the holidays): asking to talk then is asking to be contacted later.
 * `current`: this month, quarter or year, read as the next one only in a "not now" reply.
 */
export type DateKind = 'day' | 'period' | 'current';

export interface DateMention {
  date: string;
  /** The words read, as written. */
  text: string;
  index: number;
  kind: DateKind;
  /** How the date was computed, e.g. "the first day of the next quarter". */
  rule: string;
}

const MONTH = `(${MONTHS.flat().sort((a, b) => b.length - a.length).join('|')})\\.?`;
const WEEKDAY = `(${WEEKDAYS.flat().sort((a, b) => b.length - a.length).join('|')})`;
const COUNT = `(\\d{1,2}|a couple of|a couple|a few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const ORDINAL = '(?:st|nd|rd|th)?';
/** A weekday written before a date ("Monday, 5 January"): the date decides, the weekday is read with it. */
const WEEKDAY_PREFIX = `(?:${WEEKDAYS.flat().sort((a, b) => b.length - a.length).join('|')})\\.?,?\\s+`;

/**
 * The day a day and month without a year name: the reply's own day when they are it
 * ("12월 24일부터" in a reply of 24 December is today, which no date after the reply
 * uses), else the next such day — not the same day a year on.
 */
function dayNamed(received: string, month: number, day: number): string | undefined {
  return ymd(parts(received)[0], month, day) === received ? received : nextMonthDay(received, month, day);
}

/** The month number (1–12) of a month word, or undefined. */
function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((names) => names.includes(w));
  return i >= 0 ? i + 1 : undefined;
}

function weekdayOf(word: string): number {
  const w = word.toLowerCase();
  return WEEKDAYS.findIndex((names) => names.includes(w));
}

interface Rule {
  pattern: RegExp;
  kind: DateKind;
  resolve: (m: RegExpExecArray, received: string) => { date: string; rule: string } | undefined;
}

const count = (word: string): number => (/^\d+$/.test(word) ? Number(word) : NUMBERS[word.toLowerCase()] ?? 0);

/** With the month's position: early (1st), mid (15th), late (20th), end (last day), after (1st of the next month). */
function monthWithPosition(received: string, month: number, position: string | undefined, year: string | undefined): { date: string; rule: string } | undefined {
  const p = (position ?? '').toLowerCase().replace(/[-\s]+/g, ' ').trim();
  const resolveIn = (y: number): string => {
    if (p === 'after') return month === 12 ? ymd(y + 1, 1, 1) : ymd(y, month + 1, 1);
    if (p.startsWith('mid') || p === 'middle of' || p === 'the middle of') return ymd(y, month, 15);
    if (p === 'late') return ymd(y, month, 20);
    if (p === 'end of' || p === 'the end of') return ymd(y, month, daysIn(y, month));
    return ymd(y, month, 1);
  };
  const what = p === 'after' ? 'the first day of the month after' : p.startsWith('mid') || p.includes('middle') ? 'the 15th of' : p === 'late' ? 'the 20th of' : p.includes('end') ? 'the last day of' : 'the first day of';
  if (year) return { date: resolveIn(Number(year)), rule: `${what} that month` };
  const [y] = parts(received);
  for (const candidate of [y, y + 1]) {
    const date = resolveIn(candidate);
    if (date > received) return { date, rule: `${what} the next such month` };
  }
  return undefined;
}

/**
 * Chinese, Japanese and Korean dates: `1月12日`, `2027年1月12日`, `12月28号`, `1월 12일`,
 * `2027년 1월 12일`, a month's part (`1月中旬`, `1월 말`), and tomorrow, next week, next
 * month and next year in each. No `\b` here: these scripts have no spaces around words.
 */
const CJK_RULES: readonly Rule[] = [
  {
    pattern: /(?<!\d)(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日号號일]/g,
    kind: 'day',
    resolve: (m, received) => {
      const [month, day] = [Number(m[2]), Number(m[3])];
      if (month < 1 || month > 12 || day < 1) return undefined;
      if (m[1]) {
        const date = calendarDate(ymd(Number(m[1]), month, day));
        return date ? { date, rule: 'the date as written' } : undefined;
      }
      const date = dayNamed(received, month, day);
      return date ? { date, rule: 'the next such day' } : undefined;
    },
  },
  {
    pattern: /(?<!\d)(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(上旬|初め|初|中旬|下旬|末|底|초|중순|말)/g,
    kind: 'period',
    resolve: (m, received) => {
      const month = Number(m[2]);
      return month >= 1 && month <= 12 ? monthWithPosition(received, month, CJK_MONTH_PART[m[3]!], m[1]) : undefined;
    },
  },
  {
    pattern: new RegExp(cjkAlternatives(CJK_TOMORROW), 'g'),
    kind: 'day',
    resolve: (_m, received) => ({ date: addDays(received, 1), rule: 'the day after the reply' }),
  },
  {
    pattern: new RegExp(cjkAlternatives(CJK_NEXT_WEEK), 'g'),
    kind: 'day',
    resolve: (_m, received) => ({ date: nextWeekday(received, 1), rule: 'the Monday after the reply' }),
  },
  {
    // "下个月中旬", "来月上旬", "다음 달 말": a part of next month (read before 下个月/来月/다음 달, which it holds).
    pattern: new RegExp(CJK_NEXT_MONTH_PART, 'g'),
    kind: 'period',
    resolve: (m, received) => {
      const [year, month] = parts(addMonths(`${received.slice(0, 8)}01`, 1));
      return monthWithPosition(received, month, CJK_MONTH_PART[m[2]!], String(year));
    },
  },
  {
    pattern: new RegExp(cjkAlternatives(CJK_NEXT_MONTH), 'g'),
    kind: 'period',
    resolve: (_m, received) => ({ date: addMonths(`${received.slice(0, 8)}01`, 1), rule: 'the first day of next month' }),
  },
  {
    pattern: new RegExp(cjkAlternatives(CJK_NEXT_YEAR), 'g'),
    kind: 'period',
    resolve: (_m, received) => ({ date: ymd(parts(received)[0] + 1, 1, 1), rule: 'the first day of next year' }),
  },
  {
    // A month of next year: "明年三月", "来年3月", "내년 3월" — its first day (明年 alone is 1 January); "明年三月之后", the month after it.
    pattern: new RegExp(`(?:${cjkAlternatives(CJK_NEXT_YEAR)})\\s*(\\d{1,2}|十[一二]?|[一二三四五六七八九])\\s*[月월](?!\\s*\\d{1,2}\\s*[日号號일])(\\s*(?:份\\s*)?(?:之后|以后|之後|以後))?`, 'g'),
    kind: 'period',
    resolve: (m, received) => {
      const month = cjkCount(m[1]!);
      if (!month || month < 1 || month > 12) return undefined;
      const year = parts(received)[0] + 1;
      if (m[2]) return { date: month === 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1), rule: 'the first day of the month after that month next year' };
      return { date: ymd(year, month, 1), rule: 'the first day of that month next year' };
    },
  },
  {
    // A month alone, ahead: "4月以降", "4月から", "4月份", "4월에", "4월부터" — the month's first day.
    pattern: /(?<!\d)(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*(?:月(?=以降|から|に|份|頃|ごろ|中旬?以降)|월(?=\s*(?:에|부터|쯤|경|이후)))/g,
    kind: 'period',
    resolve: (m, received) => {
      const month = Number(m[2]);
      return month >= 1 && month <= 12 ? monthWithPosition(received, month, undefined, m[1]) : undefined;
    },
  },
  {
    // "来年度", "次年度": the next fiscal year, which in Japan starts on 1 April.
    pattern: new RegExp(cjkAlternatives(CJK_NEXT_FISCAL_YEAR), 'g'),
    kind: 'period',
    resolve: (_m, received) => ({ date: nextMonthDay(received, 4, 1)!, rule: 'the next 1 April (the Japanese fiscal year)' }),
  },
  {
    // A month after which to come back, in digits or Chinese numerals: "三月之后", "4月以后", "十月份以后" — the month after it, as "after March".
    pattern: /(?<![\d一二三四五六七八九十])(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(?:份\s*)?(?:之后|以后|之後|以後)/g,
    kind: 'period',
    resolve: (m, received) => {
      const month = cjkCount(m[1]!);
      return month && month >= 1 && month <= 12 ? monthWithPosition(received, month, 'after', undefined) : undefined;
    },
  },
  {
    // "三个月后", "3か月後", "3ヶ月後", "3개월 후", "两周后", "2週間後", "2주 후", "1年後", "半年后", "数週間後", "过两个月": that long after the reply.
    pattern: /(?<!\d)(?:(?:过|過)\s*)?(\d{1,2}|[一二两兩三四五六七八九十数几幾半]{1,3})\s*(个月|個月|か月|カ月|ヶ月|ケ月|개월|个星期|個星期|星期|周|週間|週|주|年|년)\s*(后|後|후|뒤|以后|以後|이후|있다가|지나서|再)?/g,
    kind: 'period',
    resolve: (m, received) => {
      // Without 后/後/후 only "过两个月" and "两个月再联系" (in two months' time) count: "这三个月很忙" names no date.
      if (!m[3] && !/^[过過]/.test(m[0])) return undefined;
      const n = cjkCount(m[1]!);
      if (!n) return undefined;
      const unit: CountUnit = /周|週|星期|주/.test(m[2]!) ? 'week' : /[年년]/.test(m[2]!) ? 'year' : 'month';
      return relative(received, n, unit);
    },
  },
  {
    // Korean counts in words: "두 달 후", "세 주 뒤", "한 해 뒤" (native), "삼 개월 후", "일주일 후", "반년 후" (Sino-Korean), "보름 후" (a fortnight).
    pattern: new RegExp(
      `(?<![\\p{Script=Hangul}])(?:(${Object.keys(KOREAN_NATIVE_COUNTS).sort((a, b) => b.length - a.length).join('|')})\\s*(달|주일|주|해)|(${Object.keys(KOREAN_SINO_COUNTS).sort((a, b) => b.length - a.length).join('|')})\\s*(개월|주일|주|년)|(보름|열흘))\\s*(?:후|뒤|이후|있다가|지나서)`,
      'gu',
    ),
    kind: 'period',
    resolve: (m, received) => {
      if (m[5]) return m[5] === '보름' ? relative(received, 2, 'week') : relative(received, 10, 'day');
      const n = m[1] ? KOREAN_NATIVE_COUNTS[m[1]] : KOREAN_SINO_COUNTS[m[3]!];
      const unitWord = m[2] ?? m[4]!;
      const unit: CountUnit = /주/.test(unitWord) ? 'week' : /달|개월/.test(unitWord) ? 'month' : 'year';
      return n ? relative(received, n, unit) : undefined;
    },
  },
  {
    // The week after next: "再来週", "下下周", "다다음 주" (read before 来週/下周/다음 주, which they hold).
    pattern: new RegExp(cjkAlternatives(CJK_WEEK_AFTER_NEXT), 'g'),
    kind: 'day',
    resolve: (_m, received) => ({ date: addDays(nextWeekday(received, 1), 7), rule: 'the second Monday after the reply' }),
  },
  {
    pattern: new RegExp(cjkAlternatives(CJK_MONTH_AFTER_NEXT), 'g'),
    kind: 'period',
    resolve: (_m, received) => ({ date: addMonths(`${received.slice(0, 8)}01`, 2), rule: 'the first day of the month after next' }),
  },
  {
    pattern: new RegExp(cjkAlternatives(CJK_NEXT_QUARTER), 'g'),
    kind: 'period',
    resolve: (_m, received) => nextQuarter(received),
  },
  {
    // The second half of the year: "下半年", "下半期", "하반기" — 1 July.
    pattern: new RegExp(cjkAlternatives(CJK_SECOND_HALF), 'g'),
    kind: 'period',
    resolve: (_m, received) => ({ date: nextMonthDay(received, 7, 1)!, rule: 'the first day of the next second half-year (1 July)' }),
  },
];

/** A count written in digits or Chinese numerals up to 99 ("三", "十二", "二十"), or 半 alone. */
function cjkCount(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const value = (text.includes('十') ? (tens ? CJK_DIGITS[tens] ?? NaN : 1) * 10 : 0) + (ones ? CJK_DIGITS[ones] ?? NaN : 0);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

const EUROPEAN_MONTH = `(${EUROPEAN_MONTHS.flat().sort((a, b) => b.length - a.length).join('|')})`;
function europeanMonthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = EUROPEAN_MONTHS.findIndex((names) => names.includes(w));
  if (i >= 0) return i + 1;
  const locative = POLISH_LOCATIVE_MONTHS.indexOf(w);
  return locative >= 0 ? locative + 1 : undefined;
}

const EUROPEAN_MONTH_PART = `(${EUROPEAN_MONTH_PARTS.map(([words]) => words.replace(/-$/, '-\\s*').replace(/ /g, '\\s+'))
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

const EUROPEAN_SEASON = `(${Object.keys(EUROPEAN_SEASONS).sort((a, b) => b.length - a.length).join('|')})`;

/** Dates written with the month names of EUROPEAN_MONTHS, and next week / next year in those languages. */
const EUROPEAN_RULES: readonly Rule[] = [
  {
    // Anfang Januar, début janvier, a principios de enero, na początku stycznia, do końca stycznia
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${EUROPEAN_MONTH_PART}\\s*(?:de\\s+|d'|di\\s+)?${EUROPEAN_MONTH}(?:\\s+(\\d{4}))?(?![\\p{L}\\p{N}])(?![\\s.,]*\\d)`, 'giu'),
    kind: 'period',
    resolve: (m, received) => {
      const month = europeanMonthOf(m[2]!);
      const written = m[1]!.toLowerCase().replace(/\s+/g, ' ').replace(/-\s*$/, '-');
      const part = EUROPEAN_MONTH_PARTS.find(([words]) => words === written)?.[1];
      return month && part ? monthWithPosition(received, month, part, m[3]) : undefined;
    },
  },
  {
    // im Frühjahr, na wiosnę, dopo l'estate, po wakacjach
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:(${EUROPEAN_SEASON_AFTER})|${EUROPEAN_SEASON_AHEAD})\\s*(?:(?:dem|der|den|de|het|la|le|el|il|o|a)\\s+)?${EUROPEAN_SEASON}(?![\\p{L}\\p{N}])`, 'giu'),
    kind: 'period',
    resolve: (m, received) => {
      const season = EUROPEAN_SEASONS[m[2]!.toLowerCase()];
      if (!season) return undefined;
      // "po wakacjach" is after the summer holidays, and "à la rentrée" when work starts again after them: September,
      // as "after the holidays" in summer reads, whether "à la" or "après la" comes before it.
      const after = m[1] !== undefined || ['wakacjach', 'rentrée'].includes(m[2]!.toLowerCase());
      if (m[1] !== undefined && m[2]!.toLowerCase() === 'rentrée') return { date: nextMonthDay(received, 9, 1)!, rule: 'the first day of September (la rentrée)' };
      const month = after ? (season % 12) + 3 : season;
      const date = nextMonthDay(received, month > 12 ? month - 12 : month, 1);
      return date ? { date, rule: `the first day of the next ${after ? 'season after that one' : 'such season'}` } : undefined;
    },
  },
  {
    // im zweiten Quartal, au deuxième trimestre, w drugim kwartale
    // after one, as "after Q1": po pierwszym kwartale, nach dem ersten Quartal, après le premier trimestre, efter första kvartalet
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:(${EUROPEAN_AFTER_QUARTER})|im|au|en\\s+el|nel|in\\s+het|no|w|under|i)\\s+(${Object.keys(EUROPEAN_QUARTER_ORDINALS).join('|')})\\s+(?:quartal|trimestre|kwartaal|kwartale|kvartalet)(?![\\p{L}\\p{N}])`, 'giu'),
    kind: 'period',
    resolve: (m, received) => {
      const named = EUROPEAN_QUARTER_ORDINALS[m[2]!.toLowerCase()];
      if (!named) return undefined;
      const after = m[1] !== undefined;
      const [y] = parts(received);
      const at = (year: number): string => (after ? (named === 4 ? quarterStart(year + 1, 1) : quarterStart(year, named + 1)) : quarterStart(year, named));
      const date = at(y) > received ? at(y) : at(y + 1);
      return { date, rule: after ? `the first day of the quarter after the next Q${named}` : `the first day of the next Q${named}` };
    },
  },
  {
    // 12 januari, 12. Januar 2027, 12 de janeiro de 2027, le 12 janvier, 7 stycznia
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})\\.?\\s+(?:de\\s+)?${EUROPEAN_MONTH}(?:\\s+(?:de\\s+)?(\\d{4}))?(?![\\p{L}\\p{N}])`, 'giu'),
    kind: 'day',
    resolve: (m, received) => {
      const month = europeanMonthOf(m[2]!);
      if (!month) return undefined;
      const day = Number(m[1]);
      if (m[3]) {
        const date = calendarDate(ymd(Number(m[3]), month, day));
        return date ? { date, rule: 'the date as written' } : undefined;
      }
      const date = dayNamed(received, month, day);
      return date ? { date, rule: 'the next such day' } : undefined;
    },
  },
  {
    // 4 janv., 4. Dez. 2027, 8 ene.: a short month name after a day
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})\\.?\\s+(${EUROPEAN_MONTH_ABBREVIATIONS.flat().sort((a, b) => b.length - a.length).join('|')})\\.?(?:\\s+(\\d{4}))?(?![\\p{L}\\p{N}])`, 'giu'),
    kind: 'day',
    resolve: (m, received) => {
      const month = EUROPEAN_MONTH_ABBREVIATIONS.findIndex((names) => names.includes(m[2]!.toLowerCase())) + 1;
      const day = Number(m[1]);
      if (month < 1) return undefined;
      const date = m[3] ? calendarDate(ymd(Number(m[3]), month, day)) : dayNamed(received, month, day);
      return date ? { date, rule: m[3] ? 'the date as written' : 'the next such day' } : undefined;
    },
  },
  {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${EUROPEAN_MONTH_PREPOSITIONS}\\s+(?=\\p{L})|a\\s+(?=(?:${ITALIAN_MONTHS})(?!\\p{L})))(${[...EUROPEAN_MONTHS.flat(), ...POLISH_LOCATIVE_MONTHS].sort((a, b) => b.length - a.length).join('|')})(?:\\s+(\\d{4}))?(?![\\p{L}\\p{N}])(?![\\s.,]*\\d)`, 'giu'),
    kind: 'period',
    resolve: (m, received) => {
      const month = europeanMonthOf(m[1]!);
      return month ? monthWithPosition(received, month, /^(?:nach|après|dopo|na|efter)/i.test(m[0]) ? 'after' : undefined, m[2]) : undefined;
    },
  },
  {
    // in zwei Wochen, dans trois mois, en dos semanas, tra un mese, over twee weken, daqui a duas semanas, za dwa tygodnie, om en månad, za miesiąc
    pattern: new RegExp(
      // Polish "za" is also "for": "dziękuję za rok współpracy" (thanks for a year of working together) names no date.
      `(?<![\\p{L}\\p{N}])(?<!dzi[eę]k\\p{L}*\\s+)(?:(?:${EUROPEAN_COUNT_PREPOSITIONS})\\s+(?:(?:${EUROPEAN_COUNT_HEDGES})\\s+)?(\\d{1,2}|${Object.keys(EUROPEAN_COUNT_WORDS)
        .sort((a, b) => b.length - a.length)
        .map((w) => w.replace(/ /g, '\\s+'))
        .join('|')})\\s+|za\\s+)(${Object.keys(EUROPEAN_UNIT_WORDS).join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    kind: 'period',
    resolve: (m, received) => {
      // No count is one, after Polish "za" only: "za miesiąc", "za tydzień".
      const word = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const unit = EUROPEAN_UNIT_WORDS[m[2]!.toLowerCase()];
      if (!unit) return undefined;
      if (word && FORTNIGHT_WORDS.includes(word) && unit === 'day') return relative(received, 2, 'week');
      const n = word === undefined ? 1 : /^\d+$/.test(word) ? Number(word) : EUROPEAN_COUNT_WORDS[word];
      return n ? relative(received, n, unit) : undefined;
    },
  },
  {
    // om ett halvår: six months
    pattern: /(?<![\p{L}])(?:om|inom)\s+ett\s+halvår(?![\p{L}])/giu,
    kind: 'period',
    resolve: (_m, received) => relative(received, 6, 'month'),
  },
  {
    // nächstes Quartal, le trimestre prochain, el próximo trimestre, il prossimo trimestre, volgend kwartaal, no próximo trimestre, w przyszłym kwartale, nästa kvartal
    pattern: new RegExp(`(?<![\\p{L}])(?:${Object.values(EUROPEAN_NEXT_QUARTER).flat().join('|')})(?![\\p{L}])`, 'giu'),
    kind: 'period',
    resolve: (_m, received) => nextQuarter(received),
  },
  {
    // after the holidays / the new year: "efter nyår", "nach Neujahr", "après les fêtes", "na de feestdagen", "dopo le feste", "depois das festas", "po Nowym Roku", "年明け", "新年后"
    pattern: new RegExp(`(?<![\\p{L}])(?:${alternatives(Object.values(EUROPEAN_AFTER_NEW_YEAR).flat())})(?![\\p{L}])|${cjkAlternatives(CJK_AFTER_NEW_YEAR)}`, 'giu'),
    kind: 'period',
    resolve: (_m, received) => ({ date: afterTheHolidays(received), rule: 'the first Monday after 1 January' }),
  },
  {
    // nach Ostern, après Pâques, después de Semana Santa, dopo Pasqua, na Pasen, depois da Páscoa, po Wielkanocy, efter påsk
    pattern: new RegExp(`(?<![\\p{L}])(?:${alternatives(EUROPEAN_AFTER_EASTER)})(?![\\p{L}])`, 'giu'),
    kind: 'period',
    resolve: (_m, received) => afterEaster(received),
  },
  {
    pattern: new RegExp(CHINESE_AFTER_SPRING_FESTIVAL.join('|'), 'gu'),
    kind: 'period',
    resolve: (_m, received) => ({ date: afterTheSpringFestival(received), rule: 'the first Monday after the Spring Festival week' }),
  },
  {
    pattern: new RegExp(`(?<![\\p{L}])(?:${alternatives(Object.values(EUROPEAN_NEXT_WEEK).flat())})(?![\\p{L}])`, 'giu'),
    kind: 'day',
    resolve: (_m, received) => ({ date: nextWeekday(received, 1), rule: 'the Monday after the reply' }),
  },
  {
    pattern: new RegExp(`(?<![\\p{L}])(?:${alternatives(Object.values(EUROPEAN_NEXT_YEAR).flat())})(?![\\p{L}])`, 'giu'),
    kind: 'period',
    resolve: (_m, received) => ({ date: ymd(parts(received)[0] + 1, 1, 1), rule: 'the first day of next year' }),
  },
];

/** Every form a reply's date is read from, most specific first: where two overlap, the longer wins. */
const RULES: readonly Rule[] = [
  ...CJK_RULES,
  ...EUROPEAN_RULES,
  {
    // 2027-01-04, and the year first with dots or slashes as Korea, Japan and China write it: 2027.01.04, 2027/1/4.
    pattern: /(?<![\d./-])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d])/g,
    kind: 'day',
    resolve: (m) => {
      const date = calendarDate(ymd(Number(m[1]), Number(m[3]), Number(m[4])));
      return date ? { date, rule: 'the date as written' } : undefined;
    },
  },
  {
    // 12.01.2027, 12.01.27, 12.01. — day first, as written in Europe.
    pattern: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d])/g,
    kind: 'day',
    resolve: (m, received) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      if (month < 1 || month > 12 || day < 1) return undefined;
      if (inPhoneNumber(m.input, m.index, m.index + m[0].length)) return undefined;
      if (m[3]) {
        const date = calendarDate(ymd(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), month, day));
        return date ? { date, rule: 'the date as written (day.month.year)' } : undefined;
      }
      const date = dayNamed(received, month, day);
      return date ? { date, rule: 'the next such day (day.month)' } : undefined;
    },
  },
  {
    // 15 III, 10.IV, 3.I.2027, do 10 IV 2027: the month in Roman numerals, as Poland writes it. Capitals only ("i" is
    // Polish "and"), and a one-letter numeral (I, V, X) only after a dot or before a year or the clause's end, so "at 3 I called" is none.
    pattern: new RegExp(`(?<![\\p{L}\\p{N}.])(\\d{1,2})(?:\\.\\s?|\\s)(${ROMAN_MONTHS.slice().reverse().join('|')})(?:(?:\\.\\s?|\\s)(\\d{4}))?(?![\\p{L}\\p{N}])`, 'gu'),
    kind: 'day',
    resolve: (m, received) => {
      const [day, month] = [Number(m[1]), ROMAN_MONTHS.indexOf(m[2]!) + 1];
      const afterDot = /^\d{1,2}\./.test(m[0]);
      const ends = m[3] !== undefined || /^\s*(?:[.,;:!?)\n]|$)/.test(m.input.slice(m.index + m[0].length));
      if (m[2]!.length === 1 && !afterDot && !ends) return undefined;
      if (day < 1) return undefined;
      if (m[3]) {
        const date = calendarDate(ymd(Number(m[3]), month, day));
        return date ? { date, rule: 'the date as written (a Roman-numeral month)' } : undefined;
      }
      const date = dayNamed(received, month, day);
      return date ? { date, rule: 'the next such day (a Roman-numeral month)' } : undefined;
    },
  },
  {
    // 4-1-2027, 04-01-2027: the day first with hyphens and a year, as the Dutch write a date. Read as a slash date is:
    // when it cannot be misread, or after a word of a day-first language ("terug op 4-1-2027"); not in a phone number.
    pattern: /(?<![\d./-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])/g,
    kind: 'day',
    resolve: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      if (inPhoneNumber(m.input, m.index, m.index + m[0].length)) return undefined;
      const dayFirst = (a > 12 && b <= 12) || (a <= 12 && b <= 12 && (a === b || dayFirstWordBefore(m.input, m.index)));
      const monthFirst = b > 12 && a <= 12;
      if (!dayFirst && !monthFirst) return undefined;
      const date = calendarDate(dayFirst ? ymd(Number(m[3]), b, a) : ymd(Number(m[3]), a, b));
      return date ? { date, rule: 'the date as written' } : undefined;
    },
  },
  {
    // 3/3, 24/12, 12/24: read only when it cannot be misread (a number over 12, or both the same), or when
    // another date the writer put with a slash shows their order: "de 23/12 a 03/01" is day first, so 03/01 is 3 January.
    pattern: new RegExp(`(?:${WEEKDAY_PREFIX})?(?<![\\p{L}\\p{N}/])(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}|\\d{2}))?(?![\\p{N}/])`, 'giu'),
    kind: 'day',
    resolve: (m, received) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a === 24 && b === 7) return undefined;
      let month: number;
      let day: number;
      if (a > 12 && b <= 12) [day, month] = [a, b];
      else if (b > 12 && a <= 12) [month, day] = [a, b];
      else if (a === b && a <= 12) [month, day] = [a, b];
      else if (a <= 12 && b <= 12 && slashOrderIn(m.input) === 'day-first') [day, month] = [a, b];
      else if (a <= 12 && b <= 12 && slashOrderIn(m.input) === 'month-first') [month, day] = [a, b];
      else if (a <= 12 && b <= 12 && dayFirstWordBefore(m.input, m.index)) [day, month] = [a, b];
      else if (a <= 12 && b <= 12 && cjkOnLine(m.input, m.index)) [month, day] = [a, b];
      else return undefined;
      if (day < 1 || month < 1) return undefined;
      if (m[3]) {
        const date = calendarDate(ymd(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), month, day));
        return date ? { date, rule: 'the date as written' } : undefined;
      }
      const date = dayNamed(received, month, day);
      return date ? { date, rule: 'the next such day' } : undefined;
    },
  },
  {
    // 12 January, 12th of January 2027, 9. October
    pattern: new RegExp(`\\b(?:${WEEKDAY_PREFIX})?(?:the\\s+)?(\\d{1,2})${ORDINAL}\\.?(?:\\s+of)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'gi'),
    kind: 'day',
    resolve: (m, received) => dayMonth(received, Number(m[1]), m[2]!, m[3]),
  },
  {
    // January 12, Jan 5th, August 24, 2026
    pattern: new RegExp(`\\b(?:${WEEKDAY_PREFIX})?${MONTH}\\s+(\\d{1,2})${ORDINAL}(?![\\d:])(?:,?\\s+(\\d{4}))?\\b`, 'gi'),
    kind: 'day',
    resolve: (m, received) => dayMonth(received, Number(m[2]), m[1]!, m[3]),
  },
  {
    // Monday 5th, Monday the 5th, the 21st, on the 2nd
    pattern: new RegExp(`\\b(?:${WEEKDAY},?\\s+)?(?:the\\s+)?(\\d{1,2})(st|nd|rd|th)\\b`, 'gi'),
    kind: 'day',
    resolve: (m, received) => {
      const date = nextDayOfMonth(received, Number(m[2]));
      return date ? { date, rule: 'the next such day of the month' } : undefined;
    },
  },
  {
    pattern: /\b(?:the\s+)?day after tomorrow\b/gi,
    kind: 'day',
    resolve: (_m, received) => ({ date: addDays(received, 2), rule: 'two days after the reply' }),
  },
  {
    pattern: /\btomorrow\b/gi,
    kind: 'day',
    resolve: (_m, received) => ({ date: addDays(received, 1), rule: 'the day after the reply' }),
  },
  {
    pattern: /\b(?:the\s+)?(?:rest of (?:the|this) week|next week)\b/gi,
    kind: 'day',
    resolve: (_m, received) => ({ date: nextWeekday(received, 1), rule: 'the Monday after the reply' }),
  },
  {
    pattern: new RegExp(`\\b(?:the\\s+following\\s+|next\\s+|this\\s+|on\\s+)?${WEEKDAY}\\b\\.?`, 'gi'),
    kind: 'day',
    resolve: (m, received) => {
      const word = m[1]!;
      // A short form reads as a weekday only capitalised ("Wed", "Sat", never "sat" or "sun").
      if (!WEEKDAYS.some((names) => names[0] === word.toLowerCase()) && !/^[A-Z]/.test(word)) return undefined;
      return { date: nextWeekday(received, weekdayOf(word)), rule: `the next ${WEEKDAYS[weekdayOf(word)]![0]} after the reply` };
    },
  },
  {
    pattern: /\b(?:early\s+|in\s+|from\s+)?next\s+year\b/gi,
    kind: 'period',
    resolve: (_m, received) => ({ date: ymd(parts(received)[0] + 1, 1, 1), rule: 'the first day of next year' }),
  },
  {
    pattern: /\bnext\s+quarter\b/gi,
    kind: 'period',
    resolve: (_m, received) => nextQuarter(received),
  },
  {
    pattern: /\bnext\s+month\b/gi,
    kind: 'period',
    resolve: (_m, received) => ({ date: addMonths(`${received.slice(0, 8)}01`, 1), rule: 'the first day of next month' }),
  },
  {
    // "this quarter", "this year", "this month": declined, so the next one.
    pattern: /\bthis\s+(quarter|year|month)\b/gi,
    kind: 'current',
    resolve: (m, received) => {
      const [y, mo] = parts(received);
      const unit = m[1]!.toLowerCase();
      if (unit === 'year') return { date: ymd(y + 1, 1, 1), rule: 'the first day of next year' };
      if (unit === 'month') return { date: addMonths(`${received.slice(0, 8)}01`, 1), rule: 'the first day of next month' };
      const q = Math.floor((mo - 1) / 3) + 1;
      return { date: q === 4 ? quarterStart(y + 1, 1) : quarterStart(y, q + 1), rule: 'the first day of the next quarter' };
    },
  },
  {
    // Q3, in Q1 2027, end of Q2, after Q3
    pattern: /\b(?:(early|start of|beginning of|mid|late|end of|the end of|after)[\s-]+)?q([1-4])(?:\s+(\d{4}))?\b/gi,
    kind: 'period',
    resolve: (m, received) => {
      const position = (m[1] ?? '').toLowerCase();
      const quarter = Number(m[2]);
      const at = (year: number): string => {
        if (position === 'after') return quarter === 4 ? quarterStart(year + 1, 1) : quarterStart(year, quarter + 1);
        if (position.includes('end') || position === 'late') return ymd(year, quarter * 3, 1);
        return quarterStart(year, quarter);
      };
      const what = position === 'after' ? 'the first day of the quarter after' : position.includes('end') || position === 'late' ? 'the first day of the last month of' : 'the first day of';
      if (m[3]) return { date: at(Number(m[3])), rule: `${what} Q${quarter} ${m[3]}` };
      const [y] = parts(received);
      const date = at(y) > received ? at(y) : at(y + 1);
      return { date, rule: `${what} the next Q${quarter}` };
    },
  },
  {
    // in January, early March, mid-February, end of March, after June, until April 2027
    pattern: new RegExp(`\\b(in|early|mid|middle of|the middle of|late|end of|the end of|start of|beginning of|until|till|by|from|after|before|around|through|of)[\\s-]+${MONTH}(?:\\s+(\\d{4}))?\\b(?![\\s.,]*\\d{1,2}(?:st|nd|rd|th)?\\b)`, 'gi'),
    kind: 'period',
    resolve: (m, received) => {
      const month = monthOf(m[2]!);
      if (!month) return undefined;
      const word = m[2]!;
      // "may" and the short forms are words too: read them only capitalised.
      if ((word.toLowerCase() === 'may' || word.length <= 4) && !/^[A-Z]/.test(word)) return undefined;
      const position = m[1]!.toLowerCase();
      const kept = ['early', 'start of', 'beginning of', 'mid', 'middle of', 'the middle of', 'late', 'end of', 'the end of', 'after'].includes(position) ? position : undefined;
      return monthWithPosition(received, month, kept, m[3]);
    },
  },
  {
    // in the spring, after the summer, this autumn, next fall
    pattern: /\b(in|this|next|after|before|until|by|over)\s+(?:the\s+)?(spring|summer|autumn|fall|winter)\b/gi,
    kind: 'period',
    resolve: (m, received) => {
      const after = m[1]!.toLowerCase() === 'after';
      const season = m[2]!.toLowerCase();
      const month = after ? ((SEASONS[season]! + 2) % 12) + 1 : SEASONS[season]!;
      const date = nextMonthDay(received, month, 1);
      return date ? { date, rule: `the first day of the next ${after ? `season after the ${season}` : season}` } : undefined;
    },
  },
  {
    // after the holidays, after Christmas, in the new year, after New Year's
    pattern: /\b(?:after\s+(?:the\s+)?(?:holidays|christmas|xmas|new\s+year(?:'s)?|festive season)|(?:in|into)\s+the\s+new\s+year|back\s+in\s+the\s+new\s+year)\b/gi,
    kind: 'period',
    resolve: (m, received) => {
      const month = parts(received)[1];
      if (/holidays/i.test(m[0]) && month >= 6 && month <= 8) {
        return { date: nextMonthDay(received, 9, 1)!, rule: 'the first day of September (the summer holidays)' };
      }
      return { date: afterTheHolidays(received), rule: 'the first Monday after 1 January' };
    },
  },
  {
    // after year end, after the end of the year
    pattern: /\bafter\s+(?:the\s+)?(?:year[\s-]+end|end\s+of\s+the\s+year|turn\s+of\s+the\s+year)\b/gi,
    kind: 'period',
    resolve: (_m, received) => ({ date: ymd(parts(received)[0] + 1, 1, 1), rule: 'the first day of next year' }),
  },
  {
    // después de Reyes, dopo la Befana, po Trzech Królach, efter trettondagen: the day after 6 January
    pattern: new RegExp(`(?<![\\p{L}])(?:${alternatives(AFTER_EPIPHANY)})(?![\\p{L}])`, 'giu'),
    kind: 'period',
    resolve: (_m, received) => ({ date: nextMonthDay(received, 1, 7)!, rule: 'the day after Epiphany (7 January)' }),
  },
  {
    // depois do Carnaval, nach Fasching: Ash Wednesday, the day after Shrove Tuesday (Easter Sunday less 46 days)
    pattern: new RegExp(`(?<![\\p{L}])(?:${alternatives(AFTER_CARNIVAL)})(?![\\p{L}])`, 'giu'),
    kind: 'period',
    resolve: (_m, received) => {
      const [y] = parts(received);
      const date = [y, y + 1].map((year) => addDays(easterSunday(year), -46)).find((d) => d > received);
      return date ? { date, rule: 'Ash Wednesday, the day after Carnival' } : undefined;
    },
  },
  {
    // after Easter (the Monday after Easter Sunday), at Easter
    pattern: /\b(after|over|at|around|until|before)\s+easter\b/gi,
    kind: 'period',
    resolve: (m, received) => {
      if (m[1]!.toLowerCase() === 'after') return afterEaster(received);
      const [y] = parts(received);
      const date = [y, y + 1].map(easterSunday).find((d) => d > received);
      return date ? { date, rule: 'Easter Sunday' } : undefined;
    },
  },
  {
    // in 3 months, in two weeks, in a month or so, in 10 days, in a couple of months
    pattern: new RegExp(`\\b(?:in|within|after|another)\\s+(?:about\\s+|around\\s+|roughly\\s+)?${COUNT}\\s+(days?|weeks?|months?|years?)\\b`, 'gi'),
    kind: 'period',
    resolve: (m, received) => relative(received, count(m[1]!), m[2]!),
  },
  {
    // in a fortnight, in a fortnight's time, in two fortnights
    pattern: new RegExp(`\\b(?:in|within|after|another)\\s+(?:about\\s+|around\\s+)?${COUNT}\\s+fortnights?(?:'s?\\s+time)?\\b`, 'gi'),
    kind: 'period',
    resolve: (m, received) => relative(received, 2 * count(m[1]!), 'week'),
  },
  {
    pattern: /\b(?:in\s+)?(?:half\s+a\s+year|six\s+months'\s+time)\b/gi,
    kind: 'period',
    resolve: (_m, received) => ({ date: addMonths(received, 6), rule: 'six months after the reply' }),
  },
  {
    // in 2027, early 2027
    pattern: /\b(?:in|by|from|until|early|for)\s+(20\d{2})\b(?!-)/gi,
    kind: 'period',
    resolve: (m, received) => {
      const date = ymd(Number(m[1]), 1, 1);
      return date > received ? { date, rule: 'the first day of that year' } : undefined;
    },
  },
];

/**
 * The order a writer puts a slash date's day and month in, as their other slash dates
 * show it: "23/12" can only be day first, "12/23" only month first. Undefined when no date
 * shows it, or two disagree.
 */
function slashOrderIn(text: string): 'day-first' | 'month-first' | undefined {
  const orders = new Set<string>();
  for (const [, first, second] of text.matchAll(/(?<![\p{N}/])(\d{1,2})\/(\d{1,2})(?![\p{N}])/gu)) {
    const [a, b] = [Number(first), Number(second)];
    if (a === 24 && b === 7) continue;
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) orders.add('day-first');
    if (b > 12 && b <= 31 && a >= 1 && a <= 12) orders.add('month-first');
  }
  return orders.size === 1 ? ([...orders][0] as 'day-first' | 'month-first') : undefined;
}

/**
 * Whether digits written like a dotted date are part of a phone number: a number group just
 * before them ("Tel. 089 12.03.45", "0171 / 23.11.68"), a phone label ("Tel.", "Mobil:",
 * "Tél :"), or more dotted groups after ("06.12.27.20.30", a French number). Read as dates
 * they gave an auto-reply a return in 2045.
 */
function inPhoneNumber(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (/\d(?:[ \t]+|[ \t]*\/[ \t]*)$/.test(before)) return true;
  if (/(?<![\p{L}])(?:tel|tél|telefon|telefone|telefono|telefoon|phone|fon|mobil|mobile|mob|handy|fax|cell|móvil|tfn)\.?[ \t]*:?[ \t]*$/iu.test(before)) return true;
  return /^\.?\d/.test(text.slice(end));
}

/** Whether the line holding a slash date is written in Japanese, Chinese or Korean, which put the month first: "1/5(火)より", "1/4(월) 복귀". */
function cjkOnLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index) + 1;
  const lineEnd = text.indexOf('\n', index);
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd));
}

/** Whether the word just before a slash date is one that only a day-first language writes ("hasta el", "até", "bis"). */
function dayFirstWordBefore(text: string, index: number): boolean {
  const word = /([\p{L}'’/]+)\s*$/u.exec(text.slice(Math.max(0, index - 24), index))?.[1]?.toLowerCase().replace('’', "'");
  return word !== undefined && DAY_FIRST_SLASH_CUES.includes(word);
}

/** The Monday after Easter Sunday (Easter Monday), the next one after the reply. */
function afterEaster(received: string): { date: string; rule: string } | undefined {
  const [y] = parts(received);
  const date = [y, y + 1].map((year) => addDays(easterSunday(year), 1)).find((d) => d > received);
  return date ? { date, rule: 'the Monday after Easter Sunday' } : undefined;
}

/** The first day of the quarter after the reply's. */
function nextQuarter(received: string): { date: string; rule: string } {
  const [y, mo] = parts(received);
  const q = Math.floor((mo - 1) / 3) + 1;
  return { date: q === 4 ? quarterStart(y + 1, 1) : quarterStart(y, q + 1), rule: 'the first day of the next quarter' };
}

function dayMonth(received: string, day: number, monthWord: string, year: string | undefined): { date: string; rule: string } | undefined {
  const month = monthOf(monthWord);
  if (!month) return undefined;
  if (year) {
    const date = calendarDate(ymd(Number(year), month, day));
    return date ? { date, rule: 'the date as written' } : undefined;
  }
  const date = dayNamed(received, month, day);
  return date ? { date, rule: 'the next such day' } : undefined;
}

function relative(received: string, n: number, unit: string): { date: string; rule: string } | undefined {
  if (n <= 0) return undefined;
  const u = unit.toLowerCase().replace(/s$/, '');
  // Half a year is six months ("za pół roku", "半年后"), half a month two weeks ("半个月后"); other halves name no date.
  if (!Number.isInteger(n)) return u === 'year' && n * 12 === Math.round(n * 12) ? relative(received, n * 12, 'month') : u === 'month' && n === 0.5 ? relative(received, 2, 'week') : undefined;
  if (u === 'day') return { date: addDays(received, n), rule: `${formatCount(n, 'day')} after the reply` };
  if (u === 'week') return { date: addDays(received, 7 * n), rule: `${formatCount(n, 'week')} after the reply` };
  if (u === 'month') return { date: addMonths(received, n), rule: `${formatCount(n, 'month')} after the reply` };
  return { date: addMonths(received, 12 * n), rule: `${formatCount(n, 'year')} after the reply` };
}

/**
 * Every date `text` names, resolved against `received`, in text order; where two
 * readings overlap the longer wins. A date is moved one day on when the words before it
 * make it the last day away: "through 2 January", "after 4 January", and the end of a
 * range ("24 December - 2 January") all give the day after.
 */
export function datesIn(written: string, received: string): DateMention[] {
  const day = calendarDate(received);
  if (!day) return [];
  // Full-width digits (１月１２日), as Japanese and Chinese keyboards type them, read as ASCII ones: one code unit each, so offsets hold.
  const text = written.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const found: DateMention[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const resolved = rule.resolve(m as RegExpExecArray, day);
      const start = m.index + (m[0].length - m[0].trimStart().length);
      if (resolved) found.push({ date: resolved.date, rule: resolved.rule, text: written.slice(start, start + m[0].trim().length), index: start, kind: rule.kind });
    }
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: DateMention[] = [];
  for (const mention of found) {
    const last = kept[kept.length - 1];
    if (last && mention.index < last.index + last.text.length) {
      if (mention.text.length > last.text.length) kept[kept.length - 1] = mention;
      continue;
    }
    kept.push(mention);
  }
  // "later this year" names no date of its own: the default applies.
  const read = kept.filter((m) => !(m.kind === 'current' && /\blater\s+(?:in\s+)?$/i.test(text.slice(Math.max(0, m.index - 10), m.index))));
  return read.map((mention, i) => {
    // "after our fiscal year closes in June": after June, so the first of July. A count is no month named:
    // "after the board review in 3 months" is 3 months on.
    if (mention.kind === 'period' && /^in\s/i.test(mention.text) && mention.rule.includes('month') && !mention.rule.endsWith('after the reply')) {
      const clause = text.slice(Math.max(0, mention.index - 60), mention.index).split(/[.,;:!?\n]/).pop() ?? '';
      if (/\bafter\b/i.test(clause)) return { ...mention, date: addMonths(mention.date, 1), rule: 'the first day of the month after it' };
    }
    if (mention.kind !== 'day') return mention;
    // "until 23/08, back the following Monday": the weekday after the date before it.
    const previousDay = read[i - 1];
    if (/^the\s+following\s/i.test(mention.text) && previousDay) {
      const target = weekday(mention.date);
      return { ...mention, date: nextWeekday(previousDay.date, target), rule: `the ${WEEKDAYS[target]![0]} after ${previousDay.date}` };
    }
    const before = text.slice(Math.max(0, mention.index - 24), mention.index);
    const previous = read[i - 1];
    // The end of a range: "24 December - 2 January", "12月28日から1月3日", "12月28日至1月3日", "12월 28일부터 1월 3일".
    const rangeEnd = previous !== undefined && /(?:-|–|—|~|～|〜|\b(?:to|tot|bis|au|al|a|hasta|do|till)|até|から|より|至|到|부터|에서)\s*$/i.test(before) && mention.index - (previous.index + previous.text.length) <= 5;
    // "1月3日之后" / "1月3日以后": after it, as "after 3 January" is.
    const afterIt = /^\s*(?:之后|以后|之後|以後)/.test(text.slice(mention.index + mention.text.length));
    // "jusqu'au 6 janvier inclus", "do 6 stycznia włącznie", "al 6 gennaio compresi": the last day away, as "through" says.
    const inclusive = /^\s*(?:inclus|incluse|inclusive|incluso|incluida|incluido|compreso|compresa|compresi|incluído|inclusivé|włącznie|inklusive)(?![\p{L}])/iu.test(text.slice(mention.index + mention.text.length));
    // "through", "after", and theirs: "tot en met", "t/m", "till och med", "nach dem", "après le", "dopo il", "após", "po", "efter".
    const lastDayAway = /(?<![\p{L}])(?:through|thru|after|bis einschließlich|bis inklusive|tot en met|t\/m|till och med|t\.o\.m\.|nach dem|nach|après le|après|dopo il|dopo|após|depois de|po|efter|na)\s+(?:the\s+)?$/iu;
    if (lastDayAway.test(before) || rangeEnd || afterIt || inclusive) {
      return { ...mention, date: addDays(mention.date, 1), rule: `the day after ${mention.rule.replace(/^the /, '')} (the last day away)` };
    }
    return mention;
  });
}
