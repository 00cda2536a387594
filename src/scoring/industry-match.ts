/**
 * Whether a company's industry is one an ICP names. By whole words either way, as before
 * (`B2B SaaS` ~ `SaaS`; `Financial Services` is not `Fintech`), and besides:
 *
 * - one word or two: `Neo-bank` ~ `neobank`, `E-commerce` ~ `eCommerce`, `Health care` ~
 *   `healthcare` — the words of one, run together, are a run of the other's words run
 *   together, starting and ending where words do (so `AI` is still not in `retail`);
 * - singular or plural: `Payment processing` ~ `payments`, `Neobanks` ~ `neobank`.
 *
 * Compared by words alone, `Neo-bank` and `Payment services` were outside a fintech segment
 * of `neobank` and `payments`: fit 0, and disqualified by its `Industry outside …` rule.
 */

import { keptPerPair, words } from './text.js';

export const industryMatches: (a: string, b: string) => boolean = keptPerPair((a, b) => {
  const wa = words(a).map(singular);
  const wb = words(b).map(singular);
  return runsTogether(wa, wb) || runsTogether(wb, wa);
});

/** `payments` → `payment`, `companies` → `company`, `businesses` → `business`; `SaaS`, `news`, `logistics`' `-ss`/`-us`/`-is` kept. */
function singular(word: string): string {
  if (word.length <= 4 || !word.endsWith('s') || /(?:ss|us|is|as|os)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:sses|shes|ches|xes|zes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Whether `needle`'s words, run together, are a run of `haystack`'s words run together. */
function runsTogether(haystack: readonly string[], needle: readonly string[]): boolean {
  const target = needle.join('');
  if (!target) return false;
  for (let start = 0; start < haystack.length; start++) {
    let run = '';
    for (let end = start; end < haystack.length && run.length < target.length; end++) {
      run += haystack[end];
      if (run === target) return true;
    }
  }
  return false;
}
