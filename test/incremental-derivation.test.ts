import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generateWorkspace, mulberry32 } from '../bench/generate.js';
import { IncrementalDerivation } from '../src/derive/incremental.js';
import { deriveWorkspace } from '../src/derive/workspace.js';
import { forecastRuns } from '../src/report/forecast.js';
import { WorkspaceState } from '../src/engine/state.js';
import { testdir } from './helpers/testdir.js';

/**
 * A watcher keeps one derivation and updates it one thread at a time (take the old
 * contribution out, put the new one in); a cold run derives from scratch. After any
 * sequence of edits both must give exactly the same result, or watch and sync would
 * disagree about the fixed point.
 */
type Edit = (dir: string, deal: string, random: () => number) => string[];

const learning = (dir: string, deal: string): string => join(dir, 'threads/sales', deal, '6-learning.md');

/** Rewrites a file; the paths touched, or none when the text came out the same. */
function rewrite(dir: string, rel: string, edit: (text: string) => string): string[] {
  const file = join(dir, rel);
  if (!existsSync(file)) return [];
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) return [];
  writeFileSync(file, after);
  return [rel];
}

const EDITS: Record<string, Edit> = {
  'close it won with another ARR and margin': (dir, deal, random) =>
    rewrite(dir, `threads/sales/${deal}/6-learning.md`, (text) =>
      text
        .replace(/^outcome: .*$/m, 'outcome: closed-won')
        .replace(/^arr: .*$/m, `arr: ${20000 + Math.floor(random() * 90) * 1000}`)
        .replace(/^margin: .*$/m, `margin: ${(0.5 + Math.floor(random() * 50) / 100).toFixed(2)}`),
    ),
  // Stage 6 with no outcome yet: still testing its assumptions (testsOpenly), in both derivations.
  'undecide its outcome': (dir, deal) => rewrite(dir, `threads/sales/${deal}/6-learning.md`, (text) => text.replace(/^outcome: .*$/m, 'outcome: null')),
  'lose it': (dir, deal) => rewrite(dir, `threads/sales/${deal}/6-learning.md`, (text) => text.replace(/^outcome: .*$/m, 'outcome: closed-lost')),
  'reopen it (learning deleted)': (dir, deal) => {
    const file = learning(dir, deal);
    if (!existsSync(file)) return [];
    rmSync(file);
    return [`threads/sales/${deal}/6-learning.md`];
  },
  'move it to another goal and subgoal': (dir, deal, random) =>
    rewrite(dir, `threads/sales/${deal}/meta.json`, (text) => {
      const meta = JSON.parse(text) as Record<string, unknown>;
      meta.goal_id = ['g-fintech-beachhead', 'g-arr-1m-2026', 'g-marketplace-launch'][Math.floor(random() * 3)];
      meta.subgoal = random() < 0.5 ? 'SG1' : 'SG2';
      return `${JSON.stringify(meta, null, 2)}\n`;
    }),
  'break its learning half-way': (dir, deal) => rewrite(dir, `threads/sales/${deal}/6-learning.md`, () => '---\noutcome: closed-won\narr: [oops'),
  'delete the thread': (dir, deal) => {
    const folder = join(dir, 'threads/sales', deal);
    const files = readdirSync(folder).map((f) => `threads/sales/${deal}/${f}`);
    rmSync(folder, { recursive: true });
    return files;
  },
};

