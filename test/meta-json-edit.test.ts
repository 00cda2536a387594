import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateJsonObject } from '../src/markdown/json-edit.js';
import { runCli } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { git } from './helpers/git.js';

/**
 * Sync rewrote a whole meta.json to change its derived fields: every value a person wrote
 * came back in JSON.stringify's form — `"\u00e9"` unescaped, a one-line list `["a", "b"]`
 * spread over four lines, `1.50` as `1.5`, `"key" : value` respaced — so a deal's own
 * notes changed in a commit that said only "status deferred → open". Now only the
 * derived values move; every other byte stays as written.
 */

const THREAD = 'threads/sales/keel-neobank';

describe('sync edits the derived fields of meta.json in place', () => {
  it('keeps every byte of what the person wrote, and moves only the derived values', async () => {
    const dir = exampleWorkspace();
    const path = join(dir, THREAD, 'meta.json');
    const meta = readFileSync(path, 'utf8');
    const written = meta
      .replace('"title": "Keel Neobank",', '"title": "Keel Neobank",\n  "owner" : "Ren\\u00e9e",\n  "tags": ["fintech", "card issuing"],\n  "budget": {"max": 1.50},')
      .replace('"status": "deferred"', '"status" :  "deferred"');
    writeFileSync(path, written);
    git(dir, 'commit', '-qam', 'notes');
    const decision = join(dir, THREAD, '4-decision.md');
    writeFileSync(decision, readFileSync(decision, 'utf8').replace('decision: DEFER', 'decision: QUALIFY'));

    const sync = await runCli(['sync'], { cwd: dir });
    expect(sync.code).toBe(0);
    const expected = written
      .replace('"status" :  "deferred"', '"status" :  "open"')
      .replace('"pipeline_stage": "deferred"', '"pipeline_stage": "qualified"')
      .replace('"close_probability": 0,', '"close_probability": 0.25,');
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });
});

describe('updateJsonObject', () => {
  const text = '{\r\n\t"id": "a",\r\n\t"note": "caf\\u00e9",\r\n\t"stage": 1,\r\n\t"gone": 2\r\n}\r\n';

  it('replaces a value in place, removes a key with its comma, and appends a new key in the file\'s own layout', () => {
    expect(updateJsonObject(text, { stage: 2, gone: null, added: 'x' })).toBe('{\r\n\t"id": "a",\r\n\t"note": "caf\\u00e9",\r\n\t"stage": 2,\r\n\t"added": "x"\r\n}\r\n');
  });

  it('leaves a value equal to the one wanted as written', () => {
    expect(updateJsonObject('{"p": 0.50, "q": 1}', { p: 0.5, q: 2 })).toBe('{"p": 0.50, "q": 2}');
  });

  it('removes the first key and keeps a one-line file on one line', () => {
    expect(updateJsonObject('{"a": 1, "b": [1, 2], "c": 3}', { a: null, d: true })).toBe('{"b": [1, 2], "c": 3, "d": true}');
  });

  it('keeps a byte order mark', () => {
    expect(updateJsonObject('\uFEFF{\n  "a": 1\n}\n', { a: 2, b: 'x' })).toBe('\uFEFF{\n  "a": 2,\n  "b": "x"\n}\n');
  });
});
