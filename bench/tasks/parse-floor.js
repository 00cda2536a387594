// Task `parse-floor`: the least a cold check can cost with the design's YAML engine. Reads
// every file the floor reads (readFileSync) and parses what the engine parses — each
// Markdown file's front matter and each YAML file with js-yaml 4 (the engine's schema),
// each JSON file with JSON.parse — and nothing else: no validation, no positions, no state,
// no cross-check. On as many lanes as the cold check reads and parses on (the engine's
// parseWorkers: at 10,000 deals this thread and one worker thread; at 1,000 this thread
// alone), chunks of 256 files dealt in turn.
//
//   node bench/tasks/parse-floor.js <workspace> → one JSON line: {ms, files, blocks, lanes, maxRssKb}
//
// `ms` includes the worker's start (as the check's does). What it shows: how much of a cold
// check's cost is reading and the YAML engine alone, whatever the engine does besides.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { load } from 'js-yaml';
import { YAML_CORE_SCHEMA } from '../../dist/markdown/yaml.js';
import { parseWorkers } from '../../dist/workspace/parse-pool.js';
import { walkWorkspaceFiles } from './walk.js';

const CHUNK = 256;
// The front matter: a `---` line, the YAML, a closing `---` line (the engine's own rule, without its checks).
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*\r?$/m;

/** Reads and parses each file; how many YAML blocks it parsed. */
function readAndParse(paths) {
  let blocks = 0;
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    if (path.endsWith('.json')) JSON.parse(text);
    else if (path.endsWith('.yaml')) {
      load(text, { schema: YAML_CORE_SCHEMA });
      blocks += 1;
    } else if (path.endsWith('.md')) {
      const match = FRONT_MATTER.exec(text);
      if (match) {
        load(match[1], { schema: YAML_CORE_SCHEMA });
        blocks += 1;
      }
    }
  }
  return blocks;
}

if (!isMainThread) {
  parentPort.postMessage(readAndParse(workerData.paths));
} else {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: node bench/tasks/parse-floor.js <workspace>');
  const started = performance.now();
  // The files floor.js reads, in its order (the config only when there is one, as there).
  const paths = [];
  walkWorkspaceFiles(dir, (path) => {
    if (paths.length > 0 || existsSync(path)) paths.push(path);
  });
  const lanes = 1 + parseWorkers(paths.length);
  const share = (lane) => paths.filter((_, i) => Math.floor(i / CHUNK) % lanes === lane);
  const workers = Array.from({ length: lanes - 1 }, (_, k) => new Worker(new URL(import.meta.url), { workerData: { paths: share(k + 1) } }));
  const theirs = workers.map(
    (worker) =>
      new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  let blocks = readAndParse(share(0));
  for (const count of await Promise.all(theirs)) blocks += count;
  await Promise.all(workers.map((worker) => worker.terminate()));
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, files: paths.length, blocks, lanes, maxRssKb: process.resourceUsage().maxRSS }));
}
