import { performance } from 'node:perf_hooks';

/**
 * Phase timings of a transaction, printed to stderr when `THREADWORK_TIMING=1`: how
 * `bench/` and anyone chasing a slow run see where the time went (load, derive, write,
 * commit) without a profiler. Costs one clock read per phase otherwise.
 */
export class PhaseTimer {
  private readonly enabled = process.env.THREADWORK_TIMING === '1';
  private last = performance.now();
  private readonly phases: [string, number][] = [];

  mark(phase: string): void {
    if (!this.enabled) return;
    const now = performance.now();
    this.phases.push([phase, now - this.last]);
    this.last = now;
  }

  /** Prints the phases and the process's peak RSS so far (where memory peaks is the other question a slow run raises). */
  report(what: string): void {
    if (!this.enabled || this.phases.length === 0) return;
    const parts = this.phases.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stderr.write(`threadwork timing ${what}: ${parts.join(', ')}; peak RSS ${peakMb} MB\n`);
  }
}
