/**
 * Small text helpers for drafts: turning what people typed into the canvas or the
 * materials (a UVP, a pain, a proof point) into a phrase that fits inside one sentence.
 */

import { hasPlaceholder } from './placeholders.js';

/** Trimmed text, or undefined when blank, not a string, or still holding a template slot. */
export function usableText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  return text && !hasPlaceholder(text) ? text : undefined;
}

/**
 * The first sentence of `text`, without its closing punctuation, cut to `maxWords`:
 * a proof point written as two sentences must not turn a five-sentence email into six.
 */
export function clipPhrase(text: string, maxWords: number): string {
  const first = text.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s/)[0] ?? '';
  const words = first.replace(/[.!?;:,]+$/, '').split(' ');
  return words.length <= maxWords ? words.join(' ') : words.slice(0, maxWords).join(' ').replace(/[,;:]$/, '');
}

/** `Manual close` → `manual close`, but `ERP migration` and `iPhone` stay as written. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
