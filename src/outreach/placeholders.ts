/**
 * Unfilled template slots: the mark of a message sent without its mail merge. Drafts
 * never emit them, and treat input text that still holds one as missing; the quality
 * gate fails any message that contains one.
 */

/**
 * `{{first_name}}`, `{first_name}`, `[Name]`, `[First Name]`, `[insert company]`,
 * `<Company>`, `%FIRST_NAME%` and Mailchimp's `*|FNAME|*`. A bracketed text followed by
 * `(` is a Markdown link, not a slot.
 */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /\{\{[^{}]*\}\}/,
  /\{\s*[a-z_][a-z0-9_.]*\s*\}/i,
  /\[(?:[A-Z][A-Za-z0-9_]*(?:[ _][A-Za-z0-9_]+){0,3}|(?:insert|your|their|add)\b[^\]\n]{0,40})\](?!\()/,
  /<(?:[A-Z][A-Za-z]*(?:[ _][A-Za-z]+){0,2})>/,
  /%[A-Z][A-Z0-9_]*%/,
  /\*\|[A-Z0-9_]+\|\*/,
];

/** The placeholders in `text`, as written, in order of the patterns above. */
export function findPlaceholders(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  for (const pattern of PLACEHOLDER_PATTERNS) {
    for (const match of rest.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) found.push(match[0]);
    // Blank out what matched, so `{{name}}` is not reported again as `{name}`.
    rest = rest.replace(new RegExp(pattern.source, `${pattern.flags}g`), (m) => ' '.repeat(m.length));
  }
  return [...new Set(found)];
}

export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(text));
}
