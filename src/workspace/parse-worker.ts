import { parentPort, workerData } from 'node:worker_threads';
import { parseChunk, takeChunk, type ParseJob } from './parse-pool.js';

/**
 * A worker of the parse pool (parse-pool.ts): takes the next chunk of the paths while
 * there is one, and posts each chunk's outcomes as it finishes.
 */
const job = workerData as ParseJob;
for (let index = takeChunk(job); index >= 0; index = takeChunk(job)) {
  parentPort!.postMessage({ index, outcomes: parseChunk(job, index) });
}
