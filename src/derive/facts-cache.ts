import type { ThreadRecord, WorkspaceModel } from '../workspace/model.js';
import { LAYOUT } from '../workspace/layout.js';
import type { ThreadFacts } from './thread-facts.js';

/**
 * Remembers each thread's facts between watch cycles. A thread's facts depend only on
 * its own parsed files and on the scoring inputs (config, segments, ICPs, metric
 * targets); the watcher's index keeps a parsed file's object when the file did not
 * change, so object identity tells what must be recomputed. Derivation stays pure: the
 * cache only skips recomputing an identical input.
 */
export class ThreadFactsCache {
  private readonly entries = new Map<string, { inputs: readonly unknown[]; facts: ThreadFacts | undefined }>();
  private context: readonly unknown[] = [];

  /** Call once per cycle: a change to any scoring input invalidates every thread. */
  startCycle(model: WorkspaceModel): void {
    const context = [
      model.files.get(LAYOUT.config),
      model.canvas.get('04-segments'),
      model.canvas.get('13-metrics'),
      ...[...model.files.values()].filter((f) => f.kind.kind === 'icp'),
    ];
    if (context.length !== this.context.length || context.some((c, i) => c !== this.context[i])) this.entries.clear();
    this.context = context;
    for (const path of [...this.entries.keys()]) if (!model.threads.has(path)) this.entries.delete(path);
  }

  facts(thread: ThreadRecord, compute: () => ThreadFacts | undefined): ThreadFacts | undefined {
    const inputs = [thread.meta, ...thread.stages];
    const cached = this.entries.get(thread.path);
    if (cached && cached.inputs.length === inputs.length && cached.inputs.every((input, i) => input === inputs[i])) return cached.facts;
    const facts = compute();
    this.entries.set(thread.path, { inputs, facts });
    return facts;
  }
}
