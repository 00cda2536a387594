/**
 * The prose of a canvas section, for the narratives and materials: the body without
 * its title heading, HTML comments, managed blocks and guidance left from `init`.
 */
export function sectionProse(body: string): string {
  return body
    .replace(/<!-- threadwork:begin ([\w-]+) -->[\s\S]*?<!-- threadwork:end \1 -->/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\r\n/g, '\n')
    .replace(/^# .*\n/m, '')
    .trim();
}

/** The first paragraph of a section's prose: a sentence or two that fits on a slide. */
export function firstParagraph(prose: string): string {
  const paragraph = prose
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !p.startsWith('#') && !p.startsWith('|') && !p.startsWith('- ') && !p.startsWith('* '));
  return paragraph?.replace(/\s*\n\s*/g, ' ') ?? '';
}

/** Bullet items of a section's prose (lines starting with - or *), for lists of proof points. */
export function bulletItems(prose: string): string[] {
  return prose
    .split('\n')
    .map((l) => /^\s*[-*]\s+(.*)$/.exec(l)?.[1]?.trim())
    .filter((l): l is string => Boolean(l));
}
