import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateReplies, type LabelledReply } from '../src/outreach/reply-evaluation.js';
import { REPLY_CATEGORIES, type ReplyCategory } from '../src/outreach/reply-vocabulary.js';

const FOLDER = join(import.meta.dirname, 'fixtures/replies');

interface Entry extends LabelledReply {
  tags?: string[];
}

/** Every entry of every corpus file; the category is the file name's first part (`nurture.round-2.yaml` → nurture). */
function corpus(): Entry[] {
  return readdirSync(FOLDER)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((file) => (parse(readFileSync(join(FOLDER, file), 'utf8')) as Omit<Entry, 'category'>[]).map((e) => ({ ...e, category: file.split('.')[0] as ReplyCategory })));
}

describe('the labelled reply corpus', () => {
  const entries = corpus();
  const evaluation = evaluateReplies(entries);

  it('holds at least 200 replies, covering every category and the hard cases', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const category of REPLY_CATEGORIES) expect(entries.filter((e) => e.category === category).length, category).toBeGreaterThanOrEqual(30);
    for (const tag of ['negation', 'mixed', 'greeting', 'signature', 'quoted']) expect(entries.filter((e) => e.tags?.includes(tag)).length, tag).toBeGreaterThanOrEqual(8);
    // Every nurture reply says when to come back; every out-of-office one says whether it gives a return date.
    for (const e of entries.filter((x) => x.category === 'nurture')) expect(e.revisit, e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const e of entries.filter((x) => x.category === 'out-of-office')) expect(e.returns === null || /^\d{4}-\d{2}-\d{2}$/.test(String(e.returns)), e.id).toBe(true);
  });

  // Every round's misses are fixed before its replies join the corpus, so each entry is a
  // reply once read right: one read wrong is a regression (a 95% bar let one through).
  it('reads every reply of the corpus right', () => {
    expect(evaluation.misclassified).toEqual([]);
    expect(evaluation.accuracy).toBe(1);
  });

  it('reads the revisit and return dates right', () => {
    expect(evaluation.wrongDates).toEqual([]);
  });

  it('prints the confusion matrix from the built library', () => {
    const run = spawnSync(process.execPath, ['bench/reply-confusion.js'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`| nurture | ${REPLY_CATEGORIES.map((c) => (c === 'nurture' ? `**${evaluation.matrix.nurture.nurture}**` : String(evaluation.matrix.nurture[c] || '·'))).join(' | ')} |`);
    // Every category has its column heading, the bounce one too (it was printed blank).
    expect(run.stdout).toContain('| expected ↓ / got → | pos | neg | unsub | ooo | nurture | neutral | bounce | recall | precision |');
    expect(run.stdout).toMatch(new RegExp(`accuracy ${(evaluation.accuracy * 100).toFixed(1)}% \\(${evaluation.correct}/${entries.length}\\)`));
  });
});

describe('the confusion matrix', () => {
  it('counts expected against predicted, with recall and precision per category', () => {
    const result = evaluateReplies([
      { id: 'a', received: '2026-01-14', text: 'Not interested.', category: 'negative' },
      { id: 'b', received: '2026-01-14', text: 'Who is this?', category: 'positive' },
      { id: 'c', received: '2026-01-14', text: 'Not now, maybe next quarter.', category: 'nurture', revisit: '2026-05-01' },
    ]);
    expect(result.matrix.negative.negative).toBe(1);
    expect(result.matrix.positive.neutral).toBe(1);
    expect(result.accuracy).toBeCloseTo(2 / 3);
    expect(result.perCategory.positive).toEqual({ expected: 1, predicted: 0, recall: 0, precision: null });
    expect(result.perCategory.neutral).toEqual({ expected: 0, predicted: 1, recall: null, precision: 0 });
    expect(result.misclassified).toEqual([expect.objectContaining({ id: 'b', expected: 'positive', got: 'neutral' })]);
    expect(result.wrongDates).toEqual([{ id: 'c', field: 'revisit', expected: '2026-05-01', got: '2026-04-01' }]);
  });
});
