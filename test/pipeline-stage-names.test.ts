import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A pipeline stage listed twice in threadwork.config.yaml (`lead` at 0.1, then `lead` at
 * 0.2 — a line copied to add a stage and not renamed) passed check: the weighted
 * pipeline took the last probability, the pipeline report listed the stage twice, and
 * nothing said which one counted. It is an error at the second name.
 */
describe('a pipeline stage named twice in the config', () => {
  it('is a schema error at the second name, naming the first', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threadwork.config.yaml', '    - {name: lead, probability: 0.1}\n', '    - {name: lead, probability: 0.1}\n    - {name: lead, probability: 0.2}\n');
    const { json, code } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(json.diagnostics.map((d) => `${d.path}:${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      'threadwork.config.yaml:16:14 schema Invalid `pipeline.stages[1].name`: expected each stage once: `lead` is pipeline.stages[0] already (got "lead")',
    ]);
  });
});
