import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import { migrationContext, stageHasFields } from '../migrate/context.js';
import { mappableFields } from '../migrate/map-stage.js';
import { THREAD_TYPE_BY_FAMILY } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';

/**
 * A stage file without front matter validates (every field may be empty) while threadwork
 * reads nothing from it: the LeanOS method's prompts write stage files as labelled lines.
 * Warns, names the fields its labelled lines would fill, and points at `threadwork migrate`.
 */
export function checkStageFrontMatter(model: WorkspaceModel, inScope: (thread: string) => boolean = () => true): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const thread of model.threads.values()) {
    if (!inScope(thread.path)) continue;
    thread.stages.forEach((stage, i) => {
      // A file with front matter has its body after it: only a body offset of 0 needs a look at the text.
      if (!stage || stage.bodyOffset !== 0 || stage.diagnostics.some((d) => d.severity === 'error')) return;
      if (!stageHasFields(THREAD_TYPE_BY_FAMILY[thread.family], i + 1)) return;
      const text = model.text(stage.path);
      if (text === undefined || parseFrontMatter(text).present) return;
      const fields = mappableFields(text.replace(/^\uFEFF/, ''), migrationContext(model, thread.path, THREAD_TYPE_BY_FAMILY[thread.family], i + 1));
      const found = fields.length
        ? `; its labelled lines map to ${fields.map((f) => `\`${f.field}\` (line ${f.line})`).join(', ')}`
        : text.trim() === '' ? '' : '; no labelled line of it maps to a field';
      out.push(diagnostic(stage.path, START, 'warning', 'stage-front-matter-missing', `No front matter: threadwork reads nothing from this stage file${found}. Run \`threadwork migrate ${stage.path}\` to write it (the prose is kept as it is)`));
    });
  }
  return out;
}
