import { resolve } from 'node:path';
import { generateCliSchemas } from '../json-output/generate.js';
import { generateJsonSchemas } from '../../schema/json-schema.js';
import { writeFileIfChanged } from '../../workspace/write.js';
import { naming } from '../../workspace/write-failure.js';
import { makeFolders } from '../../workspace/make-folders.js';
import { refuseFileOnTheWay } from '../../workspace/folder-to-make.js';
import type { CommandOutcome } from '../outcome.js';

/**
 * Writes the JSON Schemas generated from the zod schemas into `out`: the file kinds, and the
 * CLI's --json outputs under `cli/`. A relative `out` is taken in `dir` (`--dir`, else the
 * current folder), as every command works on the folder `--dir` names.
 */
export function schemasCommand(out: string, dir: string): CommandOutcome {
  const root = resolve(dir, out);
  // `--out /dev/null` or a file's name: said so, as init says it, not mkdir's EEXIST with a stack.
  refuseFileOnTheWay(out, root, 'the schemas');
  // The default ./schemas does not exist in a workspace of one's own: made, as --out is, with its parents.
  naming(out, () => makeFolders(root));
  const written: string[] = [];
  const schemas = [...generateJsonSchemas(), ...generateCliSchemas()];
  for (const { file, schema } of schemas) {
    if (writeFileIfChanged(root, file, `${JSON.stringify(schema, null, 2)}\n`)) written.push(file);
  }
  return {
    json: { out: root, schemas: schemas.map((s) => ({ file: s.file, describes: s.describes })), written },
    text: `${schemas.length} JSON Schemas in ${root} (${written.length} updated)`,
    exitCode: 0,
  };
}
