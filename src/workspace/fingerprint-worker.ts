import { parentPort, workerData } from 'node:worker_threads';
import { FOLDERS_PER_CHUNK, memoOf, stampFolders, type StampJob } from './stamp-folders.js';

/**
 * The second thread of a fingerprint (fingerprint.ts): takes the next chunk of thread
 * folders while there is one, and posts each chunk's files and stamps as it finishes.
 */
const job = workerData as StampJob;
const count = Math.ceil(job.dirs.length / FOLDERS_PER_CHUNK);
const memo = memoOf(job);
for (let index = Atomics.add(job.next, 0, 1); index < count; index = Atomics.add(job.next, 0, 1)) {
  const part = stampFolders(job.root, job.dirs.slice(index * FOLDERS_PER_CHUNK, (index + 1) * FOLDERS_PER_CHUNK), job.since, memo);
  parentPort!.postMessage({ index, part }, [part.numbers.buffer as ArrayBuffer]);
}
