/**
 * Word of the long steps of a run — reading, writing or committing thousands of files —
 * for a person waiting at a terminal: a first sync of 10,000 deals takes ~12 s on two
 * cores, and said nothing until it was done. The engine names a step here; the CLI shows
 * it on stderr when stderr is a terminal (src/cli/progress-line.ts), and nothing listens
 * anywhere else (a library caller, the MCP server, watch), so it costs a comparison.
 */
export type ProgressListener = (step: string) => void;

let listener: ProgressListener | undefined;

/** Steps over fewer files than this end within a blink (a few hundred ms at most): not worth a word. */
export const PROGRESS_FROM = 2000;

/** Who hears of long steps from now on (undefined: nobody). */
export function listenToProgress(next: ProgressListener | undefined): void {
  listener = next;
}

/** Says a step over `files` files is starting — `reading 70,720 files` — when someone listens and it is long. */
export function progress(step: 'reading' | 'writing' | 'committing', files: number): void {
  if (listener && files >= PROGRESS_FROM) listener(`${step} ${files.toLocaleString('en-US')} files`);
}
