import { isScalar, parseDocument } from 'yaml';
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

/**
 * Sets one scalar in front matter by splicing its source range: every other byte of the
 * file — flow maps, spacing, comments — stays exactly as written. When the key does not
 * exist yet, falls back to the Document API for that one insertion.
 */
export function setFrontMatterScalar(text: string, path: readonly (string | number)[], value: string | number | boolean): string {
  const fm = parseFrontMatter(text);
  if (!fm.present || fm.error) throw new Error('setFrontMatterScalar: the file has no valid front matter');
  const doc = parseDocument(fm.yamlText);
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const yamlStart = text.indexOf('\n');
  if (node && isScalar(node) && node.range) {
    const rendered = typeof value === 'string' && /^[\w@.+-]+$/.test(value) ? value : JSON.stringify(value);
    return text.slice(0, yamlStart + node.range[0]) + rendered + text.slice(yamlStart + node.range[1]);
  }
  const fresh = parseDocument(fm.yamlText.replace(/^\r?\n/, ''));
  fresh.setIn(path, value);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `---${eol}${fresh.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\r?\n/g, eol)}---${eol}${text.slice(fm.bodyOffset)}`;
}
