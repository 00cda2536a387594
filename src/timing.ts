import { performance } from 'node:perf_hooks';

const enabled = (): boolean => process.env.THREADWORK_TIMING === '1';

/**
 * The child processes (git, `sync -f`) this process has waited on, summed: their count and
 * wall time. `process.cpuUsage()` counts this process only, so a phase that waits on git
 * shows little CPU; this says how much of its wall time was a child's.
 */
const children = { count: 0, ms: 0 };

const untimed = (): void => undefined;

/**
 * Call when a child process starts; call what it returns when it has exited. Costs nothing
 * unless `THREADWORK_TIMING=1`. Children that run at the same time each count their own
 * wall time, so the sum can exceed the phase's.
 */
export function timeChild(): () => void {
  if (!enabled()) return untimed;
  const started = performance.now();
  return () => {
    children.count += 1;
    children.ms += performance.now() - started;
  };
}

interface Phase {
  name: string;
  wallMs: number;
  cpuMs: number;
  childCount: number;
  childMs: number;
}

const cpuMsBetween = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number => (to.user - from.user + to.system - from.system) / 1000;

const describePhase = ({ name, wallMs, cpuMs: cpu, childCount, childMs }: Phase): string => {
  const child = childCount ? `; ${childCount} child ${childCount === 1 ? 'process' : 'processes'} ${childMs.toFixed(0)} ms wall` : '';
  return `${name} ${wallMs.toFixed(0)} ms (cpu ${cpu.toFixed(0)}${child})`;
};

/**
 * Phase timings of a transaction, printed to stderr when `THREADWORK_TIMING=1`: how
 * `bench/` and anyone chasing a slow run see where the time went (load, derive, write,
 * commit) without a profiler. Each phase gives its wall time, this process's CPU time
 * (user + system, `process.cpuUsage()`) and, when it waited on child processes, their
 * number and summed wall time (a child's CPU is not visible to Node):
 *
 *     threadwork timing sync: fingerprint 281 ms (cpu 262), …, commit and caches 96 ms (cpu 41; 5 child processes 63 ms wall); total 1012 ms (cpu 884); peak RSS 310 MB
 *
 * On a shared machine the CPU column is the figure to compare: wall time includes waiting
 * for a core. Costs nothing otherwise.
 */
export class PhaseTimer {
  private readonly enabled = enabled();
  private last = this.enabled ? this.now() : undefined;
  private readonly phases: Phase[] = [];

  private now(): { wall: number; cpu: NodeJS.CpuUsage; childCount: number; childMs: number } {
    return { wall: performance.now(), cpu: process.cpuUsage(), childCount: children.count, childMs: children.ms };
  }

  mark(phase: string): void {
    if (!this.enabled || !this.last) return;
    const now = this.now();
    this.phases.push({ name: phase, wallMs: now.wall - this.last.wall, cpuMs: cpuMsBetween(this.last.cpu, now.cpu), childCount: now.childCount - this.last.childCount, childMs: now.childMs - this.last.childMs });
    this.last = now;
  }

  /** Prints the phases, their total and the process's peak RSS so far (where memory peaks is the other question a slow run raises). */
  report(what: string): void {
    if (!this.enabled || this.phases.length === 0) return;
    const parts = this.phases.map(describePhase);
    const total = this.phases.reduce((sum, phase) => ({ ...sum, wallMs: sum.wallMs + phase.wallMs, cpuMs: sum.cpuMs + phase.cpuMs, childCount: sum.childCount + phase.childCount, childMs: sum.childMs + phase.childMs }), { name: 'total', wallMs: 0, cpuMs: 0, childCount: 0, childMs: 0 });
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stderr.write(`threadwork timing ${what}: ${parts.join(', ')}; ${describePhase(total)}; peak RSS ${peakMb} MB\n`);
  }
}
