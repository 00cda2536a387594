import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * The score tables printed two decimals beside the band: with `strong: 0.7` an account at
 * 0.699 is good, and read "0.70 good", the figure of the bar it is under. The figure now
 * has the decimal that keeps it on its band's side of the bar: "0.699 good".
 */

const env = { THREADWORK_TODAY: '2026-11-22' };
const ICP = 'research/customer/icp/mid-market-fintech-icp.yaml';
/** Scores 0.699 against the example's mid-market-fintech ICP (fit, hiring signal, data from June). */
const ACCOUNT = { name: 'Nearline', industry: 'payments', employees: 3000, revenue: '$50M', technologies: ['Stripe'], signals: ['hiring'], data_date: '2026-06-01', email_status: 'verified' };

const rowOf = (text: string, name: string): string => text.split('\n').find((line) => line.includes(` ${name} `)) ?? '';

function nearStrongBar(): string {
  const dir = exampleWorkspaceCopy();
  replaceInFile(dir, ICP, '    strong: 0.75\n', '    strong: 0.7\n');
  return dir;
}

describe('score prints a figure on its side of its band bar', () => {
  it('accounts: 0.699 under a 0.7 strong bar reads 0.699 good, in the terminal and --md', async () => {
    const dir = nearStrongBar();
    writeFileSync(join(dir, 'accounts.json'), JSON.stringify({ accounts: [ACCOUNT, { ...ACCOUNT, name: 'Farline', signals: [] }] }));
    const args = ['score', 'accounts.json', '--segment', 'mid-market-fintech'];
    const [json, text, md] = await Promise.all([runCli([...args, '--json'], { cwd: dir, env }), runCli(args, { cwd: dir, env }), runCli([...args, '--md'], { cwd: dir, env })]);
    expect((JSON.parse(json.stdout) as { ranked: { name: string; score: number; band: string }[] }).ranked.find((a) => a.name === 'Nearline')).toMatchObject({ score: 0.699, band: 'good' });
    expect(rowOf(text.stdout, 'Nearline')).toMatch(/ 0\.699 +█+░* +good /);
    expect(rowOf(md.stdout, 'Nearline')).toContain('| Nearline | 0.699 | good |');
    // A score no bar is near keeps two decimals.
    expect(rowOf(md.stdout, 'Farline')).toMatch(/\| Farline \| 0\.\d\d \| weak \|/);
  });

  it("contacts: the company's 0.699 reads 0.699 good beside its band, in the terminal and --md", async () => {
    const dir = nearStrongBar();
    const { name, ...company } = ACCOUNT;
    writeFileSync(join(dir, 'contacts.json'), JSON.stringify({ contacts: [{ name: 'Ada Near', title: 'Controller', email: 'ada@nearline.com', company: name, ...company }] }));
    const args = ['score', '--contacts', 'contacts.json', '--segment', 'mid-market-fintech'];
    const [json, text, md] = await Promise.all([runCli([...args, '--json'], { cwd: dir, env }), runCli(args, { cwd: dir, env }), runCli([...args, '--md'], { cwd: dir, env })]);
    const answer = JSON.parse(json.stdout) as { ranked: { companyScore: number; companyBand: string }[]; thresholds: unknown };
    expect(answer.ranked[0]).toMatchObject({ companyScore: 0.699, companyBand: 'good' });
    expect(answer.thresholds).toEqual({ strong: 0.7, good: 0.6, weak: 0.4 });
    expect(rowOf(text.stdout, 'Ada Near')).toMatch(/ 0\.699 good /);
    expect(rowOf(md.stdout, 'Ada Near')).toContain('| 0.699 good |');
  });
});
