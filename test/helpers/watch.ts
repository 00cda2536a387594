import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach } from 'vitest';
import { BIN } from './cli.js';

export interface WatchLine {
  event: 'ready' | 'cycle' | 'error' | 'stopping' | 'stopped' | 'uncommitted' | 'engine-replaced';
  uncommitted?: string[] | null;
  kind?: string;
  command?: string;
  trigger?: string[];
  deleted?: string[];
  written?: string[];
  commit?: { committed: boolean; commit?: string; paths?: string[] } | null;
  recovered?: { committed: boolean; commit?: string; paths?: string[] } | null;
  diagnostics?: { path: string; line: number; column: number; rule: string; message: string }[];
  fixed?: string[];
  changes?: { description: string }[];
  message?: string;
  serving?: boolean;
  signal?: string;
  running?: string;
  installed?: string;
}

/** A real `threadwork watch --json` process and the JSON lines it printed (`text: true`: `threadwork watch`, its lines in `text`). */
export class WatchProcess {
  readonly lines: WatchLine[] = [];
  /** Every line printed, as printed. */
  readonly text: string[] = [];
  stderr = '';
  exitCode: number | null | undefined;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  /** `options.bin`: another installed copy of threadwork's CLI (an engine of its own). */
  constructor(dir: string, args: string[] = [], env: Record<string, string> = {}, options: { text?: boolean; bin?: string } = {}) {
    this.child = spawn(process.execPath, [options.bin ?? BIN, 'watch', ...(options.text ? [] : ['--json']), '--dir', dir, ...args], {
      env: { ...process.env, NO_COLOR: '1', THREADWORK_WATCH_DEBOUNCE_MS: '150', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!line.trim()) continue;
        this.text.push(line);
        if (!options.text) this.lines.push(JSON.parse(line) as WatchLine);
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve((this.exitCode = code))));
  }

  get pid(): number {
    return this.child.pid!;
  }

  cycles(): WatchLine[] {
    return this.lines.filter((l) => l.event === 'cycle' && l.kind !== 'startup');
  }

  ready(): Promise<void> {
    return waitFor(() => this.lines.some((l) => l.event === 'ready') || this.text.some((l) => l.startsWith('watching ')), 'the watcher to be ready', () => this.describe());
  }

  /** Waits until `count` change cycles have been printed. */
  cycle(count: number): Promise<void> {
    return waitFor(() => this.cycles().length >= count, `${count} cycle(s)`, () => this.describe());
  }

  /** Closes the reading end of its stdout, as `watch --json | head -1` does once head has its line. */
  closeOutput(): void {
    this.child.stdout!.destroy();
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(): Promise<number | null> {
    if (this.exitCode === undefined) this.child.kill('SIGTERM');
    return this.exited;
  }

  async kill(): Promise<void> {
    if (this.exitCode === undefined) this.child.kill('SIGKILL');
    await this.exited;
  }

  exit(): Promise<number | null> {
    return this.exited;
  }

  describe(): string {
    return `lines:\n${this.text.join('\n')}\nstderr:\n${this.stderr}`;
  }
}

/** Polls every 20 ms until `predicate` holds; on timeout fails with what was seen. */
export async function waitFor(predicate: () => boolean, what: string, seen: () => string = () => '', timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${seen()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Starts real `threadwork watch` processes for a test file, each killed once its test ends:
 * call it once at the top of the file (it registers the afterEach).
 */
export function watchStarter(): (dir: string, args?: string[], env?: Record<string, string>, options?: { text?: boolean; bin?: string }) => WatchProcess {
  const running: WatchProcess[] = [];
  afterEach(async () => {
    for (const w of running.splice(0)) await w.kill();
  });
  return (dir, args = [], env = {}, options = {}) => {
    const w = new WatchProcess(dir, args, env, options);
    running.push(w);
    return w;
  };
}
