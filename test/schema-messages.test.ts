import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { replaceInFile } from './helpers/testdir.js';

/**
 * A value of the wrong type or outside its set was reported in zod's words: "Invalid
 * option: expected one of "high"|"medium"|"low"", "expected record, received array",
 * "Too small: expected number to be >=0", "Invalid input" for a `source` written as a list.
 * Each kind of file now says in plain words what may be written at that path, and what
 * it found there.
 */

const DEAL = 'threads/sales/brightcart';

describe('schema messages say what was expected, in plain words', () => {
  it('in meta.json, stage front matter, goals, canvas sections, ICP and config', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/meta.json`, '"stage": 6', '"stage": "six"');
    replaceInFile(dir, `${DEAL}/meta.json`, '"status": "closed-lost"', '"status": "lost"');
    replaceInFile(dir, `${DEAL}/1-input.md`, 'source: inbound', 'source: [inbound]');
    replaceInFile(dir, `${DEAL}/1-input.md`, '      date: 2026-04-08', '      date: April');
    replaceInFile(dir, `${DEAL}/2-hypothesis.md`, 'tests: [A4, A7]', 'tests: A4, A7');
    replaceInFile(dir, `${DEAL}/3-implication.md`, 'strategic_value: medium', 'strategic_value: big');
    replaceInFile(dir, `${DEAL}/3-implication.md`, 'arr_potential: 36000', 'arr_potential: [36000]');
    replaceInFile(
      dir,
      `${DEAL}/4-decision.md`,
      'criteria:\n  budget: 36000\n  authority: identified\n  need: Marketplace payouts booked as one net line; close takes three weeks in peak\n  timeline: Before Q4 peak season\n',
      'criteria:\n  - budget\n  - authority\n',
    );
    replaceInFile(dir, `${DEAL}/6-learning.md`, '    result: invalidated', '    result: false');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', '    target: 500000', '    target: half a million');
    replaceInFile(dir, 'strategy/canvas/10-assumptions.md', '    prior: 0.6\n', '    prior: 60%\n');
    replaceInFile(dir, 'strategy/canvas/04-segments.md', '      employees: {min: 200, max: 2000}', '      employees: 200-2000');
    replaceInFile(dir, 'research/customer/icp/mid-market-fintech-icp.yaml', '    min: 200\n', '    min: -5\n');
    replaceInFile(dir, 'threadwork.config.yaml', 'prior_weight: 2', 'prior_weight: 0');
    replaceInFile(dir, 'threadwork.config.yaml', 'commit: true', 'commit: yes');
    replaceInFile(dir, 'threadwork.config.yaml', 'draws: 10000', 'draws: 1.5');

    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const schema = json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`);
    expect(schema).toEqual([
      'goals/g-arr-500k-2026.md:9:13 Invalid `metrics[0].target`: expected an amount such as 36000 or "$36k" (got "half a million")',
      'research/customer/icp/mid-market-fintech-icp.yaml:26:10 Invalid `firmographics.employees.min`: expected a number of 0 or more (got -5)',
      'strategy/canvas/04-segments.md:11:18 Invalid `segments[0].filters.employees`: expected a range as `min:` and `max:`, such as {min: 200, max: 2000} (got "200-2000")',
      'strategy/canvas/10-assumptions.md:9:12 Invalid `assumptions[0].prior`: expected a number from 0 to 1 — write 60% as 0.6 (got "60%")',
      `${DEAL}/1-input.md:2:9 Invalid \`source\`: expected one of inbound, outbound, referral, partner, event, campaign:{campaign-id} or thread:threads/{path} (got ["inbound"])`,
      `${DEAL}/1-input.md:21:13 Invalid \`company.signals[0].date\`: expected a date such as 2026-03-01 (got "April")`,
      `${DEAL}/2-hypothesis.md:2:8 Invalid \`tests\`: expected a list (\`- item\` lines, or \`[a, b]\`) — write it as a list: [A4, A7] (got "A4, A7")`,
      `${DEAL}/3-implication.md:2:16 Invalid \`arr_potential\`: expected an amount such as 36000 or "$36k", or a range such as "$30k-$50k" (got [36000])`,
      `${DEAL}/3-implication.md:3:18 Invalid \`strategic_value\`: expected one of high, medium, low (got "big")`,
      `${DEAL}/4-decision.md:5:3 Invalid \`criteria\`: expected each criterion with its value, \`budget: 36000\` on its own line — \`key: value\` pairs, not a list (got ["budget","authority"])`,
      `${DEAL}/6-learning.md:10:13 Invalid \`validations[0].result\`: expected one of validated, partial, invalidated (got false)`,
      `${DEAL}/meta.json:10:12 Invalid \`stage\`: expected a number (got "six")`,
      `${DEAL}/meta.json:11:13 Invalid \`status\`: expected one of open, deferred, rejected, closed-won, closed-lost, stalled, active, completed — did you mean closed-lost? (got "lost")`,
      'threadwork.config.yaml:8:17 Invalid `confidence.prior_weight`: expected a number above 0 (got 0)',
      'threadwork.config.yaml:23:11 Invalid `git.commit`: expected true or false (got "yes")',
      'threadwork.config.yaml:28:10 Invalid `forecast.draws`: expected a whole number (got 1.5)',
    ]);
    for (const message of schema) expect(message).not.toMatch(/Invalid option|Invalid input|received|Too (small|big)|record|>=|"\|"/);
  });

  it('a goal\'s win rate written as a percentage is refused at its value, as in 13-metrics, not shown as 3500%', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', '    target: 0.35', '    target: 35');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', '    metric: pipeline_count\n    target: 12', '    metric: win_rate\n    target: 40');
    replaceInFile(dir, 'strategy/canvas/13-metrics.md', '  win_rate: 0.35', '  win_rate: 35');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    // The goal's figures get the hint 13-metrics gets: a share is written as a fraction.
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'goals/g-arr-500k-2026.md:13:13 Invalid `metrics[2].target`: expected a number from 0 to 1 — a share is written as a fraction: write 35 (35%) as 0.35 (got 35)',
      'goals/g-arr-500k-2026.md:26:13 Invalid `subgoals[2].target`: expected a number from 0 to 1 — a share is written as a fraction: write 40 (40%) as 0.4 (got 40)',
      'strategy/canvas/13-metrics.md:5:13 Invalid `targets.win_rate`: expected a number from 0 to 1 — a share is written as a fraction: write 35 (35%) as 0.35 (got 35)',
    ]);
  });

  it('a number written in quotes is told to lose the quotes, not to "write 45 as 45"', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/10-assumptions.md', '    prior: 0.6\n', '    prior: "0.6"\n');
    replaceInFile(dir, `${DEAL}/1-input.md`, 'employees: 180', "employees: '180'");
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const schema = json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`);
    // The quotes are the whole difference: the value as written is the number to write.
    expect(schema).toEqual([
      'strategy/canvas/10-assumptions.md:9:12 Invalid `assumptions[0].prior`: expected a number from 0 to 1 — write 0.6 without quotes: quoted, it is text (got "0.6")',
      `${DEAL}/1-input.md:14:14 Invalid \`company.employees\`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ — write 180 without quotes: quoted, it is text (got "180")`,
    ]);
  });

  it('a value one slip from an allowed one (win_rte, compelted) names the one meant', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', '  - name: win_rate', '  - name: win_rte');
    replaceInFile(dir, `${DEAL}/5-actions.md`, '    status: completed\n', '    status: compelted\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    const schema = json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`);
    expect(schema).toEqual([
      'goals/g-arr-500k-2026.md:12:11 Invalid `metrics[2].name`: expected one of won_count, won_arr, mrr, avg_deal_size, win_rate, avg_cycle_days, pipeline_count, weighted_pipeline, meetings, reply_rate, open_rate — did you mean win_rate? (got "win_rte")',
      `${DEAL}/5-actions.md:4:13 Invalid \`actions[0].status\`: expected one of pending, in_progress, completed, blocked, cancelled — did you mean completed? (got "compelted")`,
    ]);
  });

  it('a key left out is missing, whatever it should hold, and says what to write', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/meta.json`, '  "type": "sales-deal",\n', '');
    replaceInFile(dir, `${DEAL}/6-learning.md`, '    result: validated\n', '');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${DEAL}/6-learning.md:12:5 Missing \`validations[1].result\`: expected one of validated, partial, invalidated`,
      `${DEAL}/meta.json:1:1 Missing \`type\`: expected one of sales-deal, sales-campaign, marketing`,
    ]);
  });

  it('a goal without its id or title, or a subgoal without its title, says which key is missing and what it holds', async () => {
    // They said "expected text", zod's type, where the same key written wrong says what it is for.
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', 'title: Reach $500k ARR by the end of 2026\n', '');
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', '    title: Land five mid-market fintech customers\n', '');
    replaceInFile(dir, 'goals/g-fintech-beachhead.md', 'id: g-fintech-beachhead\n', '');
    replaceInFile(dir, 'goals/g-fintech-beachhead.md', 'title: Become the reconciliation tool mid-market fintech controllers recommend\n', 'title: 2027\n');
    replaceInFile(dir, 'goals/g-fintech-beachhead.md', '    title: Win three referenceable fintech customers\n', '    title: ""\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check', '--no-cache'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.path.startsWith('goals/')).map((d) => `${d.path}:${d.line} ${d.message}`)).toEqual([
      'goals/g-arr-500k-2026.md:2 Missing `title`: expected a goal title',
      'goals/g-arr-500k-2026.md:14 Missing `subgoals[0].title`: expected a subgoal title',
      'goals/g-fintech-beachhead.md:2 Missing `id`: expected a goal id such as g-mrr-50k',
      'goals/g-fintech-beachhead.md:2 Invalid `title`: expected a goal title — 2027 reads as a number: write it in quotes, "2027" (got 2027)',
      'goals/g-fintech-beachhead.md:19 Invalid `subgoals[1].title`: expected a subgoal title (got "")',
    ]);
  });
});

