import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { exampleWorkspace } from './helpers/example.js';
import { testdir } from './helpers/testdir.js';

/**
 * What a fresh `threadwork` process loads decides how long a command on a workspace at
 * rest takes: the engine (engine/transaction.ts and the ~200 modules under it) costs
 * 0.1–0.35 s to load, as much as the whole lookup of a known result at 10,000 deals. The
 * real CLI runs with a module hook (helpers/module-log) that writes down every module
 * resolved; each test also sees the module loaded when the work needs it, so a hook that
 * saw nothing could not pass. The CLI is bundled (scripts/bundle-cli.js): a module is
 * loaded when a chunk holding it is, which the bundle's metafile says.
 */
const REGISTER = new URL('./helpers/module-log/register.mjs', import.meta.url).href;

async function cliLoading(args: string[], cwd: string): Promise<{ json: Record<string, unknown>; modules: string[] }> {
  const log = join(testdir(), 'modules.log');
  writeFileSync(log, '');
  const { json } = await runJson(args, { cwd, env: { NODE_OPTIONS: `--import ${REGISTER}`, THREADWORK_MODULE_LOG: log } });
  return { json, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const bundle = JSON.parse(readFileSync(new URL('../dist/bundle/meta.json', import.meta.url), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };

/**
 * The bundle's files (`dist/bundle/chunk-….js`) that hold a module whose path starts with
 * `input` — a package's wherever its node_modules is (a worktree's may be a link to another
 * checkout's, which the metafile names by its real path).
 */
function chunksHolding(input: string): string[] {
  const holds = (path: string): boolean => path.startsWith(input) || (input.startsWith('node_modules/') && path.includes(`/${input}`));
  const chunks = Object.entries(bundle.outputs).filter(([, output]) => Object.keys(output.inputs).some(holds));
  expect(chunks, `no chunk of the bundle holds ${input}`).not.toEqual([]);
  return chunks.map(([file]) => file);
}

const loaded = (modules: string[], input: string): boolean => {
  const chunks = chunksHolding(input);
  return modules.some((url) => chunks.some((chunk) => url.endsWith(`/${chunk}`)));
};
const ENGINE = 'dist/engine/transaction.js';
const REMARK = 'node_modules/remark-parse/';
const JS_YAML = 'node_modules/js-yaml/';
const LOCKFILE = 'node_modules/proper-lockfile/';

/** Files modified in the last two seconds are too fresh to key a cache on: wait them out. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2100));

describe('what a fresh CLI process loads', () => {
  it('sync: the engine only when the workspace is not at a fixed point it knows, remark only for markers it cannot place without it', async () => {
    const dir = exampleWorkspace();
    const first = await cliLoading(['sync'], dir);
    expect(loaded(first.modules, ENGINE)).toBe(true); // nothing stored yet: the engine ran
    await settle();
    // At the fixed point; stores it, unless the first run did already (none of its files was
    // racy: on a loaded machine the copy can be more than two seconds old when it runs).
    const second = await cliLoading(['sync'], dir);
    expect(second.json.written).toEqual([]);

    const atRest = await cliLoading(['sync'], dir);
    expect(atRest.json).toMatchObject({ written: [], commit: null });
    expect(loaded(atRest.modules, 'dist/sync/run.js')).toBe(true);
    expect(loaded(atRest.modules, ENGINE)).toBe(false);
    expect(loaded(atRest.modules, LOCKFILE)).toBe(true); // a sync takes the workspace lock

    // An edit: the engine is loaded and derives; the blocks it edits hold markers on their own lines, no remark.
    const learning = join(dir, 'threads/sales/harbor-lending/6-learning.md');
    writeFileSync(learning, readFileSync(learning, 'utf8').replace(/^arr: .*$/m, 'arr: 123456'));
    const edited = await cliLoading(['sync'], dir);
    expect(edited.json.written).not.toEqual([]);
    expect(loaded(edited.modules, ENGINE)).toBe(true);
    expect(loaded(edited.modules, REMARK)).toBe(false);

    // A marker shown in a code block of the metrics file: now the block's place needs the parse.
    const metrics = join(dir, 'strategy/canvas/13-metrics.md');
    writeFileSync(metrics, readFileSync(metrics, 'utf8').replace(/^# .*$/m, (title) => `${title}\n\n\`\`\`md\n<!-- threadwork:begin metrics -->\n\`\`\`\n`));
    const fenced = await cliLoading(['sync'], dir);
    expect(loaded(fenced.modules, REMARK)).toBe(true);
    expect(fenced.json.diagnostics).toEqual([]);
    expect(readFileSync(metrics, 'utf8')).toContain('```md\n<!-- threadwork:begin metrics -->\n```');
  });

  it('check: the engine only when no stored result fits; a stored result loads no YAML reader and no lock', async () => {
    const dir = exampleWorkspace();
    await settle();
    const cold = await cliLoading(['check'], dir);
    expect(loaded(cold.modules, 'dist/engine/state.js')).toBe(true);
    expect(loaded(cold.modules, JS_YAML)).toBe(true); // the files were read and their front matter parsed
    const stored = await cliLoading(['check'], dir);
    expect(stored.json).toMatchObject({ ok: cold.json.ok, files: cold.json.files });
    expect(loaded(stored.modules, 'dist/engine/stored-check.js')).toBe(true);
    expect(loaded(stored.modules, 'dist/engine/state.js')).toBe(false);
    // Nothing to parse and nothing to write: js-yaml and proper-lockfile (with graceful-fs and
    // the node:assert its signal-exit loads) cost a cached check ~25 ms of CPU to load.
    expect(loaded(stored.modules, JS_YAML)).toBe(false);
    expect(loaded(stored.modules, LOCKFILE)).toBe(false);
  });
});
