import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { UNFILLED_BLOCK_MAX_LENGTH, unfilledFrontMatter } from '../markdown/front-matter.js';
import { endsLinesInLoneCr } from '../markdown/line-ending.js';
import { migrationContext, stageHasFields } from '../migrate/context.js';
import { mappableFields } from '../migrate/map-stage.js';
import { THREAD_TYPE_BY_FAMILY } from '../workspace/layout.js';
import type { WorkspaceModel } from '../workspace/model.js';
import type { ThreadType } from '../schema/meta.js';

/**
 * A stage file without front matter (or with an empty block) validates (every field may be empty) while threadwork
 * reads nothing from it: the LeanOS method's prompts write stage files as labelled lines.
 * Warns, names the fields its labelled lines would fill, and points at `threadwork migrate`.
 */
export function checkStageFrontMatter(model: WorkspaceModel, inScope: (thread: string) => boolean = () => true): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const thread of model.threads.values()) {
    if (!inScope(thread.path)) continue;
    thread.stages.forEach((stage, i) => {
      // A file with fields in its front matter has its body well after it: only a short (or no) block needs a look at the text.
      if (!stage || stage.bodyOffset > UNFILLED_BLOCK_MAX_LENGTH || stage.diagnostics.some((d) => d.severity === 'error')) return;
      if (!stageHasFields(THREAD_TYPE_BY_FAMILY[thread.family], i + 1)) return;
      const text = model.text(stage.path);
      const unfilled = text === undefined ? undefined : unfilledFrontMatter(text);
      if (!unfilled) return;
      // Read as one line, its labelled lines would be reported as none — and migrate write an empty block that silenced this warning.
      if (endsLinesInLoneCr(text!)) {
        out.push(diagnostic(stage.path, START, 'warning', 'stage-front-matter-missing', `No front matter: threadwork reads nothing from this stage file, and its lines end in a lone carriage return (CR, as classic Mac OS saved text), so it reads the file as one line and none of its labelled lines can be mapped. Re-save it with LF (or CRLF) line endings in your editor, then run \`threadwork migrate ${stage.path}\``));
        return;
      }
      const fields = unreadLabelledFields(model, thread.path, THREAD_TYPE_BY_FAMILY[thread.family], i + 1, unfilled);
      if (!worthMigrating(unfilled, fields)) return;
      const found = fields.length
        ? `; its labelled lines map to ${fields.map((f) => `\`${f.field}\` (line ${f.line})`).join(', ')}`
        : unfilled.prose.trim() === '' ? '' : '; no labelled line of it maps to a field';
      const what = unfilled.blockLines > 0 ? 'Empty front matter' : 'No front matter';
      out.push(diagnostic(stage.path, START, 'warning', 'stage-front-matter-missing', `${what}: threadwork reads nothing from this stage file${found}. Run \`threadwork migrate ${stage.path}\` to write it (the prose is kept as it is)`));
    });
  }
  return out;
}

/** The fields the labelled lines of a stage file nothing is read from would fill (what `migrate` writes), each at its line in the file. */
export function unreadLabelledFields(model: WorkspaceModel, threadPath: string, type: ThreadType, stage: number, unfilled: { prose: string; blockLines: number }): { field: string; line: number }[] {
  return mappableFields(unfilled.prose.replace(/^\uFEFF/, ''), migrationContext(model, threadPath, type, stage)).map((f) => Object.assign({}, f, { line: f.line + unfilled.blockLines }));
}

/**
 * Whether `migrate` has something to do for a stage file nothing is read from: one without
 * front matter always (its prose is the person's, written the method's way); an empty block
 * only with a labelled line below it — with none, it is a stage not written yet, as a
 * template (or an agent's write_stage with `{}`) leaves one, and migrate would write nothing.
 */
export function worthMigrating(unfilled: { blockLines: number }, fields: readonly unknown[]): boolean {
  return unfilled.blockLines === 0 || fields.length > 0;
}