/**
 * Text that YAML reads as a number — a phone number with its leading 0, a company named
 * 1800 — was refused as "expected text (got 1712345678)": a value the person never wrote,
 * and no word of why their text was not text. The message now shows what was written,
 * what YAML read, and how to keep it as written.
 */
describe('text that YAML reads as a number or true/false', () => {
  it('says what YAML read it as, and to write it in quotes as written', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/1-input.md`, '  linkedin: linkedin.com/in/elenapark-cpa\n', '  linkedin: linkedin.com/in/elenapark-cpa\n  phone: 01712345678\n');
    replaceInFile(dir, `${DEAL}/1-input.md`, '  name: Brightcart\n', '  name: 1800\n');
    replaceInFile(dir, `${DEAL}/1-input.md`, '  title: VP Finance\n', '  title: true\n');
    // Quoted, 2 would be no subgoal id either: no advice to quote it.
    replaceInFile(dir, `${DEAL}/meta.json`, '"subgoal": "SG2"', '"subgoal": 2');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${DEAL}/1-input.md:7:10 Invalid \`contact.title\`: expected text — true reads as true or false: write it in quotes, "true" (got true)`,
      `${DEAL}/1-input.md:10:10 Invalid \`contact.phone\`: expected text — 01712345678 reads as the number 1712345678: write it in quotes, "01712345678" (got 1712345678)`,
      `${DEAL}/1-input.md:12:9 Invalid \`company.name\`: expected text — 1800 reads as a number: write it in quotes, "1800" (got 1800)`,
      `${DEAL}/meta.json:7:14 Invalid \`subgoal\`: expected a subgoal id such as SG1 (got 2)`,
    ]);
  });
});

