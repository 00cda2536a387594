import { parseDocument } from 'yaml';
import { parseFrontMatter } from './front-matter.js';

/**
 * Sets top-level front-matter keys through the `yaml` Document API: comments, key
 * order and the formatting of untouched keys are kept; the body is not touched.
 */
export function setFrontMatterFields(text: string, fields: Record<string, unknown>): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.error) throw new Error('setFrontMatterFields: the file has no valid front matter');
  const doc = parseDocument(fm.yamlText.replace(/^\r?\n/, ''));
  for (const [key, value] of Object.entries(fields)) doc.set(key, value);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const yaml = doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
  return `---${eol}${yaml}---${eol}${text.slice(fm.bodyOffset)}`;
}
