import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generateWorkspace } from '../bench/generate.js';
import { showProgress } from '../src/cli/progress-line.js';
import { commitPaths } from '../src/git/commit.js';
import { listenToProgress, progress, PROGRESS_FROM } from '../src/progress.js';
import { writeFilesIfChanged } from '../src/workspace/write.js';
import { runJson } from './helpers/cli.js';
import { gitEnv, gitInit } from './helpers/git.js';
import { testdir } from './helpers/testdir.js';

/**
 * A run over thousands of files says what it is doing (src/progress.ts): on a terminal, one
 * line on stderr rewritten in place (src/cli/progress-line.ts); with THREADWORK_PROGRESS=1,
 * plain lines; never on stdout, and not at all for a short step or a stderr that is not a
 * terminal (a script, an agent: what they read is unchanged).
 */
afterEach(() => {
  listenToProgress(undefined);
  vi.unstubAllEnvs();
});

function heard(): string[] {
  const steps: string[] = [];
  listenToProgress((step) => steps.push(step));
  return steps;
}

describe('word of long steps', () => {
  it(`is given for a step over ${PROGRESS_FROM.toLocaleString('en-US')} files or more, and only to a listener`, () => {
    progress('reading', 50_000); // nobody listens: nothing to hear, nothing thrown
    const steps = heard();
    progress('reading', PROGRESS_FROM - 1);
    progress('writing', PROGRESS_FROM);
    progress('committing', 70_720);
    expect(steps).toEqual(['writing 2,000 files', 'committing 70,720 files']);
  });

  it('names the files a batch writes and a commit takes, and a batch with nothing to write says nothing', async () => {
    const dir = testdir();
    gitInit(dir, { commit: false });
    const files = Array.from({ length: PROGRESS_FROM }, (_, i) => ({ path: `notes/n${i}.md`, content: `note ${i}\n` }));
    const steps = heard();
    expect(await writeFilesIfChanged(dir, files)).toHaveLength(PROGRESS_FROM);
    expect(await writeFilesIfChanged(dir, files)).toEqual([]);
    for (const [name, value] of Object.entries(gitEnv())) if (name.startsWith('GIT_')) vi.stubEnv(name, value);
    const outcome = await commitPaths({ cwd: dir, paths: files.map((f) => f.path), message: 'notes' });
    expect(outcome.committed).toBe(true);
    expect(steps).toEqual(['writing 2,000 files', 'committing 2,000 files']);
  }, 60_000);

  it('is one line on a terminal, rewritten in place and cleared when the command ends; nothing on a pipe', () => {
    const stream = (isTTY: boolean): { writes: string[] } & NodeJS.WriteStream => {
      const writes: string[] = [];
      return Object.assign({ writes, isTTY, write: (text: string) => writes.push(text) > 0 }) as unknown as { writes: string[] } & NodeJS.WriteStream;
    };
    const terminal = stream(true);
    const end = showProgress(terminal);
    progress('reading', 70_720);
    progress('writing', 10_299);
    end();
    // NO_COLOR is set for the tests: on a colour terminal the step is dimmed.
    expect(terminal.writes).toEqual(['\r\u001b[Kreading 70,720 files…', '\r\u001b[Kwriting 10,299 files…', '\r\u001b[K']);
    const pipe = stream(false);
    const endPipe = showProgress(pipe);
    progress('reading', 70_720);
    endPipe();
    expect(pipe.writes).toEqual([]);
  });

  it('shows on the CLI\'s stderr, never on stdout, and only when asked for or on a terminal', async () => {
    const dir = testdir();
    generateWorkspace(dir, { deals: 300, seed: 7 });
    gitInit(dir);
    const env = { ...gitEnv(), THREADWORK_TODAY: '2026-12-31' };
    const shown = await runJson<{ ok: boolean }>(['check', '--no-cache', '--dir', dir], { env: { ...env, THREADWORK_PROGRESS: '1' } });
    expect(shown.json.ok).toBe(true);
    const reading = /^reading ([\d,]+) files…\n$/.exec(shown.stderr);
    expect(reading, shown.stderr).not.toBeNull();
    expect(Number(reading![1]!.replaceAll(',', ''))).toBeGreaterThanOrEqual(300 * 7);
    // stderr here is a pipe, not a terminal: nothing, as before.
    const quiet = await runJson<{ ok: boolean }>(['check', '--no-cache', '--dir', dir], { env });
    expect(quiet.json).toEqual(shown.json);
    expect(quiet.stderr).toBe('');
  }, 60_000);
});
