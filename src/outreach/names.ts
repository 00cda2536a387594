/**
 * How a message addresses people and companies: "Dr. Dana Smith" is greeted as Dana,
 * and "Acme Corp, Inc." is mentioned (and recognised) as Acme.
 */

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);

/** Legal suffixes people drop when they write a company's name in a sentence. */
const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'llc', 'llp', 'ltd', 'limited', 'plc',
  'gmbh', 'ag', 'sa', 'sas', 'sarl', 'bv', 'nv', 'ab', 'as', 'oy', 'spa', 'srl', 'pty', 'kg',
]);

/** What follows a comma after a name without being a given name: `Dana Smith, PhD`, `Lee Park, Jr.`. */
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'mba', 'cpa', 'cfa', 'esq']);

const isHonorific = (word: string): boolean => HONORIFICS.has(word.replace(/\.$/, '').toLowerCase());

/**
 * The first name to greet, or undefined when the name is blank. A name written surname
 * first, as CRMs and sheets export it (`O'Brien-Smith, Dr. Mary`), is greeted by the given
 * name after its comma — not `Hi O'Brien-Smith,` — unless that is a suffix (`Smith, Jr.`).
 */
export function firstName(name: string | null | undefined): string | undefined {
  const text = (name ?? '').trim();
  const comma = text.indexOf(',');
  if (comma > 0 && text.indexOf(',', comma + 1) < 0) {
    const given = text.slice(comma + 1).trim().split(/\s+/).filter((part) => part && !isHonorific(part));
    if (given.length > 0 && !NAME_SUFFIXES.has(given[0]!.replace(/\./g, '').toLowerCase())) return given[0]!.replace(/[;]$/, '');
  }
  const parts = text.split(/\s+/).filter(Boolean);
  const first = parts.find((part) => !isHonorific(part));
  return first?.replace(/[,;]$/, '') || undefined;
}

/** The company name without trailing legal suffixes: `Acme Corp, Inc.` → `Acme`. */
export function companyCore(name: string | null | undefined): string | undefined {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  // Keep at least one word: a company called "Limited" is still called that.
  while (parts.length > 1 && LEGAL_SUFFIXES.has(parts[parts.length - 1]!.replace(/[.,]/g, '').toLowerCase())) parts.pop();
  const core = parts.join(' ').replace(/,$/, '');
  return core || undefined;
}
