import type GrayMatterModule from 'gray-matter';
import { onFirstUse } from '../load-on-first-use.js';
import { yamlPackage } from './yaml-package.js';

/** gray-matter, loaded when a file is first composed: its import (with js-yaml 3 and esprima) cost every command 20 ms. */
const matter = onFirstUse<typeof GrayMatterModule>('gray-matter');

/**
 * gray-matter's YAML engine: the `yaml` package, YAML 1.2 core — the schema the engine
 * reads front matter with (yaml.ts) — lines never folded, a key whose value is undefined
 * left out. Only its writing side is used: reading front matter stays with front-matter.ts,
 * whose strict delimiters, positions and limits gray-matter's reader does not have (it
 * reads an unclosed block to the end of the file as front matter, where a half-saved file
 * must be an error at its line).
 */
const engines = {
  yaml: {
    parse: (): object => {
      throw new Error('front matter is read by src/markdown/front-matter.ts');
    },
    stringify: (data: object): string => {
      const text = yamlPackage().stringify(data, { lineWidth: 0 });
      // gray-matter trims what its engine writes: a last value in a block scalar ending in
      // blank lines (`|+`) would lose them. Such text is written without block scalars.
      return `${text.trim()}\n` === text ? text : yamlPackage().stringify(data, { lineWidth: 0, blockQuote: false });
    },
  },
};

/**
 * A new Markdown file: `data` as YAML front matter between `---` lines, then `body`, ending
 * with a line break. Composed by gray-matter; the body is handed over as a file's content,
 * never parsed (a body that opens with a `---` rule stays body).
 */
export function composeMarkdown(data: Record<string, unknown>, body: string): string {
  if (Object.keys(data).length === 0) return `---\n---\n${withLineBreak(body)}`; // gray-matter would leave the block out
  const text = matter().stringify({ content: body }, data, { language: 'yaml', engines });
  // gray-matter ends an empty body with a blank line of its own.
  return body === '' ? text.slice(0, -1) : text;
}

function withLineBreak(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
