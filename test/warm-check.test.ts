import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generateWorkspace, mulberry32 } from '../bench/generate.js';
import { openWorkspace } from '../src/api.js';
import { checkModel, type CheckResult } from '../src/check/check.js';
import { WorkspaceSession } from '../src/engine/session.js';
import { WorkspaceState } from '../src/engine/state.js';
import { testdir } from './helpers/testdir.js';

/**
 * A warm session keeps each thread's own check results while the thread's files are the
 * same objects (check/thread-memo.ts), and checks the whole workspace after every edit; a
 * cold check computes everything from the disk. After any sequence of edits — and any
 * change of day — both must say exactly the same, positions included.
 */
type Edit = (dir: string, deal: string, random: () => number) => void;

const opened: WorkspaceSession[] = [];
afterEach(async () => {
  for (const session of opened.splice(0)) await session.close();
  vi.unstubAllEnvs();
});

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function rewrite(dir: string, rel: string, edit: (text: string) => string): void {
  const file = join(dir, rel);
  if (existsSync(file)) writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

const STAGES = ['1-input.md', '2-hypothesis.md', '3-implication.md', '4-decision.md', '5-actions.md', '6-learning.md'];
/** What a broken or deleted file held, to write back later: path → text. */
const setAside = new Map<string, string>();
let added = 0;
const DAYS = ['2025-07-01', '2025-09-15', '2026-01-10', '2026-06-30', '2027-03-01'];

function criteria(random: () => number): string {
  const budget = pick(random, ['null', '5000', '54000', '250000']);
  const authority = pick(random, ['unknown', 'engaged', 'signed-off', 'null']);
  const need = pick(random, ['unknown', 'confirmed', 'null']);
  const timeline = pick(random, ['null', 'Q4 2025', 'next year']);
  const extra = random() < 0.3 ? '\n  chmapion: yes' : '';
  return `criteria:\n  budget: ${budget}\n  authority: ${authority}\n  need: ${need}\n  timeline: ${timeline}${extra}\n`;
}

const EDITS: Record<string, Edit> = {
  'close it won': (dir, deal) => rewrite(dir, `threads/sales/${deal}/6-learning.md`, (text) => text.replace(/^outcome: .*$/m, 'outcome: closed-won')),
  'lose it': (dir, deal) => rewrite(dir, `threads/sales/${deal}/6-learning.md`, (text) => text.replace(/^outcome: .*$/m, 'outcome: closed-lost')),
  'decide again, on other criteria': (dir, deal, random) =>
    rewrite(dir, `threads/sales/${deal}/4-decision.md`, (text) =>
      text
        .replace(/^decision: .*$/m, `decision: ${pick(random, ['QUALIFY', 'QUALIFY', 'REJECT', 'DEFER'])}`)
        .replace(/^framework: .*$/m, `framework: ${pick(random, ['BANT', 'BANT', 'MEDDIC'])}`)
        .replace(/^criteria:\n(?: {2}.*\n)*/m, criteria(random))
        .replace(/^revisit: .*$/m, random() < 0.5 ? 'revisit: null' : 'revisit: 2026-05-01'),
    ),
  'move its actions on or back': (dir, deal, random) =>
    rewrite(dir, `threads/sales/${deal}/5-actions.md`, (text) => text.replace(/^( {4}status: ).*$/gm, (_line, key: string) => `${key}${pick(random, ['planned', 'in_progress', 'completed'])}`)),
  'date something in the future': (dir, deal, random) => {
    const future = pick(random, ['2026-08-01', '2027-02-14']);
    const which = pick(random, ['closed', 'completed', 'signal', 'created']);
    if (which === 'closed') rewrite(dir, `threads/sales/${deal}/6-learning.md`, (text) => text.replace(/^closed: .*$/m, `closed: ${future}`));
    if (which === 'completed') rewrite(dir, `threads/sales/${deal}/5-actions.md`, (text) => text.replace(/^( {4}completed: ).*$/m, `$1${future}`));
    if (which === 'signal') rewrite(dir, `threads/sales/${deal}/1-input.md`, (text) => text.replace(/^date: .*$/m, `date: ${future}`));
    if (which === 'created') rewrite(dir, `threads/sales/${deal}/meta.json`, (text) => text.replace(/"created": "[^"]*"/, `"created": "${future}"`));
  },
  'break a stage file half-way': (dir, deal, random) => {
    const rel = `threads/sales/${deal}/${pick(random, STAGES)}`;
    if (!existsSync(join(dir, rel)) || setAside.has(rel)) return;
    setAside.set(rel, readFileSync(join(dir, rel), 'utf8'));
    writeFileSync(join(dir, rel), '---\ndecision: QUALIFY\ncriteria: [oops');
  },
  'delete a stage file': (dir, deal, random) => {
    const rel = `threads/sales/${deal}/${pick(random, STAGES)}`;
    if (!existsSync(join(dir, rel)) || setAside.has(rel)) return;
    setAside.set(rel, readFileSync(join(dir, rel), 'utf8'));
    rmSync(join(dir, rel));
  },
  // Stage 4 the last: a DEFER stands (defer-without-revisit), the pipeline stage scored against moves.
  'take it back to its decision, deferred': (dir, deal, random) => {
    for (const name of ['5-actions.md', '6-learning.md']) {
      const rel = `threads/sales/${deal}/${name}`;
      if (!existsSync(join(dir, rel)) || setAside.has(rel)) continue;
      setAside.set(rel, readFileSync(join(dir, rel), 'utf8'));
      rmSync(join(dir, rel));
    }
    rewrite(dir, `threads/sales/${deal}/4-decision.md`, (text) => text.replace(/^decision: .*$/m, 'decision: DEFER').replace(/^revisit: .*$/m, random() < 0.7 ? 'revisit: null' : 'revisit: 2026-05-01'));
  },
  'fix or recreate a file set aside': (dir, _deal, random) => {
    const rel = pick(random, [...setAside.keys()].filter((key) => !key.includes('#')));
    if (rel === undefined || !existsSync(join(dir, rel.slice(0, rel.lastIndexOf('/'))))) return;
    writeFileSync(join(dir, rel), setAside.get(rel)!);
    setAside.delete(rel);
  },
  // Named to sort before every thread: a warm model lists a thread added last, a cold one in
  // the scan's order, and which of two threads sharing an id is told `duplicate-id` must not
  // follow either (the first holder is the first in path order).
  'add a thread like it': (dir, deal) => {
    const copy = `${String(++added).padStart(3, '0')}-${deal}`;
    if (existsSync(join(dir, 'threads/sales', copy))) return;
    cpSync(join(dir, 'threads/sales', deal), join(dir, 'threads/sales', copy), { recursive: true });
    rewrite(dir, `threads/sales/${copy}/meta.json`, (text) => text.replace(`"id": "${deal}"`, `"id": "${copy}"`));
  },
  'delete the thread': (dir, deal) => {
    for (const rel of setAside.keys()) if (rel.startsWith(`threads/sales/${deal}/`)) setAside.delete(rel);
    rmSync(join(dir, 'threads/sales', deal), { recursive: true, force: true });
  },
  // What the other threads and the canvas and goals say: a thread's kept findings must follow them.
  'name another thread as its source, or a campaign': (dir, deal, random) => {
    const others = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns' && name !== deal);
    const source = random() < 0.5 ? `thread:threads/sales/${pick(random, others)}` : pick(random, ['campaign:no-such-campaign', 'campaign:q1-fintech-outbound', 'thread:threads/sales/gone-co']);
    rewrite(dir, `threads/sales/${deal}/meta.json`, (text) => text.replace(/"source": "[^"]*"/, `"source": "${source}"`));
  },
  'give it the id of another thread': (dir, deal, random) => {
    const other = pick(random, readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns' && name !== deal));
    rewrite(dir, `threads/sales/${deal}/meta.json`, (text) => text.replace(/"id": "[^"]*"/, `"id": "${other}"`));
  },
  'give it another segment and goal': (_dir, deal, random) =>
    rewrite(_dir, `threads/sales/${deal}/meta.json`, (text) =>
      text
        .replace(/"segment": "[^"]*"/, `"segment": "${pick(random, ['mid-market-fintech', 'ecommerce-finance', 'b2b-saas-finance', 'no-such-segment'])}"`)
        .replace(/"subgoal": "[^"]*"/, `"subgoal": "${pick(random, ['SG1', 'SG2', 'SG9'])}"`),
    ),
  'drop an assumption from the canvas, or put it back': (dir, _deal, random) => {
    const rel = 'strategy/canvas/10-assumptions.md';
    const kept = setAside.get(`${rel}#whole`);
    if (kept !== undefined && random() < 0.6) {
      writeFileSync(join(dir, rel), kept);
      setAside.delete(`${rel}#whole`);
      return;
    }
    const text = readFileSync(join(dir, rel), 'utf8');
    if (kept === undefined) setAside.set(`${rel}#whole`, text);
    const id = pick(random, ['A5', 'A6', 'A2']);
    writeFileSync(join(dir, rel), random() < 0.2 ? '---\nassumptions: [oops' : text.replace(`  - id: ${id}\n`, `  - id: ${id}X\n`));
  },
  'drop a subgoal of a goal, or put it back': (dir, _deal, random) => {
    const rel = 'goals/g-arr-1m-2026.md';
    const kept = setAside.get(`${rel}#whole`);
    if (kept !== undefined) {
      writeFileSync(join(dir, rel), kept);
      setAside.delete(`${rel}#whole`);
      return;
    }
    const text = readFileSync(join(dir, rel), 'utf8');
    setAside.set(`${rel}#whole`, text);
    writeFileSync(join(dir, rel), text.replace(`  - id: ${pick(random, ['SG1', 'SG2'])}\n`, '  - id: SG7\n'));
  },
  // No file changes: the dates judged "in the future" move with the day.
  'a day passes, or the clock is set back': (_dir, _deal, random) => vi.stubEnv('THREADWORK_TODAY', pick(random, DAYS)),
};

async function coldCheck(dir: string): Promise<CheckResult> {
  return checkModel((await WorkspaceState.load(dir, { cache: false })).currentModel());
}

describe('a warm check', () => {
  it('says exactly what a cold check says, after every edit of a random sequence', async () => {
    vi.stubEnv('THREADWORK_TODAY', '2026-01-10');
    const dir = testdir();
    generateWorkspace(dir, { deals: 40, seed: 5 });
    const session = new WorkspaceSession(dir, { cache: false });
    opened.push(session);
    expect(await session.check()).toEqual(await coldCheck(dir));

    const random = mulberry32(2) as () => number;
    // Deciding again, and moving links, twice as often: what the kept findings say is rarer than what an edit does.
    const names = [...Object.keys(EDITS), 'decide again, on other criteria', 'name another thread as its source, or a campaign', 'give it another segment and goal'];
    const applied: string[] = [];
    const rules = new Set<string>();
    for (let step = 0; step < 120; step++) {
      // Most edits land on a few threads: edits on one thread compound, as a person's do.
      const deals = readdirSync(join(dir, 'threads/sales')).filter((name) => name !== 'campaigns');
      const deal = pick(random, random() < 0.7 ? deals.slice(0, 6) : deals);
      const name = pick(random, names);
      EDITS[name]!(dir, deal, random);
      applied.push(`${name}: ${deal}`);
      const warm = await session.check();
      expect(warm, applied.join(' → ')).toEqual(await coldCheck(dir));
      for (const d of warm.diagnostics) rules.add(d.rule);
    }
    // The sequence reached what the kept checks say, or it proved nothing of them.
    const wanted = ['date-in-future', 'closed-before-created', 'decision-contradicts-score', 'criterion-unrecognised', 'defer-without-revisit', 'duplicate-id', 'unknown-source-thread', 'unknown-campaign', 'unknown-assumption', 'unknown-subgoal', 'unknown-segment', 'stage-order'];
    expect(wanted.filter((rule) => !rules.has(rule))).toEqual([]);
  }, 120_000);

  it('tells the same one of two threads sharing an id as a cold check and sync, when the one first in path order was added last', async () => {
    vi.stubEnv('THREADWORK_TODAY', '2029-01-10');
    const dir = testdir();
    const { dealSlugs } = generateWorkspace(dir, { deals: 12, seed: 3 }) as { dealSlugs: string[] };
    const session = new WorkspaceSession(dir, { cache: false });
    opened.push(session);
    await session.check();
    // A copy that keeps the original's id, in a folder sorting before every deal: the warm
    // model meets it last, a cold load first.
    cpSync(join(dir, 'threads/sales', dealSlugs[5]!), join(dir, 'threads/sales/000-copy'), { recursive: true });
    const warm = await session.check();
    const duplicate = warm.diagnostics.filter((d) => d.rule === 'duplicate-id');
    // The thread whose folder has the id holds it, as sync's cross-file check says.
    expect(duplicate.map((d) => d.path)).toEqual(['threads/sales/000-copy/meta.json']);
    expect(duplicate[0]!.message).toContain(`already used by threads/sales/${dealSlugs[5]}`);
    expect(warm).toEqual(await coldCheck(dir));
    const synced = await (await openWorkspace(dir)).sync({ dryRun: true });
    expect(synced.diagnostics.filter((d) => d.rule === 'duplicate-id').map((d) => d.path)).toEqual(['threads/sales/000-copy/meta.json']);
  });

  it('judges dates against the day of the check, not the day a thread was last checked', async () => {
    // Later than every date the generator writes: the one moved below is the only one to come.
    vi.stubEnv('THREADWORK_TODAY', '2029-01-10');
    const dir = testdir();
    const { dealSlugs } = generateWorkspace(dir, { deals: 12, seed: 3 }) as { dealSlugs: string[] };
    rewrite(dir, `threads/sales/${dealSlugs[0]}/1-input.md`, (text) => text.replace(/^date: .*$/m, 'date: 2030-03-01'));
    const session = new WorkspaceSession(dir, { cache: false });
    opened.push(session);
    const before = await session.check();
    expect(before.diagnostics.filter((d) => d.rule === 'date-in-future').map((d) => d.path)).toEqual([`threads/sales/${dealSlugs[0]}/1-input.md`]);

    vi.stubEnv('THREADWORK_TODAY', '2030-03-01');
    const after = await session.check();
    expect(after.diagnostics.filter((d) => d.rule === 'date-in-future')).toEqual([]);
    expect(after).toEqual(await coldCheck(dir));
  });

  it('follows a stage file broken before it was ever valid, which derivation holds as absent like a deleted one', async () => {
    vi.stubEnv('THREADWORK_TODAY', '2029-01-10');
    const dir = testdir();
    const { dealSlugs } = generateWorkspace(dir, { deals: 3, seed: 3 }) as { dealSlugs: string[] };
    const hypothesis = `threads/sales/${dealSlugs[0]}/2-hypothesis.md`;
    rmSync(join(dir, hypothesis));
    const state = await WorkspaceState.load(dir, { cache: false });
    const orderOf = (result: CheckResult): string[] => result.diagnostics.filter((d) => d.rule === 'stage-order').map((d) => d.path);
    expect(orderOf(checkModel(state.derivationModel()))).toEqual([`threads/sales/${dealSlugs[0]}/3-implication.md`]);
    // The thread's files in the derivation model are the same objects (the broken one is held
    // as absent); only the broken set says the predecessor is there.
    writeFileSync(join(dir, hypothesis), '---\ntests: [A5');
    state.update(hypothesis);
    const warm = checkModel(state.derivationModel());
    expect(orderOf(warm)).toEqual([]);
    expect(warm).toEqual(checkModel((await WorkspaceState.load(dir, { cache: false })).derivationModel()));
  });
});

describe("a warm check's kept steps", () => {
  // The steps a thread keeps between checks are made outside the call that lists them
  // (check/references.ts: a closure made inside kept that call's whole scope, ~1 KB a
  // thread); what they read at each check must still be the workspace's of that check.
  it("judge a thread's amounts against the canvas's currency of each check, not the one they were kept with", async () => {
    vi.stubEnv('THREADWORK_TODAY', '2029-01-10');
    const dir = testdir();
    const { dealSlugs } = generateWorkspace(dir, { deals: 12, seed: 3 }) as { dealSlugs: string[] };
    const learning = `threads/sales/${dealSlugs[2]}/6-learning.md`;
    rewrite(dir, learning, (text) => text.replace(/^outcome: .*$/m, 'outcome: closed-won').replace(/^arr: .*$/m, 'arr: "€45000"'));
    const session = new WorkspaceSession(dir, { cache: false });
    opened.push(session);
    const otherCurrency = (result: CheckResult): string[] => result.diagnostics.filter((d) => d.rule === 'amount-other-currency').map((d) => d.path);
    const before = await session.check();
    expect(otherCurrency(before)).toEqual([learning]);
    expect(before).toEqual(await coldCheck(dir));

    // Only the canvas moves: the deal's files, and so its kept steps, stay as they were.
    rewrite(dir, 'strategy/canvas/11-pricing.md', (text) => text.replace(/^currency: USD$/m, 'currency: EUR'));
    const after = await session.check();
    expect(otherCurrency(after)).toEqual([]);
    expect(after).toEqual(await coldCheck(dir));

    rewrite(dir, 'strategy/canvas/11-pricing.md', (text) => text.replace(/^currency: EUR$/m, 'currency: USD'));
    const back = await session.check();
    expect(otherCurrency(back)).toEqual([learning]);
    expect(back).toEqual(await coldCheck(dir));
  });
});
