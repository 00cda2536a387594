import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkspace } from '../api.js';
import { addDays, today } from '../clock.js';
import { gitRaw } from '../git/git.js';
import { readThreadworkCommits } from '../git/log.js';
import { setFrontMatterFields } from '../markdown/front-matter-edit.js';
import { assumptionsOf, goalsOf, segmentsOf } from '../workspace/model.js';
import type { SyncResult } from '../sync/run.js';
import { EXAMPLE_ENTRIES } from './example-entries.js';

/** The package root, which holds the bundled example workspace. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export { EXAMPLE_ENTRIES };

export interface DemoStep {
  step: string;
  sync?: Pick<SyncResult, 'written' | 'changes' | 'commit'>;
}

/**
 * The whole lifecycle on a temporary copy of the bundled example: a fresh git
 * repository, a sync, a new deal walked through all six stages to closed-won with a
 * sync after each, so the git log shows every derived change. The repository's own
 * example is never touched.
 */
export async function runLifecycleDemo(log: (line: string) => void, source = PACKAGE_ROOT): Promise<{ dir: string; steps: DemoStep[]; deal: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'threadwork-demo-'));
  for (const entry of EXAMPLE_ENTRIES) if (existsSync(join(source, entry))) cpSync(join(source, entry), join(dir, entry), { recursive: true });
  await gitRaw(dir, ['init', '-q', '--initial-branch=main']);
  await gitRaw(dir, ['config', 'user.name', 'threadwork demo']);
  await gitRaw(dir, ['config', 'user.email', 'demo@threadwork.invalid']);
  await gitRaw(dir, ['config', 'commit.gpgsign', 'false']);
  await gitRaw(dir, ['add', '-A']);
  await gitRaw(dir, ['commit', '-q', '-m', 'The example workspace, as bundled']);
  log(`Copied the example workspace to ${dir} (a fresh git repository).`);

  const ws = await openWorkspace(dir);
  const steps: DemoStep[] = [];
  const sync = async (step: string): Promise<void> => {
    const result = await ws.sync();
    steps.push({ step, sync: { written: result.written, changes: result.changes, commit: result.commit } });
    const commit = result.commit?.committed ? ` → commit ${result.commit.commit.slice(0, 10)}` : '';
    const n = result.written.length;
    log(`${step}: ${n ? `${n} derived ${n === 1 ? 'file' : 'files'} updated${commit}` : 'already in sync, nothing written'}`);
    for (const change of result.changes) log(`    ${change.description}`);
  };

  await sync('sync');
  const model = await ws.load();
  const segment = segmentsOf(model)[0];
  const goal = goalsOf(model)[0];
  const subgoal = goal?.subgoals.find((s) => s.metric === 'won_count' || s.metric === 'won_arr') ?? goal?.subgoals[0];
  const tested = assumptionsOf(model).filter((a) => !a.retired && (!a.segment || a.segment === segment?.id)).slice(0, 2).map((a) => a.id);
  if (!segment) throw new Error('The example workspace has no segment to open a deal in');

  const start = addDays(today(), -42);
  const deal = await ws.createDeal({
    company: 'Bluewater Payments',
    segment: segment.id,
    ...(goal ? { goal: goal.id } : {}),
    ...(goal && subgoal ? { subgoal: subgoal.id } : {}),
    source: 'outbound',
    date: start,
    contactName: 'Priya Natarajan',
    contactTitle: 'VP Finance',
    contactEmail: 'priya@bluewater-pay.example',
    domain: 'bluewater-pay.example',
    signal: 'Raised a Series C and posted two senior accountant roles for the close team',
  });
  steps.push({ step: `deal new → ${deal.path}` });
  log(`Opened ${deal.path} (segment ${segment.id}${goal ? `, goal ${goal.id}${subgoal ? ` ${subgoal.id}` : ''}` : ''}).`);

  const fill = (file: string, fields: Record<string, unknown>): void => {
    const path = join(dir, deal.path, file);
    writeFileSync(path, setFrontMatterFields(readFileSync(path, 'utf8'), fields));
  };
  const stageData: Record<string, Record<string, unknown>> = {
    '1-input.md': {
      date: start,
      company: { name: 'Bluewater Payments', domain: 'bluewater-pay.example', industry: 'payments', employees: 640, revenue: '$85M', geography: 'United States', technologies: ['NetSuite', 'Stripe', 'Adyen'], signals: [{ type: 'funding', detail: 'Series C, $60M', date: addDays(start, -20) }, { type: 'hiring', detail: 'Two senior accountants for the close team', date: addDays(start, -5) }] },
    },
    '2-hypothesis.md': { tests: tested, initial_confidence: 0.55, statement: 'Three PSPs and a 9-day close: the reconciliation pain is acute and budgeted.' },
    '3-implication.md': { arr_potential: 42000, strategic_value: 'high', resource_cost_hours: 30 },
    '4-decision.md': { decision: 'QUALIFY', framework: 'BANT', criteria: { budget: 42000, authority: 'confirmed', need: 'Close takes 9 days; target is 4', timeline: 'Q1' }, alternatives: ['Defer until the new controller starts'], reasoning: 'Budget approved by the CFO, the VP Finance owns the close, and the audit in February sets the timeline.' },
    '5-actions.md': {
      actions: ['sales:lead-intake', 'sales:qualify', 'sales:demo', 'sales:pilot', 'sales:close'].map((type, i) => ({ type, status: 'completed', due: addDays(start, 3 + i * 8), completed: addDays(start, 2 + i * 8), result: type === 'sales:pilot' ? 'Matched 98.6% of March transactions automatically' : 'Done', owner: 'Sam (AE)' })),
    },
    '6-learning.md': {
      outcome: 'closed-won',
      closed: addDays(start, 40),
      arr: 42000,
      margin: 0.82,
      csat: 9,
      validations: tested.map((id) => ({ assumption: id, result: 'validated', evidence: 'Pilot cut the close from 9 to 4 days; the CFO signed without a procurement round.' })),
      content_opportunity: { topic: 'How Bluewater Payments closed the books in four days', priority: 'high' },
    },
  };
  fill('1-input.md', stageData['1-input.md']!);
  await sync('stage 1 (input) filled');
  for (const file of ['2-hypothesis.md', '3-implication.md', '4-decision.md', '5-actions.md', '6-learning.md']) {
    const advanced = await ws.advance(deal.path);
    fill(file, stageData[file]!);
    steps.push({ step: `advance → ${advanced.created}` });
    await sync(`stage ${advanced.to} (${file.slice(2, -3)}) filled`);
  }
  await sync('sync again');
  return { dir, steps, deal: deal.path };
}

/** `git log` of the demo's threadwork commits, oldest first, with their before → after lines. */
export async function demoLog(dir: string): Promise<string[]> {
  const commits = await readThreadworkCommits(dir);
  return commits.reverse().flatMap((c) => [`${c.commit.slice(0, 10)} ${c.subject}`, ...c.body.map((l) => `    ${l}`)]);
}
