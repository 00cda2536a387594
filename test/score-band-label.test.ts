import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';

/**
 * A disqualified account's ICP band was three things: `disqualified` in the terminal
 * (no band at all), `poor (disqualified)` in --md, `poor` in --json; a contact's company
 * fit was `disq.` in the terminal and `0.30 disqualified` in --md. Each output now names
 * the band --json holds (`band`, `companyBand`), marked `(disqualified)` when it was capped.
 */

interface Ranked {
  name: string;
  band: string;
  disqualified: unknown[];
}
interface RankedContact {
  name: string;
  companyBand: string;
  disqualified: unknown[];
}

/** The text of the table row that names `name`: a terminal box row or a Markdown row. */
const rowOf = (text: string, name: string): string => text.split('\n').find((line) => line.includes(` ${name} `)) ?? '';

describe('score names the same ICP band in every output', () => {
  it('accounts: the terminal, --md and --json agree, a disqualified one included', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, 'accounts.csv'), 'name,domain,industry,employees,geography\nTallyfi,tallyfi.com,payments,480,United States\nTiny,tiny.com,payments,20,United States\n');
    const args = ['score', 'accounts.csv', '--segment', 'mid-market-fintech'];
    const [text, md, json] = await Promise.all([runCli(args, { cwd: dir }), runCli([...args, '--md'], { cwd: dir }), runCli([...args, '--json'], { cwd: dir })]);
    const ranked = (JSON.parse(json.stdout) as { ranked: Ranked[] }).ranked;
    expect(ranked.map((a) => [a.name, a.band, a.disqualified.length > 0])).toEqual([
      ['Tallyfi', 'weak', false],
      ['Tiny', 'poor', true],
    ]);
    for (const output of [text.stdout, md.stdout]) {
      expect(rowOf(output, 'Tallyfi')).toMatch(/[ |]weak[ |]/);
      expect(rowOf(output, 'Tiny')).toContain('poor (disqualified)');
    }
  });

  it('contacts: the company fit band is the one --json holds', async () => {
    const dir = exampleWorkspaceCopy();
    writeFileSync(join(dir, 'contacts.csv'), 'name,title,email,company,industry,employees,geography\nAda,CFO,ada@tallyfi.com,Tallyfi,payments,480,United States\nBo,CFO,bo@tiny.com,Tiny,payments,20,United States\n');
    const args = ['score', '--contacts', 'contacts.csv', '--segment', 'mid-market-fintech'];
    const [text, md, json] = await Promise.all([runCli(args, { cwd: dir }), runCli([...args, '--md'], { cwd: dir }), runCli([...args, '--json'], { cwd: dir })]);
    const ranked = (JSON.parse(json.stdout) as { ranked: RankedContact[] }).ranked;
    const ada = ranked.find((c) => c.name === 'Ada')!;
    const bo = ranked.find((c) => c.name === 'Bo')!;
    expect(bo.companyBand).toBe('poor');
    expect(bo.disqualified.length).toBeGreaterThan(0);
    expect(ada.disqualified).toEqual([]);
    for (const output of [text.stdout, md.stdout]) {
      expect(rowOf(output, 'Ada')).toMatch(new RegExp(`\\d ${ada.companyBand}[ |]`));
      expect(rowOf(output, 'Bo')).toContain(' poor (disqualified)');
    }
  });
});
