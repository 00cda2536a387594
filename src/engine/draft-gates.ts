import { checkAutonomyGates } from '../check/autonomy-gates.js';
import { Locators } from '../check/locators.js';
import type { Diagnostic } from '../diagnostics.js';
import { classifyPath } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';

/**
 * The autonomy gates' errors (`approved-below-quality`, `approved-do-not-contact`, …) of
 * the drafts among `paths` — the sources a run has in question; undefined: every draft. A
 * draft derives nothing, so these errors were check's alone, and sync treated an approved
 * draft edited below the gate as a valid source: it told the person to commit it, or
 * committed it as a trigger beside an aggregate it wrote. With them, the draft is a file
 * in error like any other: named, never committed. The gates run only in a run with a
 * draft in question (they read every approved draft: the daily caps are per sender).
 */
export function draftGateErrors(model: WorkspaceModel, paths: readonly string[] | undefined): Diagnostic[] {
  const drafts = paths === undefined ? undefined : new Set(paths.filter((path) => classifyPath(path).kind === 'draft'));
  if (drafts !== undefined && drafts.size === 0) return [];
  return checkAutonomyGates(model, new Locators((path) => model.text(path))).filter((d) => d.severity === 'error' && (drafts === undefined || drafts.has(d.path)));
}
