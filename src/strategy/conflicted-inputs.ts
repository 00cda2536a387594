import type { Diagnostic } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import type { WorkspaceModel } from '../workspace/model.js';

/** The config is read for the company and the templates: an input of the strategy as the canvas is. */
const CONFIG = 'threadwork.config.yaml';

/**
 * `threadwork strategy` refused while a file it is generated from (a canvas section, the
 * config) still holds a merge conflict with a version to choose. Derivation holds such a file
 * at its last valid version — ours while the merge is stopped — so the strategy would be
 * written from one side, and the generated files git left conflicted overwritten with it:
 * the version the person has not chosen yet gone from every sales material without a word.
 * A conflict only in a block threadwork derives is a warning, and no input: the prose read
 * leaves those blocks out (canvas-text.ts).
 *
 * `current` is the workspace as it is on disk (what `check` validates), not as derivation holds it.
 */
export function refuseConflictedInputs(current: WorkspaceModel): void {
  const conflicts = [...current.canvas.values(), current.files.get(CONFIG)]
    .flatMap((file) => file?.diagnostics ?? [])
    .filter((d): d is Diagnostic => d.rule === 'merge-conflict' && d.severity === 'error')
    .sort((a, b) => a.path.localeCompare(b.path));
  const first = conflicts[0];
  if (!first) return;
  const others = conflicts.slice(1).map((d) => d.path);
  const also = others.length ? ` (and in ${others.join(', ')})` : '';
  throw new ThreadworkError(
    `Cannot generate the strategy: ${first.path}:${first.line}:${first.column} still holds git's conflict markers${also}, and the strategy is generated from it: ` +
      "keep the version you want and delete the `<<<<<<<`, `=======` and `>>>>>>>` lines, then run `threadwork strategy` again (generated from one side, every sales material would carry a version you have not chosen); nothing was written",
    'strategy-conflicted',
    { path: first.path, line: first.line, column: first.column, conflicted: conflicts.map((d) => d.path) },
  );
}