describe('incremental derivation', () => {
  it('gives exactly what a cold derivation gives, after every edit of a random sequence', async () => {
    const dir = testdir();
    const { dealSlugs } = generateWorkspace(dir, { deals: 120, seed: 7 }) as { dealSlugs: string[] };
    const state = await WorkspaceState.load(dir);
    const warm = new IncrementalDerivation();
    expect(warm.derive(state.derivationModel())).toEqual(deriveWorkspace(state.derivationModel()));
    expect(warm.derive(state.derivationModel()).changedThreads?.size).toBe(0);

    const random = mulberry32(42) as () => number;
    const names = Object.keys(EDITS);
    const alive = [...dealSlugs];
    const applied: string[] = [];
    let previous = warm.derive(state.derivationModel());
    let handedOut = previous.threads;
    for (let step = 0; step < 60 && alive.length > 0; step++) {
      const asHandedOut = [...handedOut];
      // Every list handed out (goal and segment members, evidence, testers) is the caller's too.
      const previousCopy = structuredClone({ assumptions: previous.assumptions, goals: previous.goals });
      const deal = alive[Math.floor(random() * alive.length)]!;
      const name = names[Math.floor(random() * names.length)]!;
      const touched = EDITS[name]!(dir, deal, random);
      if (name === 'delete the thread') {
        alive.splice(alive.indexOf(deal), 1);
        state.removeFolder(`threads/sales/${deal}`);
      } else for (const path of touched) state.update(path);
      applied.push(`${name}: ${deal}`);
      const model = state.derivationModel();
      // Not toEqual on the whole at once: a failure names the step and the part that differs.
      const incremental = warm.derive(model);
      const cold = deriveWorkspace(model);
      // The previous output is the caller's: updating the thread list in place must not change it.
      expect(handedOut.every((facts, i) => facts === asHandedOut[i]) && handedOut.length === asHandedOut.length, applied.at(-1)).toBe(true);
      expect({ assumptions: previous.assumptions, goals: previous.goals }, `the previous output after ${applied.at(-1)}`).toEqual(previousCopy);
      handedOut = incremental.threads;
      previous = incremental;
      for (const key of Object.keys(cold) as (keyof typeof cold)[]) {
        if (key !== 'changedThreads') expect(incremental[key], `${key} after ${applied.join(' → ')}`).toEqual(cold[key]);
      }
      // Each goal's forecast, kept deal by deal and cohort by cohort, is the report's, drawn from scratch over every linked deal.
      const runs = forecastRuns(model, cold, cold.asOf);
      for (const goal of incremental.goals) expect(goal.forecast, `${goal.id}'s forecast after ${applied.at(-1)}`).toEqual(runs.get(goal.id)?.forecast ?? null);
      // The warm deriver names exactly the threads it had to recount: the one edited — or none
      // when the edit broke a file, whose last valid version is held.
      const recounted = name === 'break its learning half-way' || touched.length === 0 ? [] : [`threads/sales/${deal}`];
      expect([...(incremental.changedThreads ?? [])], applied.at(-1)).toEqual(recounted);
      // It looked at the threads the state's change log names, not at all 120: none when the
      // held version of a broken file stands, none for a deletion (the thread is forgotten).
      expect(warm.lookedAt, applied.at(-1)).toBe(name === 'delete the thread' ? 0 : recounted.length);
      expect(cold.changedThreads).toBeUndefined();
    }
    expect(applied.length).toBe(60);
  });

  it('after a sync wrote meta.json files, derives what a cold derivation does — also when a source field moved with them', async () => {
    const dir = testdir();
    const { dealSlugs } = generateWorkspace(dir, { deals: 60, seed: 11 }) as { dealSlugs: string[] };
    const state = await WorkspaceState.load(dir);
    const warm = new IncrementalDerivation();
    warm.derive(state.derivationModel());
    const written: string[] = [];
    dealSlugs.slice(0, 12).forEach((deal, i) => {
      const path = `threads/sales/${deal}/meta.json`;
      const meta = JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>;
      // What a sync writes: derived fields only; and, for one deal, a segment edited meanwhile.
      meta.close_probability = 0.42;
      meta.priority = 'high';
      if (i === 3) meta.segment = meta.segment === 'ecommerce-finance' ? 'mid-market-fintech' : 'ecommerce-finance';
      const text = `${JSON.stringify(meta, null, 2)}\n`;
      writeFileSync(join(dir, path), text);
      state.written(path, text);
      written.push(`threads/sales/${deal}`);
    });
    warm.adoptWrittenMeta(state.derivationModel(), written);
    const model = state.derivationModel();
    const incremental = warm.derive(model);
    const cold = deriveWorkspace(model);
    for (const key of Object.keys(cold) as (keyof typeof cold)[]) if (key !== 'changedThreads') expect(incremental[key], key).toEqual(cold[key]);
    expect(incremental.threads.find((t) => t.path === written[0])?.meta).toBe(model.threads.get(written[0]!)?.meta?.value);
  });
});
