import { parentPort, workerData } from 'node:worker_threads';
import { parseChunk, type ParseJob } from './parse-pool.js';

/**
 * A worker of the parse pool (parse-pool.ts): reads and parses every `workers`-th chunk of
 * the paths, starting at its own number, and posts each chunk's outcomes as it finishes.
 */
const job = workerData as ParseJob;
for (let index = job.worker; index * job.chunk < job.paths.length; index += job.workers) {
  parentPort!.postMessage({ index, outcomes: parseChunk(job.root, job.paths.slice(index * job.chunk, (index + 1) * job.chunk)) });
}