/**
 * YAML's infinity and not-a-number (`.inf`, `.nan`, a number too large such as `1e400`)
 * were reported as "(got null)": JSON has no such number, so the value shown was one
 * the person never wrote, and a key they had filled in read as empty.
 */
describe('a number that is not finite', () => {
  it('is shown as written, and said to be no finite number', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'arr: 42000', 'arr: .inf');
    replaceInFile(dir, `${DEAL}/3-implication.md`, 'resource_cost_hours: 40', 'resource_cost_hours: .nan');
    replaceInFile(dir, `${DEAL}/1-input.md`, '  employees: 180', '  employees: 1e400');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      // A head count is a number or a band (`201-500`): told as the field's forms, as `arr` is told an amount's.
      `${DEAL}/1-input.md:14:14 Invalid \`company.employees\`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ (got 1e400)`,
      `${DEAL}/3-implication.md:4:22 Invalid \`resource_cost_hours\`: expected a finite number (got .nan)`,
      'threads/sales/northwind-payments/6-learning.md:4:6 Invalid `arr`: expected an amount such as 36000 or "$36k" (got .inf)',
    ]);
  });
});

/**
 * A number written the way people write it — a head count with its thousands grouped
 * (`employees: 1,800`), a score out of ten (`csat: 7/10`), a share in percent — is text
 * to YAML, and was refused as "expected a number" with no word of which number, nor of
 * the range a score is on. The message now says the range, and the number to write when
 * the text reads as one the field takes.
 */
