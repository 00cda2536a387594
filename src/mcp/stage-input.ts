import * as z from 'zod';

/**
 * The front matter of a stage write. Which schema applies depends on the thread's type
 * and the stage, so the tool accepts any object here and the write validates it against
 * that stage's zod schema — the one `check` uses — answering with diagnostics that name
 * the field, line and column. The JSON Schema of each stage is a resource.
 */
export function stageFrontMatterInput() {
  return z
    .record(z.string(), z.unknown())
    .describe(
      "The whole front matter of the stage file as data (what YAML between the --- lines holds): a field left out is removed. Validated before anything is written against the stage's schema: " +
        'threadwork://schemas/{deal|campaign}-{n}-{stage}.schema.json (read_thread lists each stage\'s schema). ' +
        'An invalid write writes nothing and returns diagnostics with path, line, column and field. Derived fields live in meta.json, never here.',
    );
}
