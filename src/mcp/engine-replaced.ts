import { engineIdentity, installedEngineIdentity } from '../engine/cache.js';
import { ThreadworkError } from '../errors.js';

/** How long an answer "still the installed engine" is taken as true: a burst of writes asks once. */
const STILL_INSTALLED_FOR_MS = 2000;

/**
 * The check a write tool makes before it writes: whether the engine installed where this
 * server was loaded from is still the one it runs. An upgrade or a rebuild under a running
 * server left it writing with the old code — meta.json derived by an engine the CLI beside
 * it no longer is, each rewriting the other's files (the watcher stops for the same reason:
 * watch/watcher.ts). Once replaced, every write tool is refused until the server is
 * restarted; reads go on, answered by the engine the server runs (docs/mcp.md).
 *
 * Costs a stat of the engine's files (~600, 7–11 ms here): asked at most once per write
 * call and not again for 2 s after an answer that it is unchanged, never by a read. The
 * running identity is taken when the server starts, before any upgrade can come.
 */
export function engineReplacedCheck(told: (running: string, installed: string) => void): (tool: string) => void {
  const running = engineIdentity();
  let replacedBy: string | undefined;
  let stillUntil = 0;
  return (tool) => {
    if (replacedBy === undefined && Date.now() >= stillUntil) {
      const installed = installedEngineIdentity();
      if (installed === running) stillUntil = Date.now() + STILL_INSTALLED_FOR_MS;
      else {
        replacedBy = installed;
        told(running, installed);
      }
    }
    if (replacedBy !== undefined) throw engineReplaced(tool, running, replacedBy);
  };
}

function engineReplaced(tool: string, running: string, installed: string): ThreadworkError {
  return new ThreadworkError(
    `threadwork was updated on disk (this server runs ${running}, ${installed} is installed): ${tool} was not run and nothing was written, so that the two engines do not rewrite each other's files — restart the threadwork MCP server (your client's restart or reconnect of the \`threadwork mcp\` server), then send the call again; reads go on meanwhile`,
    'engine-replaced',
    { tool, running, installed },
  );
}
