import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * An account row with none of the fit columns filled showed `fit 0.00` in the terminal, as
 * if the company matched nothing; only --json named what was missing. Fit still counts 0
 * (docs/scoring.md), and every output now says why, naming the fields.
 */
describe('score of an account with no fit field on file', () => {
  it('says fit counts 0 and names the missing fields, in the terminal, --md and --json', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, 'accounts.csv'), 'name,domain,industry,employees,geography\nBare,bare.com,,,\nTallyfi,tallyfi.com,payments,480,United States\n');
    const args = ['score', 'accounts.csv', '--segment', 'mid-market-fintech'];
    const [text, md, json] = await Promise.all([runCli(args, { cwd: dir }), runCli([...args, '--md'], { cwd: dir }), runCli([...args, '--json'], { cwd: dir })]);
    const note = 'Bare (row 2): fit counts 0 — no industry, employees, revenue, technologies, geography on file';
    expect(text.stdout).toContain(`no fit ${note}`);
    expect(text.stdout).not.toContain('Tallyfi (row 3): fit counts 0');
    expect(md.stdout).toContain(`### No fit\n\n- ${note}`);
    const bare = (JSON.parse(json.stdout) as { ranked: { name: string; components: { fit: number }; missing: string[] }[] }).ranked.find((a) => a.name === 'Bare')!;
    expect(bare.components.fit).toBe(0);
    expect(bare.missing).toEqual(expect.arrayContaining(['fit.industry', 'fit.employees', 'fit.revenue', 'fit.technologies', 'fit.geography']));
  });
});
