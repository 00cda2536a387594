import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A weight or band threshold of an ICP file under a name the score does not read
 * (`firmographics: 0.5`, `intnet: 0.3`, `excellent: 0.9`) counted for nothing: the score
 * ran on the default weights, or the others scaled up, and check said "no problems".
 */
describe('an ICP scoring weight or threshold of another name', () => {
  it('is a schema error at the key, naming the keys there are', async () => {
    const dir = exampleWorkspaceCopy();
    const icp = 'research/customer/icp/mid-market-fintech-icp.yaml';
    replaceInFile(dir, icp, '    fit: 0.35\n    intent: 0.35\n', '    firmographics: 0.5\n    intnet: 0.3\n');
    replaceInFile(dir, icp, '    strong: 0.75\n', '    strong: 0.75\n    excellent: 0.9\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path === icp).map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`)).toEqual([
      '77:20 schema Invalid `scoring.weights.firmographics`: expected one of fit, intent, reachability, freshness — a weight of another name counts for nothing (got 0.5)',
      '78:13 schema Invalid `scoring.weights.intnet`: expected one of fit, intent, reachability, freshness — a weight of another name counts for nothing (got 0.3)',
      '83:16 schema Invalid `scoring.thresholds.excellent`: expected one of strong, good, weak — a threshold of another name counts for nothing (got 0.9)',
    ]);
  });
});
