import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { Locators } from './locators.js';
import { checkReferences } from './references.js';

export interface CheckResult {
  ok: boolean;
  errors: number;
  warnings: number;
  files: number;
  threads: number;
  diagnostics: Diagnostic[];
}

/** All problems of a loaded workspace, sorted by file and position. Never prints. */
export function checkModel(model: WorkspaceModel): CheckResult {
  const diagnostics = [...model.diagnostics, ...checkReferences(model, new Locators(model.root))].sort(compareDiagnostics);
  return {
    ok: !hasErrors(diagnostics),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    files: model.files.size,
    threads: model.threads.size,
    diagnostics,
  };
}