describe('a number written as text', () => {
  it('says the expected form and range, and the number to write', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/1-input.md`, '  employees: 180', '  employees: 1,800');
    replaceInFile(dir, `${DEAL}/6-learning.md`, 'csat: 7', 'csat: 7/10');
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'margin: 0.82', 'margin: 82%');
    replaceInFile(dir, 'strategy/canvas/10-assumptions.md', '    prior: 0.6\n', '    prior: 3/5\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'strategy/canvas/10-assumptions.md:9:12 Invalid `assumptions[0].prior`: expected a number from 0 to 1 — write 3/5 as 0.6 (got "3/5")',
      `${DEAL}/1-input.md:14:14 Invalid \`company.employees\`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ — write 1,800 as 1800 (got "1,800")`,
      `${DEAL}/6-learning.md:6:7 Invalid \`csat\`: expected a score from 0 to 10 — write 7/10 as 7 (got "7/10")`,
      'threads/sales/northwind-payments/6-learning.md:5:9 Invalid `margin`: expected a number from 0 to 1 — write 82% as 0.82 (got "82%")',
    ]);
  });

  // French and Spanish write a decimal with a comma, and so does Excel in their locale: a
  // `margin: 0,7` or `csat: 8,5` was "expected a number from 0 to 1 (got "0,7")", with no word
  // that the comma is the whole difference.
  it('names the number to write for a decimal comma', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/6-learning.md`, 'csat: 7', 'csat: 8,5');
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'margin: 0.82', 'margin: 0,82');
    replaceInFile(dir, 'strategy/canvas/10-assumptions.md', '    prior: 0.6\n', '    prior: 0,6\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'strategy/canvas/10-assumptions.md:9:12 Invalid `assumptions[0].prior`: expected a number from 0 to 1 — write 0,6 as 0.6 (got "0,6")',
      `${DEAL}/6-learning.md:6:7 Invalid \`csat\`: expected a score from 0 to 10 — write 8,5 as 8.5 (got "8,5")`,
      'threads/sales/northwind-payments/6-learning.md:5:9 Invalid `margin`: expected a number from 0 to 1 — write 0,82 as 0.82 (got "0,82")',
    ]);
  });

  it('in a goal, a win rate written as a percentage is told the fraction to write, as 13-metrics is', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'goals/g-arr-500k-2026.md', '  - name: win_rate\n    target: 0.35', '  - name: win_rate\n    target: "35%"\n    baseline: 1/5');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'goals/g-arr-500k-2026.md:13:13 Invalid `metrics[2].target`: expected a number from 0 to 1 — write 35% as 0.35 (got "35%")',
      'goals/g-arr-500k-2026.md:14:15 Invalid `metrics[2].baseline`: expected a number from 0 to 1 — write 1/5 as 0.2 (got "1/5")',
    ]);
  });

  // `sent: 1.2k` was only "expected a number": a count in thousands is how people write it.
  it('a number in thousands or millions is told the number to write', async () => {
    const { openWorkspace } = await import('../src/api.js');
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/3-implication.md`, 'resource_cost_hours: 40', 'resource_cost_hours: 1.5k');
    replaceInFile(dir, `${DEAL}/1-input.md`, '  employees: 180', '  employees: 2M');
    const { diagnostics } = await (await openWorkspace(dir)).check({ cache: false });
    expect(diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.message}`)).toEqual([
      `${DEAL}/1-input.md:Invalid \`company.employees\`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ — write 2M as 2000000 (got "2M")`,
      `${DEAL}/3-implication.md:Invalid \`resource_cost_hours\`: expected a number — write 1.5k as 1500 (got "1.5k")`,
    ]);
  });

  // `employees: ~120 people` was only "expected a whole number": the number is right there.
  it('a head count written about or with its unit is told the number to write', async () => {
    const { openWorkspace } = await import('../src/api.js');
    // `180+ employees` is no longer here: it is an open band (180 and up), as LinkedIn writes `10,001+ employees`.
    for (const written of ['~180 people', 'about 180', 'ca. 180 FTE']) {
      const dir = exampleWorkspaceCopy();
      replaceInFile(dir, `${DEAL}/1-input.md`, '  employees: 180', `  employees: ${written}`);
      const { diagnostics } = await (await openWorkspace(dir)).check({ cache: false });
      expect(diagnostics.filter((d) => d.rule === 'schema').map((d) => d.message)).toEqual([
        `Invalid \`company.employees\`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ — write ${written} as 180 (got ${JSON.stringify(written)})`,
      ]);
    }
  });

  it('suggests no number the field would refuse, and none for text that is no number', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/1-input.md`, '  employees: 180', '  employees: 1,5');
    replaceInFile(dir, `${DEAL}/6-learning.md`, 'csat: 7', 'csat: 12/10');
    replaceInFile(dir, `${DEAL}/3-implication.md`, 'resource_cost_hours: 40', 'resource_cost_hours: about 40');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${DEAL}/1-input.md:14:14 Invalid \`company.employees\`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001+ (got "1,5")`,
      `${DEAL}/3-implication.md:4:22 Invalid \`resource_cost_hours\`: expected a number (got "about 40")`,
      `${DEAL}/6-learning.md:6:7 Invalid \`csat\`: expected a score from 0 to 10 (got "12/10")`,
    ]);
  });

  // The contact's email may be left empty (the template leaves it so): the empty alternative
  // was said as nothing at all, "expected an email address or  (got …)".
  it('a contact email that is no address says what may be written there', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/1-input.md`, '  email: elena@brightcart.co', '  email: [elena]');
    replaceInFile(dir, 'threads/sales/harbor-lending/1-input.md', '  email: marcus.webb@harborlending.com', '  email: marcus at harbor');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${DEAL}/1-input.md:8:10 Invalid \`contact.email\`: expected an email address such as name@company.com, or nothing (got ["elena"])`,
      'threads/sales/harbor-lending/1-input.md:8:10 Invalid `contact.email`: expected an email address such as name@company.com, or nothing (got "marcus at harbor")',
    ]);
  });

  // The lead score's engagement counts were read without a check: `email: many` scored as
  // no engagement at all, with nothing said.
  it('an engagement count that is no count is an error at its value, not read as none', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/1-input.md`, 'contact:\n', 'engagement:\n  email: many\n  website: {level: 2}\n  content: 3\n  social: {level: 0.5}\ncontact:\n');
    const { json } = await runJson<{ diagnostics: Diagnostic[] }>(['check'], { cwd: dir });
    expect(json.diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${DEAL}/1-input.md:6:10 Invalid \`engagement.email\`: expected a count of 0 or more, such as 3, or a level from 0 to 1 as {level: 0.5} (got "many")`,
      `${DEAL}/1-input.md:7:20 Invalid \`engagement.website.level\`: expected a number from 0 to 1 (got 2)`,
    ]);
  });
});

