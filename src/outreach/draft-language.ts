/**
 * The language a prospect's drafts are written in. threadwork writes English and German
 * drafts; a German prospect read an English first email, from a German sender, about a
 * German company ("Hi Jürgen, A problem we often hear from teams like Müller & Söhne").
 * Said, first wins: the prospect's own `language` in Stage 5, the campaign's `language`
 * there, then what the prospect shows — a German legal form in the company name (`GmbH`,
 * `AG`, `KG` …, read as folder names read it) or an address under `.de` or `.at` — and
 * English otherwise. A language threadwork has no templates for is written in English.
 */

import { companyNameLanguage } from '../workspace/slug.js';

export type DraftLanguage = 'en' | 'de';

/** What a person may write for a language: the code, or its name in English or in itself. */
const SPELLINGS: Readonly<Record<string, string>> = {
  en: 'en', english: 'en', englisch: 'en',
  de: 'de', german: 'de', deutsch: 'de', 'de-de': 'de', 'de-at': 'de', 'de-ch': 'de',
};

/** A `language` value as written (`de`, `Deutsch`, `de-AT`), as a language code: `fr` stays `fr`; undefined when none is written. */
export function writtenLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const key = value.trim().toLowerCase().replace('_', '-');
  return SPELLINGS[key] ?? key.split('-')[0];
}

export function draftLanguage(input: { prospectLanguage?: unknown; campaignLanguage?: unknown; company: string; email?: string | null | undefined }): DraftLanguage {
  const said = writtenLanguage(input.prospectLanguage) ?? writtenLanguage(input.campaignLanguage);
  if (said !== undefined) return said === 'de' ? 'de' : 'en';
  if (companyNameLanguage(input.company) === 'de') return 'de';
  return /\.(?:de|at)$/i.test(input.email?.trim() ?? '') ? 'de' : 'en';
}
