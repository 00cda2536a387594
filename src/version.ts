import { readFileSync } from 'node:fs';

let version: string | undefined;

/**
 * The package's version, read from its package.json: the first one up from this module —
 * one level above src/ and dist/, two above the bundled CLI's chunks in dist/bundle/.
 */
export function packageVersion(): string {
  if (version !== undefined) return version;
  for (let dir = new URL('../', import.meta.url); ; dir = new URL('../', dir)) {
    let text: string | undefined;
    try {
      text = readFileSync(new URL('package.json', dir), 'utf8');
    } catch {
      // not at this level
    }
    if (text !== undefined) return (version = (JSON.parse(text) as { version: string }).version);
    if (dir.pathname === '/') throw new Error('threadwork: its package.json was not found');
  }
}