/**
 * `margin: 40` — a share written in percent as a whole number, where a fraction is
 * expected — was "expected a number from 0 to 1 (got 40)", with no word that 40% is
 * written 0.4, though `margin: 40%` was told so. Now a number over 1 and at most 100 on
 * a 0–1 field is told the fraction it stands for.
 */
describe('a share written as a whole number of percent', () => {
  it('is told the fraction to write', async () => {
    const { openWorkspace } = await import('../src/api.js');
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'margin: 0.82', 'margin: 82');
    replaceInFile(dir, 'strategy/canvas/10-assumptions.md', '    prior: 0.6\n', '    prior: 60\n');
    replaceInFile(dir, `${DEAL}/6-learning.md`, 'csat: 7', 'csat: 70');
    const { diagnostics } = await (await openWorkspace(dir)).check({ cache: false });
    expect(diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'strategy/canvas/10-assumptions.md:9:12 Invalid `assumptions[0].prior`: expected a number from 0 to 1 — a share is written as a fraction: write 60 (60%) as 0.6 (got 60)',
      // A score out of 10 is no share: 70 is not read as 7.
      `${DEAL}/6-learning.md:6:7 Invalid \`csat\`: expected a score from 0 to 10 (got 70)`,
      'threads/sales/northwind-payments/6-learning.md:5:9 Invalid `margin`: expected a number from 0 to 1 — a share is written as a fraction: write 82 (82%) as 0.82 (got 82)',
    ]);
  });
});

