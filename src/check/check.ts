import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics.js';
import { strategyContext } from '../strategy/context.js';
import { missingInputDiagnostics, readCanvasTexts } from '../strategy/refresh.js';
import { LAYOUT } from '../workspace/layout.js';
import { segmentsOf } from '../workspace/model.js';
import { hasValue } from '../workspace/parse-file.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { Locators } from './locators.js';
import { checkAutonomyGates } from './autonomy-gates.js';
import { checkDecisions } from './decisions.js';
import { checkDrafts } from './draft-quality.js';
import { checkExperiments } from './experiments.js';
import { checkReferences } from './references.js';
import { checkStageFrontMatter } from './stage-front-matter.js';

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
  const locators = new Locators((path) => model.text(path));
  const diagnostics = [...model.diagnostics, ...checkReferences(model, locators), ...checkDecisions(model, locators), ...checkDrafts(model), ...checkAutonomyGates(model, locators), ...strategyInputWarnings(model), ...checkStageFrontMatter(model), ...checkExperiments(model, locators)].sort(compareDiagnostics);
  return {
    ok: !hasErrors(diagnostics),
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    files: model.files.size,
    threads: model.threads.size,
    diagnostics,
  };
}

/** For segments whose strategy was generated: what the canvas lacks that the generated files needed. */
function strategyInputWarnings(model: WorkspaceModel): Diagnostic[] {
  const generated = segmentsOf(model).filter((s) => model.files.has(`${LAYOUT.icp}/${s.id}-icp.yaml`));
  if (generated.length === 0) return [];
  const texts = readCanvasTexts((path) => model.text(path));
  const broken = (path: string): boolean => {
    const file = model.files.get(path);
    return file !== undefined && !hasValue(file);
  };
  return missingInputDiagnostics(generated.flatMap((segment) => strategyContext(model, segment, texts, []).missing), broken);
}
