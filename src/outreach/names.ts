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

/** Honorifics and titles written straight after a Chinese, Japanese or Korean name: "山田様", "王经理", "김철수님", "김 부장님". */
export const CJK_HONORIFICS: readonly string[] = [
  '様', 'さま', 'さん', '殿', '先生', '部長', '課長', '社長', '经理', '經理', '总', '總', '老师', '老師', '女士',
  '님', '씨', '부장님', '과장님', '팀장님', '대표님', '이사님',
];

const UNSPACED_CJK_NAME = /^[\p{Script=Han}\p{Script=Hangul}]{2,4}$/u;

/**
 * How a Chinese, Japanese or Korean name on file without a space ("山田太郎", "王伟",
 * "김철수") is addressed in a message: by its family name — one character or two, which
 * the name alone cannot tell apart — and, in Korean, also by the given name ("철수님").
 * Each is a name only with an honorific after it (isPersonalized): "山" alone is a word.
 */
export function cjkAddressNames(name: string | null | undefined): string[] {
  const text = (name ?? '').trim();
  if (!UNSPACED_CJK_NAME.test(text)) return [];
  const chars = [...text];
  const family = chars.length >= 3 ? [chars[0]!, chars.slice(0, 2).join('')] : [chars[0]!];
  return /\p{Script=Hangul}/u.test(text) ? [...family, chars.slice(1).join('')] : family;
}
