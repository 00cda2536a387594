import pc from 'picocolors';
import { listenToProgress } from '../progress.js';

/**
 * Shows the engine's long steps (src/progress.ts: `reading 70,720 files…`) on stderr while
 * a command runs — never on stdout, which holds the result (one JSON document with
 * --json). On a terminal, as one line rewritten in place and cleared before the command
 * prints; with THREADWORK_PROGRESS=1 (a log file, a test), as plain lines; otherwise not at
 * all, so a script or an agent reading stderr sees what it saw before. Returns what ends
 * it.
 */
export function showProgress(stream: NodeJS.WriteStream = process.stderr): () => void {
  const plain = process.env.THREADWORK_PROGRESS === '1';
  if (!plain && !stream.isTTY) return () => {};
  let shown = false;
  listenToProgress((step) => {
    if (plain) {
      stream.write(`${step}…\n`);
      return;
    }
    stream.write(`\r\x1b[K${pc.dim(`${step}…`)}`);
    shown = true;
  });
  return () => {
    listenToProgress(undefined);
    if (shown) stream.write('\r\x1b[K');
    shown = false;
  };
}
