import { diagnostic, formatDiagnostic, START } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { missingMetaMessage } from '../check/references.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { classifyPath } from '../workspace/layout.js';

function isMisnamedMetaOf(path: string, thread: string): boolean {
  const kind = classifyPath(path);
  return kind.kind === 'meta-misnamed' && kind.thread === thread;
}

/**
 * The refusal of a write into a thread whose meta.json is missing or invalid, with each of
 * its errors at its line and column — in the message and in `diagnostics`, as
 * `stage-invalid` and `thread-in-error` carry them — so that a person or an agent knows
 * which line to fix without running `check`. The errors are the model's diagnostics of the
 * file, which name it as it is on disk even where derivation holds it (a meta.json never
 * valid is held as absent: it is broken, not missing).
 */
export function invalidMeta(refusing: string, model: WorkspaceModel, thread: string): ThreadworkError {
  const path = `${thread}/meta.json`;
  // A meta.json a desktop renamed (`meta (1).json`) is named too, with what to do: "missing" alone hid the file that is there.
  const errors = model.diagnostics.filter((d) => d.severity === 'error' && (d.path === path || isMisnamedMetaOf(d.path, thread)));
  const diagnostics = errors.length > 0 ? errors : [diagnostic(path, START, 'error', 'thread-meta-missing', missingMetaMessage(thread))];
  return new ThreadworkError(`${refusing}: its meta.json is not valid:\n${diagnostics.map(formatDiagnostic).join('\n')}`, 'invalid-meta', { thread, path, diagnostics });
}
