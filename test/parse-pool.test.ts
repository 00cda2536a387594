import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import { parseChunk, parseFilesInParallel, type ParseOutcome } from '../src/workspace/parse-pool.js';
import { scanWorkspace } from '../src/workspace/scan.js';
import { exampleWorkspace } from './helpers/example.js';
import { testdir, writeFiles } from './helpers/testdir.js';

// The parse pool reads and parses a cold load's files on worker threads (the built
// engine in dist/, which `npm test` builds first) and the main thread.

/** The example workspace with broken, hostile and special files added, and 40 more deals. */
function mixedWorkspace(): string {
  const dir = exampleWorkspace();
  const deals = join(dir, 'threads/sales');
  const first = readdirSync(deals)[0]!;
  for (let i = 0; i < 40; i++) execFileSync('cp', ['-r', join(deals, first), join(deals, `copy-${i}`)]);
  writeFiles(dir, {
    'threads/sales/copy-1/1-input.md': '---\ntitle: [unclosed\n---\nBroken YAML\n',
    'threads/sales/copy-2/meta.json': '{"type": "sales", "stage": 99}\n',
    'threads/sales/copy-3/meta.json': '{"type": ',
    'goals/not-a-goal.md': '---\nid: 12\n---\n',
  });
  const outside = testdir({ 'secret.md': '---\ntitle: not yours\n---\n' });
  symlinkSync(join(outside, 'secret.md'), join(deals, 'copy-4/9-linked.md'));
  execFileSync('mkfifo', [join(deals, 'copy-5/notes.md')]);
  return dir;
}

const withWorkers = async <T>(workers: string | undefined, run: () => Promise<T>): Promise<T> => {
  const before = process.env.THREADWORK_PARSE_WORKERS;
  if (workers === undefined) delete process.env.THREADWORK_PARSE_WORKERS;
  else process.env.THREADWORK_PARSE_WORKERS = workers;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.THREADWORK_PARSE_WORKERS;
    else process.env.THREADWORK_PARSE_WORKERS = before;
  }
};

afterEach(() => {
  delete process.env.THREADWORK_PARSE_WORKERS;
});

describe('the parse pool', () => {
  it('gives a check exactly the diagnostics a load on one thread gives, broken, hostile and special files included', async () => {
    const dir = mixedWorkspace();
    const serial = await withWorkers('0', async () => (await openWorkspace(dir)).check({ cache: false }));
    const pooled = await withWorkers('2', async () => (await openWorkspace(dir)).check({ cache: false }));
    expect(serial.errors).toBeGreaterThan(3);
    expect(serial.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['path-refused', 'special-file']));
    expect(pooled).toEqual(serial);
  });

  it('hands every outcome over in the order of the paths, whichever lane finished first', async () => {
    const dir = mixedWorkspace();
    const { files } = scanWorkspace(dir);
    // A link and a FIFO the scan would refuse: read anyway, each must fail as on one thread.
    const refused = ['threads/sales/copy-4/9-linked.md', 'threads/sales/copy-5/notes.md'];
    const paths = [...files, ...refused, ...files, ...files]; // more than a few chunks of 256
    const seen: ParseOutcome[] = [];
    const { byWorkers } = await parseFilesInParallel(dir, paths, 2, (outcome) => seen.push(outcome), { workerFirst: true });
    expect(byWorkers).toBeGreaterThan(0);
    expect(seen.map((o) => o.path)).toEqual(paths);
    const head = [...files, ...refused];
    const here = parseChunk({ root: dir, paths: head, metaTexts: false, knownHashes: undefined, chunk: head.length }, 0);
    const parsed = (o: ParseOutcome | (typeof here)[number]) => ('error' in o ? { path: o.path, error: { message: o.error.message, code: o.error.code } } : o);
    expect(seen.slice(0, files.length + 2).map(parsed)).toEqual(here.map(parsed));
    // An unreadable file's error keeps its code across the thread boundary.
    expect(seen.filter((o) => 'error' in o).map((o) => 'error' in o && o.error.code)).toEqual(['path-refused', 'special-file']);
  });

  it('sends each meta.json\'s text back, from every lane, only when asked', async () => {
    const dir = mixedWorkspace();
    const { files } = scanWorkspace(dir);
    const paths = [...files, ...files, ...files];
    const texts = new Map<string, string | undefined>();
    const { byWorkers } = await parseFilesInParallel(dir, paths, 2, (o) => void ('parsed' in o && texts.set(o.path, o.text)), { workerFirst: true, metaTexts: true });
    expect(byWorkers).toBeGreaterThan(0);
    const metas = files.filter((path) => path.endsWith('/meta.json'));
    expect(metas.length).toBeGreaterThan(40);
    for (const path of metas) expect(texts.get(path)).toBe(readFileSync(join(dir, path), 'utf8'));
    expect(files.filter((path) => !path.endsWith('/meta.json') && texts.get(path) !== undefined)).toEqual([]);
    const without: (string | undefined)[] = [];
    await parseFilesInParallel(dir, paths, 2, (o) => void ('parsed' in o && without.push(o.text)), { workerFirst: true });
    expect(without.filter((text) => text !== undefined)).toEqual([]);
  });

  it('parses the chunks of a worker that cannot start on the main thread', async () => {
    const dir = mixedWorkspace();
    const { files } = scanWorkspace(dir);
    const broken = join(testdir(), 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("this worker never starts");\n');
    const seen: string[] = [];
    const { byWorkers } = await parseFilesInParallel(dir, [...files, ...files], 2, (outcome) => seen.push(outcome.path), { workerUrl: new URL(`file://${broken}`), workerFirst: true });
    expect(byWorkers).toBe(0);
    expect(seen).toEqual([...files, ...files]);
  });

  it('parses on the main thread a chunk a worker took and never delivered', async () => {
    const dir = mixedWorkspace();
    const { files } = scanWorkspace(dir);
    const paths = [...files, ...files, ...files];
    // A worker that takes the first chunk it can, then dies with it.
    const here = testdir();
    const dying = join(here, 'dying-worker.mjs');
    const taken = join(here, 'taken');
    const pool = new URL('../dist/workspace/parse-pool.js', import.meta.url).href;
    writeFileSync(dying, `import { writeFileSync } from 'node:fs';\nimport { workerData } from 'node:worker_threads';\nimport { takeChunk } from '${pool}';\nwriteFileSync(${JSON.stringify(taken)}, String(takeChunk(workerData)));\nprocess.exit(3);\n`);
    const seen: ParseOutcome[] = [];
    // The main thread waits for the worker's first chunk: the worker takes chunk 0 and dies with it.
    const { byWorkers } = await parseFilesInParallel(dir, paths, 1, (outcome) => seen.push(outcome), { workerUrl: new URL(`file://${dying}`), workerFirst: true });
    expect(readFileSync(taken, 'utf8')).toBe('0');
    expect(byWorkers).toBe(0);
    expect(seen.map((o) => o.path)).toEqual(paths);
  });
});
