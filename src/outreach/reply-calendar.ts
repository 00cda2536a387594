/**
 * Calendar steps a reply's dates need, on `YYYY-MM-DD` strings in UTC like calendar.ts:
 * the next such day, weekday, month or quarter after a date, months added with the day
 * clamped, the Monday after New Year, Easter. Pure.
 */

import { addDays } from './calendar.js';

const pad = (n: number): string => String(n).padStart(2, '0');
export const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
export const parts = (date: string): [number, number, number] => date.split('-').map(Number) as [number, number, number];
export const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** `date` plus whole months, the day clamped to the month's length (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return ymd(year, month, Math.min(d, daysIn(year, month)));
}

/** The first date after `received` that is `month`/`day` in some year (this one if still ahead). */
export function nextMonthDay(received: string, month: number, day: number): string | undefined {
  const [y] = parts(received);
  for (const year of [y, y + 1, y + 2]) {
    if (day > daysIn(year, month)) continue;
    const date = ymd(year, month, day);
    if (date > received) return date;
  }
  return undefined;
}

/** The next day strictly after `received` falling on `target` (0 = Sunday). */
export function nextWeekday(received: string, target: number): string {
  const ahead = ((target - weekday(received) + 7) % 7) || 7;
  return addDays(received, ahead);
}

/** The next date strictly after `received` whose day of the month is `day`. */
export function nextDayOfMonth(received: string, day: number): string | undefined {
  const [y, m] = parts(received);
  for (let k = 0; k < 3; k++) {
    const total = y * 12 + (m - 1) + k;
    const year = Math.floor(total / 12);
    const month = (total % 12) + 1;
    if (day <= daysIn(year, month)) {
      const date = ymd(year, month, day);
      if (date > received) return date;
    }
  }
  return undefined;
}

export function quarterStart(year: number, quarter: number): string {
  return ymd(year, (quarter - 1) * 3 + 1, 1);
}

/** The first Monday after 1 January following `received`: when people are back after the year-end holidays. */
export function afterTheHolidays(received: string): string {
  const [y] = parts(received);
  for (const year of [y, y + 1]) {
    const date = nextWeekday(ymd(year, 1, 1), 1);
    if (date > received) return date;
  }
  return nextWeekday(ymd(y + 1, 1, 1), 1);
}

/** Chinese New Year's day (the Spring Festival), which moves with the lunar calendar, by year. */
const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03', 2031: '2031-01-23',
  2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19', 2035: '2035-02-08', 2036: '2036-01-28', 2037: '2037-02-15', 2038: '2038-02-04',
  2039: '2039-01-24', 2040: '2040-02-12',
};

/**
 * The first Monday after the Spring Festival's week of holiday (Chinese "年后", "过完年":
 * after the new year, which in China is the lunar one), the next one after `received`.
 * Past the years the table holds, 1 March: the festival is over by then.
 */
export function afterTheSpringFestival(received: string): string {
  const [y] = parts(received);
  for (const year of [y, y + 1]) {
    const festival = SPRING_FESTIVAL[year];
    const date = festival ? nextWeekday(addDays(festival, 6), 1) : nextMonthDay(received, 3, 1)!;
    if (date > received) return date;
  }
  return nextMonthDay(received, 3, 1)!;
}

/** Easter Sunday of `year` (the Gregorian computus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}
