import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

const schemaErrors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`);

/**
 * `validated_threshold: 0.1` with `invalidated_threshold: 0.2` (the two swapped, or one
 * lowered past the other) passed check: an assumption at 0.15 was then both validated and
 * invalidated, and the status shown was whichever the code asked first. The validated
 * threshold must be above the invalidated one; an error at it, naming the other.
 */
describe('confidence thresholds the wrong way round', () => {
  it('are a schema error at validated_threshold', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threadwork.config.yaml', 'validated_threshold: 0.8', 'validated_threshold: 0.1');
    const { json, code } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(code).toBe(1);
    expect(schemaErrors(json.diagnostics)).toEqual([
      'threadwork.config.yaml:9:24 Invalid `confidence.validated_threshold`: expected a number above invalidated_threshold (0.2) (got 0.1)',
    ]);
  });
});

describe('an invalidated threshold raised past the default validated one', () => {
  it('is a schema error at invalidated_threshold, the value written', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threadwork.config.yaml', '  validated_threshold: 0.8\n', '');
    replaceInFile(dir, 'threadwork.config.yaml', 'invalidated_threshold: 0.2', 'invalidated_threshold: 0.9');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(json.diagnostics)).toEqual([
      'threadwork.config.yaml:9:26 Invalid `confidence.invalidated_threshold`: expected a number below validated_threshold (0.8) (got 0.9)',
    ]);
  });
});

/**
 * An ICP's band thresholds out of order (`strong: 0.3` below `good: 0.6`) passed check:
 * every score of 0.3 or more was then `strong`, and `good` could never be given. Each band
 * must start above the next: an error at the threshold out of place.
 */
describe("an ICP's band thresholds out of order", () => {
  it('are a schema error at the threshold out of place', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'research/customer/icp/mid-market-fintech-icp.yaml', '    strong: 0.75', '    strong: 0.3');
    replaceInFile(dir, 'research/customer/icp/ecommerce-finance-icp.yaml', '    weak: 0.4', '    weak: 0.7');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(schemaErrors(json.diagnostics)).toEqual([
      'research/customer/icp/ecommerce-finance-icp.yaml:83:11 Invalid `scoring.thresholds.weak`: expected a number below good (0.6) (got 0.7)',
      'research/customer/icp/mid-market-fintech-icp.yaml:82:13 Invalid `scoring.thresholds.strong`: expected a number above good (0.6) (got 0.3)',
    ]);
  });
});