/**
 * `strategic_value: High` or `decision: qualify` was "expected one of high, medium, low
 * (got "High")", which a person reads twice to see the difference. Values are written in
 * the case (and with the separators) the schema lists — `framework` alone is read in any
 * case, it being a name — and the message now names the spelling to write.
 */
describe('an allowed value written in another case or with other separators', () => {
  it('is told the spelling to write', async () => {
    const { openWorkspace } = await import('../src/api.js');
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/3-implication.md`, 'strategic_value: medium', 'strategic_value: High');
    replaceInFile(dir, `${DEAL}/4-decision.md`, 'decision: QUALIFY', 'decision: qualify');
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'outcome: closed-won', 'outcome: Closed Won');
    const { diagnostics } = await (await openWorkspace(dir)).check({ cache: false });
    expect(diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.column} ${d.message}`)).toEqual([
      `${DEAL}/3-implication.md:3:18 Invalid \`strategic_value\`: expected one of high, medium, low — write High as high (got "High")`,
      `${DEAL}/4-decision.md:2:11 Invalid \`decision\`: expected one of QUALIFY, DEFER, REJECT — write qualify as QUALIFY (got "qualify")`,
      'threads/sales/northwind-payments/6-learning.md:2:10 Invalid `outcome`: expected one of closed-won, closed-lost, stalled — write Closed Won as closed-won (got "Closed Won")',
    ]);
  });

  // `source` is one of five values or a link (`campaign:{id}`): an enum among a union's
  // alternatives, whose refusal zod gives as the union's, went without the hint.
  it('an enum value inside a union (a thread\'s source) is told the spelling too, in check and in `deal new --source`', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/meta.json`, '"source": "inbound"', '"source": "Inbound"');
    const checked = await runCli(['check', '--dir', dir]);
    expect(checked.stdout).toContain(
      `${DEAL}/meta.json:8:13 error Invalid \`source\`: expected one of inbound, outbound, referral, partner, event, campaign:{campaign-id} or thread:threads/{path} — write Inbound as inbound (got "Inbound") (schema)`,
    );
    const created = await runCli(['deal', 'new', 'Zeta Pay', '-s', 'mid-market-fintech', '--source', 'Referral', '--no-commit', '--dir', dir]);
    expect(created.code).toBe(1);
    expect(created.stderr).toContain('error: Invalid source "Referral": expected inbound, outbound, referral, partner, event, campaign:{id} or thread:threads/{path} — write Referral as referral');
  });

  // A thread's `source` copied from Windows Explorer (`thread:threads\sales\northwind-payments`)
  // got the list of forms alone, and a second warning that no thread is at `threads\sales\…`.
  it('a source path written with backslashes is told the path with /, once, in check and in `deal new --source`', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/meta.json`, '"source": "inbound"', '"source": "thread:threads\\\\sales\\\\northwind-payments"');
    const checked = await runCli(['check', '--dir', dir]);
    const lines = checked.stdout.split('\n').filter((line) => line.startsWith(`${DEAL}/meta.json:8:13`));
    expect(lines).toEqual([
      `${DEAL}/meta.json:8:13 error Invalid \`source\`: expected one of inbound, outbound, referral, partner, event, campaign:{campaign-id} or thread:threads/{path} — a path is written with /, not \\: write thread:threads/sales/northwind-payments (got "thread:threads\\\\sales\\\\northwind-pay…) (schema)`,
    ]);
    const created = await runCli(['deal', 'new', 'Zeta Pay', '-s', 'mid-market-fintech', '--source', 'thread:threads\\sales\\northwind-payments', '--no-commit', '--dir', dir]);
    expect(created.code).toBe(1);
    expect(created.stderr).toContain('— a path is written with /, not \\: write thread:threads/sales/northwind-payments');
  });

  // A segment named as a German founder writes it (`E-Commerce-Größe`) was told only
  // "expected a lower-case kebab-case slug", leaving what becomes of `ß` and `ö` to guess.
  it('a slug written with accents, ß or capitals is told the slug to write', async () => {
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'strategy/canvas/04-segments.md', 'id: ecommerce-finance', 'id: E-Commerce-Größe');
    // A deal folder made by hand, named as the company is written.
    mkdirSync(join(dir, 'threads/sales/bäckerei-müller'));
    writeFileSync(join(dir, 'threads/sales/bäckerei-müller/meta.json'), '{"id": "bäckerei-müller", "type": "sales-deal", "title": "Bäckerei Müller", "source": "inbound", "created": "2026-03-01"}\n');
    writeFileSync(join(dir, 'threads/sales/bäckerei-müller/1-input.md'), '---\nsource: inbound\ndate: 2026-03-01\n---\n');
    const checked = await runCli(['check', '--dir', dir]);
    expect(checked.stdout).toContain('threads/sales/bäckerei-müller/meta.json:1:8 error Invalid `id`: expected the thread id, its folder name: lower-case letters, digits and single hyphens (a folder named otherwise is renamed, its id with it) — rename the folder to backerei-muller and write that id (got "bäckerei-müller") (schema)');
    expect(checked.stdout).toMatch(/strategy\/canvas\/04-segments\.md:\d+:\d+ error Invalid `segments\[1\]\.id`: expected a lower-case kebab-case slug such as "mid-market-fintech" — write e-commerce-grosse \(got "E-Commerce-Größe"\) \(schema\)/);
  });

  // `outcome: won` was "expected one of closed-won, closed-lost, stalled" with no hint,
  // though only one value has the word; `closed` has two and is left to the list.
  it('a value written as the one word that tells it apart is told the value it stands for', async () => {
    const { openWorkspace } = await import('../src/api.js');
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, 'threads/sales/northwind-payments/6-learning.md', 'outcome: closed-won', 'outcome: won');
    replaceInFile(dir, `${DEAL}/6-learning.md`, 'outcome: closed-lost', 'outcome: closed');
    const { diagnostics } = await (await openWorkspace(dir)).check({ cache: false });
    expect(diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.message}`)).toEqual([
      `${DEAL}/6-learning.md:Invalid \`outcome\`: expected one of closed-won, closed-lost, stalled (got "closed")`,
      'threads/sales/northwind-payments/6-learning.md:Invalid `outcome`: expected one of closed-won, closed-lost, stalled — did you mean closed-won? (got "won")',
    ]);
  });
});

