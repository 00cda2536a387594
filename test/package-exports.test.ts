import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli.js';
import { testdir, writeFiles } from './helpers/testdir.js';

/** Runs an ES module in `cwd` with plain Node, as a consumer of the built package would. */
function runModule(cwd: string, source: string): unknown {
  writeFiles(cwd, { 'probe.mjs': source });
  return JSON.parse(execFileSync(process.execPath, ['probe.mjs'], { cwd, encoding: 'utf8' })) as unknown;
}

/** A project with threadwork installed (a symlink to this package, built by `pretest`). */
function consumer(): string {
  const dir = testdir();
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(REPO_ROOT, join(dir, 'node_modules', 'threadwork'), 'dir');
  return dir;
}

describe('the scoring functions are package exports', () => {
  it("`import('threadwork/scoring')` gives the documented scoring entry points, and they compute", () => {
    const result = runModule(
      consumer(),
      `import * as scoring from 'threadwork/scoring';
const names = ['scoreIcp', 'scoreContact', 'scoreLead', 'leadBand', 'scoreContactDataQuality', 'scoreAccountDataQuality', 'groupDuplicates', 'normalizeCompanyName', 'scoreQualification', 'scoreContactRecord', 'checkDisqualifiers', 'matchTrigger', 'scoreDealPriority'];
const lead = scoring.scoreLead({ demographic: { companySize: true, industry: true, geography: true, role: true }, behaviour: { email: 5, website: 10 } });
console.log(JSON.stringify({ missing: names.filter((n) => typeof scoring[n] !== 'function'), lead: [lead.score, lead.band], name: scoring.normalizeCompanyName('The Acme Corp.') }));`,
    );
    expect(result).toEqual({ missing: [], lead: [75, 'mql'], name: 'acme' });
  });

  it('the main entry re-exports them as `scoring`, with scoreCompanyAgainstSegment and the list readers and rankers', () => {
    const result = runModule(
      consumer(),
      `import * as tw from 'threadwork';
console.log(JSON.stringify(['scoreCompanyAgainstSegment', 'readAccounts', 'readContacts', 'parseContacts', 'rankAccounts', 'rankContacts'].filter((n) => typeof tw[n] !== 'function').concat(typeof tw.scoring.scoreIcp === 'function' ? [] : ['scoring.scoreIcp'])));`,
    );
    expect(result).toEqual([]);
  });

  it('resolves by package name from inside the package (self-reference)', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', "const s = await import('threadwork/scoring'); console.log(typeof s.scoreLead)"], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(out.trim()).toBe('function');
  });

  it('keeps internal modules private', () => {
    expect(() => execFileSync(process.execPath, ['--input-type=module', '-e', "await import('threadwork/dist/scoring/lead-score.js')"], { cwd: consumer(), encoding: 'utf8', stdio: 'pipe' })).toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });
});
