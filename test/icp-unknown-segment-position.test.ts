import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

interface Checked {
  diagnostics: { path: string; line: number; column: number; rule: string; field?: string }[];
}

/**
 * An ICP file of a segment the canvas no longer defines (renamed, removed) was warned
 * about at 1:1, the comment at its top: the warning now points at its `segment:` value.
 */
describe('an ICP file of an unknown segment', () => {
  it('is warned about at its `segment:` value, in text and --json', async () => {
    const dir = exampleWorkspaceCopy();
    const icp = readFileSync(join(dir, 'research/customer/icp/mid-market-fintech-icp.yaml'), 'utf8');
    const line = icp.split('\n').indexOf('segment: mid-market-fintech') + 1;
    writeFileSync(join(dir, 'research/customer/icp/retail-icp.yaml'), icp.replace('segment: mid-market-fintech', 'segment: retail'));
    const [text, json] = await Promise.all([runCli(['check'], { cwd: dir }), runJson<Checked>(['check'], { cwd: dir })]);
    expect(line).toBeGreaterThan(1);
    expect(text.stdout).toContain(`research/customer/icp/retail-icp.yaml:${line}:10 warning Unknown segment \`retail\` (not in 04-segments.md)`);
    expect(json.json.diagnostics.filter((d) => d.rule === 'unknown-segment')).toEqual([expect.objectContaining({ path: 'research/customer/icp/retail-icp.yaml', line, column: 10, field: 'segment' })]);
  });
});
