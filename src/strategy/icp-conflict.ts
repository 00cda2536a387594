import { HELD_FILE_ADVICE, type Diagnostic } from '../diagnostics.js';
import type { UnmergedFiles } from '../markdown/conflict-markers.js';
import { LAYOUT } from '../workspace/layout.js';
import { generatedState } from './generated-file.js';

/** The strategy's sources: a canvas section or the config (strategy/conflicted-inputs.ts refuses `strategy` on the same). */
const isStrategySource = (path: string): boolean => path.startsWith(`${LAYOUT.canvas}/`) || path === LAYOUT.config;

const isConflictError = (d: Diagnostic): boolean => d.rule === 'merge-conflict' && d.severity === 'error';

const isIcpConflict = (d: Diagnostic): boolean => isConflictError(d) && d.path.startsWith(`${LAYOUT.icp}/`);

/** The first strategy source's `merge-conflict` error, by path and line. */
function conflictedSource(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.filter((d) => isConflictError(d) && isStrategySource(d.path)).sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)[0];
}

/** The ICP files whose error icpConflictsPointedAtSource may say anew: what git's index is asked the sides of (none, no git process). */
export function icpConflictsToPoint(diagnostics: readonly Diagnostic[]): Set<string> {
  return new Set(diagnostics.filter(isIcpConflict).map((d) => d.path));
}

/** An ICP file's conflict error as said anew (`before` → `after`), and what releases its `derived-held` hold. */
interface Said {
  before: string;
  after: string;
  release: string;
}

/**
 * `diagnostics` with each segment ICP file's `merge-conflict` error saying what resolves it.
 * Two people who each changed the canvas and regenerated leave the ICP file conflicted (its
 * first line, the hash, differs on each side); its error said to keep the lines wanted and
 * delete the markers — a hand merge of a generated file, which sync would then keep as tuned
 * by hand and never regenerate again. When both sides of it in git's index (`sides`) are as
 * threadwork generated them, sync regenerates it (strategy/generated-file.ts), so that is
 * what it says: while a file it is generated from still holds a conflict of its own, once
 * that is resolved (the canvas is what to resolve); with the canvas clean, now. A side tuned
 * by hand keeps the hand merge, after the canvas. The `derived-held` warning quoting the
 * error is said the same way. The diagnostic stays on the ICP file's first marker: its markers are there.
 */
export function icpConflictsPointedAtSource(diagnostics: readonly Diagnostic[], sides: UnmergedFiles | undefined, text: (path: string) => string | undefined): readonly Diagnostic[] {
  const source = conflictedSource(diagnostics);
  const at = source && `${source.path}:${source.line}:${source.column}`;
  const said = new Map<string, Said>();
  for (const d of diagnostics) {
    if (!isIcpConflict(d) || said.has(d.path)) continue;
    const unedited = generatedState(text(d.path), sides?.get(d.path)).state === 'unedited';
    if (at) said.set(d.path, unedited ? pointedAtSource(d, at) : handMergeAfterSource(d, at));
    else if (unedited) said.set(d.path, regeneratedBySync(d));
  }
  if (said.size === 0) return diagnostics;
  return diagnostics.map((d) => {
    const words = said.get(d.path);
    if (!words) return d;
    // The hold names the error by its place, not its words: only what releases it is said anew.
    if (d.rule === 'derived-held') return { ...d, message: d.message.replace(HELD_FILE_ADVICE, words.release) };
    if (d.rule !== 'merge-conflict' || !d.message.includes(words.before)) return d;
    return { ...d, message: d.message.replace(words.before, words.after) };
  });
}

// The hold is released by what the error says to do — first the canvas, when it is conflicted: "Fix the file" sent the person to this one.

/** Both sides as generated, the canvas (`at`) still conflicted: resolve it, and sync regenerates this file. */
const pointedAtSource = (d: Diagnostic, at: string): Said => ({
  before: d.message,
  after:
    `Unresolved merge conflict in a generated file: both sides regenerated it, each from their own canvas, and ${at}, which it is generated from, still holds a conflict: ` +
    `expected that file resolved, not this one — keep the version you want there, then \`threadwork sync\` (or \`threadwork strategy\`) regenerates this file from it (neither side of it was edited by hand)`,
  release: `Resolve ${at} to release the hold: \`threadwork sync\` then regenerates this file from it; threadwork will not commit this file until then`,
});

/** A side tuned by hand, the canvas (`at`) still conflicted: the canvas first, then this file by hand. */
const handMergeAfterSource = (d: Diagnostic, at: string): Said => ({
  before: d.message,
  after: `${d.message}, once ${at}, which it is generated from, is resolved: a side of this file was edited by hand, so it is not regenerated over`,
  release: `Resolve ${at} first, then this file's conflict by hand, to release the hold; threadwork will not commit this file while it is broken`,
});

/** Both sides as generated, the canvas clean (merged by git, or resolved already): sync regenerates this file from it now. */
const regeneratedBySync = (d: Diagnostic): Said => ({
  before: d.message,
  after:
    'Unresolved merge conflict in a generated file: both sides regenerated it, each from their own canvas, and neither side of it was edited by hand: ' +
    'expected it regenerated, not merged by hand — `threadwork sync` (or `threadwork strategy`) regenerates it from the canvas as merged',
  release: '`threadwork sync` regenerates it from the canvas as merged, which releases the hold; threadwork will not commit this file until then',
});
