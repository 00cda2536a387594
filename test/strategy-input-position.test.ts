import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, replaceInFile } from './helpers/testdir.js';

/**
 * `strategy-input-missing` was always reported at 1:1, though where to fill the input in
 * is known: the key written empty, the enclosing key of one not written, the first line
 * below the front matter for prose. A top-level key not written at all stays at the start.
 */
describe('strategy-input-missing', () => {
  it('points at the line to fill in', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/07-uvp.md', /^uvp: .*$/m.exec(read(dir, 'strategy/canvas/07-uvp.md'))![0], 'uvp: ""');
    replaceInFile(dir, 'strategy/canvas/04-segments.md', '      industry: [payments, lending, neobank, embedded finance]\n', '      industry: []\n');
    replaceInFile(dir, 'strategy/canvas/04-segments.md', '      industry: [e-commerce, consumer goods, retail]\n', '');
    const gtm = read(dir, 'strategy/canvas/15-gtm.md');
    const closing = gtm.indexOf('\n---\n') + 5;
    writeFileSync(join(dir, 'strategy/canvas/15-gtm.md'), gtm.slice(0, closing));
    replaceInFile(dir, 'threadwork.config.yaml', 'company: Ledgerline\n', '');
    const result = await (await openWorkspace(dir)).check({ cache: false });
    const found = result.diagnostics.filter((d) => d.rule === 'strategy-input-missing').map((d) => `${d.path}:${d.line}:${d.column} ${d.message.split(':')[0]}`);
    expect(found).toEqual([
      'strategy/canvas/04-segments.md:9:17 The industries of Mid-market fintech are missing',
      // Not written at all: the segment's `filters`, where it belongs.
      'strategy/canvas/04-segments.md:42:7 The industries of E-commerce finance teams are missing',
      `strategy/canvas/07-uvp.md:4:6 The value proposition is missing`,
      `strategy/canvas/15-gtm.md:${gtm.slice(0, closing).split('\n').length}:1 The go-to-market plan is missing`,
      'threadwork.config.yaml:1:1 Your company name is missing',
    ]);
    expect(result.diagnostics.find((d) => d.rule === 'strategy-input-missing' && d.path.endsWith('07-uvp.md'))?.field).toBe('uvp');
  });

  it('is not said for an input written under a misspelt key: the key-misspelt warning at that key says it all', async () => {
    // `compnay:` gave two warnings, one at the key and one at 1:1 saying the company name was missing.
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threadwork.config.yaml', 'company: Ledgerline\n', 'compnay: Ledgerline\n');
    replaceInFile(dir, 'strategy/canvas/04-segments.md', '      industry: [payments, lending, neobank, embedded finance]\n', '      industy: [payments, lending, neobank, embedded finance]\n');
    const result = await (await openWorkspace(dir)).check({ cache: false });
    const found = result.diagnostics.filter((d) => d.rule === 'strategy-input-missing' || d.rule === 'key-misspelt').map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.field ?? ''}`);
    expect(found).toEqual(['strategy/canvas/04-segments.md:9:7 key-misspelt segments[0].filters.industy', 'threadwork.config.yaml:3:1 key-misspelt compnay']);
  });
});
