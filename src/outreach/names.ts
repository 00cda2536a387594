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

/** The first name to greet, or undefined when the name is blank. */
export function firstName(name: string | null | undefined): string | undefined {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const first = parts.find((part) => !HONORIFICS.has(part.replace(/\.$/, '').toLowerCase()));
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
