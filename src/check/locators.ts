import { START, type Position, type Range } from '../diagnostics.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import type { DataPath, Locator } from '../markdown/locate.js';
import { locatorOf } from '../markdown/simple-locate.js';

/**
 * Positions for reference diagnostics. Files are not kept in memory after the scan, so
 * a file's text is fetched again only when one of its values needs a position — a few
 * files at most — through the model, so a write being validated is located in its new
 * text, not in the old file on disk.
 */
export class Locators {
  private readonly cache = new Map<string, Locator | null>();

  constructor(private readonly text: (path: string) => string | undefined) {}

  at(path: string, dataPath: DataPath): Position {
    const locator = this.locatorFor(path);
    return locator ? locator.locate(dataPath) : START;
  }

  /** Where the value at `dataPath` starts and ends (the start is `at`'s). */
  range(path: string, dataPath: DataPath): Range {
    const locator = this.locatorFor(path);
    return locator ? locator.locateRange(dataPath) : { start: START, end: START };
  }

  /** Where the key at `dataPath` is written (a key to rename or delete, not its value). */
  key(path: string, dataPath: DataPath): Range {
    const locator = this.locatorFor(path);
    return locator ? locator.locateKey(dataPath) : { start: START, end: START };
  }

  private locatorFor(path: string): Locator | null {
    if (this.cache.has(path)) return this.cache.get(path)!;
    let locator: Locator | null = null;
    try {
      const text = this.text(path);
      if (text === undefined) throw new Error('gone');
      if (path.endsWith('.md')) {
        const fm = parseFrontMatter(text);
        locator = fm.present && !fm.errors ? locatorOf(fm.yamlText) : null;
      } else {
        locator = locatorOf(text);
      }
    } catch {
      locator = null;
    }
    this.cache.set(path, locator);
    return locator;
  }
}