// `date: 04.12.2026` was "expected a date such as 2026-03-01": the person saw a date and was
// not told which day to write. A date that reads one way is told the YYYY-MM-DD to write;
// one that reads two ways is told both days, for the person to choose.
describe('a date written another way', () => {
  it('is told the YYYY-MM-DD to write, or both days it could be', async () => {
    const { openWorkspace } = await import('../src/api.js');
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/1-input.md`, '\ndate: 2026-05-11', '\ndate: 11.05.2026');
    replaceInFile(dir, `${DEAL}/1-input.md`, '      date: 2026-04-08', '      date: April 8, 2026');
    replaceInFile(dir, 'threads/sales/northwind-payments/1-input.md', '\ndate: 2026-04-02', '\ndate: 03/04/2026');
    const { diagnostics } = await (await openWorkspace(dir)).check({ cache: false });
    expect(diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.message}`)).toEqual([
      `${DEAL}/1-input.md:Invalid \`date\`: expected a date such as 2026-03-01 — write 11.05.2026 as 2026-05-11 (got "11.05.2026")`,
      `${DEAL}/1-input.md:Invalid \`company.signals[0].date\`: expected a date such as 2026-03-01 — write April 8, 2026 as 2026-04-08 (got "April 8, 2026")`,
      'threads/sales/northwind-payments/1-input.md:Invalid `date`: expected a date such as 2026-03-01 — 03/04/2026 reads two ways, April 3 or March 4: write 2026-04-03 or 2026-03-04 (got "03/04/2026")',
    ]);
  });

  // `closed: "2026-08-12 "` was told to "write 2026-08-12 as 2026-08-12": the space is the fault.
  it('with a space inside its quotes is told the space, not a date it already is', async () => {
    const { openWorkspace } = await import('../src/api.js');
    const dir = exampleWorkspaceCopy();
    replaceInFile(dir, `${DEAL}/6-learning.md`, '\nclosed: 2026-08-12', '\nclosed: "2026-08-12 "');
    const { diagnostics } = await (await openWorkspace(dir)).check({ cache: false });
    expect(diagnostics.filter((d) => d.rule === 'schema').map((d) => `${d.path}:${d.line}:${d.message}`)).toEqual([
      `${DEAL}/6-learning.md:3:Invalid \`closed\`: expected a date such as 2026-03-01 — unexpected space after the date: write 2026-08-12 with nothing around it (got "2026-08-12 ")`,
    ]);
  });
});
