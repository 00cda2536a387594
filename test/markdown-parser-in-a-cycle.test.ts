import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../src/engine/session.js';
import { markdownParserLoaded } from '../src/markdown/managed-blocks.js';
import { learning, repo, wonArr } from './helpers/won-deal.js';

// A file of its own, run in a process of its own (vitest.config.ts, ISOLATED): remark is not
// loaded here until something needs it. A watch cycle's sync no longer reads every block
// file beforehand to decide whether to load it (the proposal of a sync judges nothing):
// its planning loads it when a block file's scan needs it.
describe('the Markdown parser in a watch cycle', () => {
  it('is loaded by the cycle’s planning when a block file needs it, with no check before', async () => {
    process.env.THREADWORK_TODAY = '2026-11-20';
    const dir = await repo(); // synced by a CLI process: nothing loaded here
    const metrics = join(dir, 'strategy/canvas/13-metrics.md');
    const example = '```md\n<!-- threadwork:begin metrics -->\n```\n\n';
    const text = readFileSync(metrics, 'utf8');
    const at = text.indexOf('<!-- threadwork:begin metrics -->');
    writeFileSync(metrics, `${text.slice(0, at)}${example}${text.slice(at)}`);
    writeFileSync(join(dir, 'threads/sales/acme/6-learning.md'), learning(48000));
    const session = new WorkspaceSession(dir);
    try {
      expect(markdownParserLoaded()).toBe(false);
      const cycle = await session.syncOnChange();
      expect(cycle?.sync?.written).toContain('strategy/canvas/13-metrics.md');
      expect(markdownParserLoaded()).toBe(true);
      // The block was written; the marker shown in code was left as it is.
      expect(wonArr(dir)).toBe('48,000');
      expect(readFileSync(metrics, 'utf8')).toContain(example);
    } finally {
      await session.close();
    }
  });
});
