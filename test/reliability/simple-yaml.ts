import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareReaders, yamlDocument } from '../helpers/yaml-docs.js';
import { figure } from './support.js';

/**
 * Differential test of the simple YAML reader (src/markdown/simple-yaml.ts) against
 * js-yaml: on every generated document — front-matter shaped, often damaged — the reader
 * gives js-yaml's very value (types, -0, NaN, the order of keys; in place inside a longer
 * text as alone), or declines. A fifth or so must be read: a reader that declined
 * everything would pass the property and read nothing.
 */
export function simpleYamlSuite(label: string, cases: number, seed: number): void {
  describe(label, () => {
    it(`${cases} generated documents (seed ${seed}): js-yaml's value, or declined`, () => {
      const seen = { read: 0, declined: 0 };
      fc.assert(
        fc.property(yamlDocument, (text) => {
          const outcome = compareReaders(text);
          if (typeof outcome === 'object') throw new Error(`${JSON.stringify(text)}: ${outcome.disagreement}`);
          seen[outcome] += 1;
        }),
        { numRuns: cases, seed },
      );
      figure(label, 'seed', seed);
      figure(label, 'documents', cases);
      figure(label, 'read as js-yaml reads them', seen.read);
      figure(label, 'declined (left to js-yaml)', seen.declined);
      expect(seen.read).toBeGreaterThan(cases * 0.15);
      expect(seen.declined).toBeGreaterThan(cases * 0.15);
    });
  });
}
