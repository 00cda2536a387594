import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { exampleWorkspace } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

/*
 * read_thread over MCP answers from the server's warm session, which holds every thread's
 * broken files; a cold read of one thread reads only it beside the canvas and config. The
 * served `held` listed another deal's hold among this thread's — no part of its values, and
 * unlike the cold answer. Each thread's answer names the holds outside threads and its own.
 */
const ENV = { THREADWORK_TODAY: '2026-11-20' };
const BROKEN = 'threads/sales/harbor-lending';
const READ = 'threads/sales/keel-neobank';

type View = { path: string; held: Diagnostic[] };

describe('read_thread names the holds of the thread read, served as cold', () => {
  it('leaves another deal\'s hold out, and keeps the thread\'s own', async () => {
    const dir = exampleWorkspace();
    // A cross-file error (an unknown assumption) beside a new ARR: sync holds the deal at HEAD.
    const learning = join(dir, BROKEN, '6-learning.md');
    writeFileSync(learning, readFileSync(learning, 'utf8').replace('arr: 36000', 'arr: 90000').replace('assumption: A1\n', 'assumption: A99\n'));
    const mcp = await connectMcp(dir, ENV);
    const other = await mcp.ok<View>('read_thread', { thread: READ });
    const own = await mcp.ok<View>('read_thread', { thread: BROKEN });
    expect(own.held.map((d) => d.path)).toEqual([`${BROKEN}/6-learning.md`]);
    expect(other.held).toEqual([]);
    // The library's cold read gives the same.
    const previous = process.env.THREADWORK_TODAY;
    process.env.THREADWORK_TODAY = ENV.THREADWORK_TODAY;
    try {
      const cold = await (await openWorkspace(dir)).readThread(READ);
      expect(cold.held).toEqual(other.held);
    } finally {
      if (previous === undefined) delete process.env.THREADWORK_TODAY;
      else process.env.THREADWORK_TODAY = previous;
    }
  });
});
