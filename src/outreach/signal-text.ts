/**
 * Company signals as written by people: a string (`"Series B, Jan 2026"`) or an object
 * (`{type: expansion, detail: new Berlin office, date: 2026-01-10}`). Prospects in a
 * campaign are free-form, so anything else may be there too; what cannot be read as a
 * signal is left out rather than printed as `[object Object]`.
 */

import type { SignalFacts } from '../scoring/index.js';

/** The signals of a free-form list: strings and `{type?, detail?, date?}` objects with some text. */
export function readableSignals(value: unknown): (string | SignalFacts)[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((signal): (string | SignalFacts)[] => {
    if (typeof signal === 'string') return signal.trim() ? [signal] : [];
    if (!signal || typeof signal !== 'object') return [];
    const { type, detail, date } = signal as Record<string, unknown>;
    const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    if (!text(type) && !text(detail)) return [];
    return [{ type: text(type) ?? '', detail: text(detail) ?? null, date: text(date) ?? (date instanceof Date ? date.toISOString().slice(0, 10) : null) }];
  });
}

/**
 * A signal as one phrase: a string as written, an object as its detail (the words a
 * message quotes and the quality gate looks for), else its type.
 */
export function signalText(signal: string | SignalFacts): string {
  if (typeof signal === 'string') return signal;
  return signal.detail?.trim() || signal.type.trim();
}
