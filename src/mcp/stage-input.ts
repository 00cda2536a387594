import * as z from 'zod';

/**
 * The front matter of a stage write: a patch of fields (threads/front-matter-patch.ts). Which schema applies depends on the thread's type
 * and the stage, so the tool accepts any object here and the write validates it against
 * that stage's zod schema — the one `check` uses — answering with diagnostics that name
 * the field, line and column. The JSON Schema of each stage is a resource.
 */
export function stageFieldsToRemove() {
  return z
    .array(z.string().min(1))
    .optional()
    .describe('fields of the front matter to delete, as dotted paths (["notes", "contact.title"]): the only way a write removes a field. A path the file does not hold is refused (unknown-field, with the paths it holds); one also set in front_matter is refused (field-conflict)');
}

export function stageFrontMatterInput() {
  return z
    .record(z.string(), z.unknown())
    .describe(
      "The fields of the stage's front matter to set, as data (what YAML between the --- lines holds), merged onto what the file holds: a field left out is kept as written, a map is merged key by key ({\"contact\": {\"email\": …}} keeps the contact's name), a list or any other value replaces the field's value whole (send every item of `actions` or `prospects`). To delete a field, name it in `remove`. The result is validated before anything is written against the stage's schema: " +
        'threadwork://schemas/{deal|campaign}-{n}-{stage}.schema.json (read_thread lists each stage\'s schema). ' +
        'An invalid write writes nothing and returns diagnostics with path, line, column and field. Derived fields live in meta.json, never here: one given (status, stage, pipeline_stage, a score) is refused (derived-field, nothing written) — to close a deal write `outcome` in stage 6.',
    );
}
