import type { Diagnostic, RuleId } from '../diagnostics.js';

/**
 * Rules a line always lists: a block left alone is news on every cycle that writes around it.
 * Not `derived-held`: a file held at its committed version was said on every line while it
 * held, burying each save's own news under the same reminder; it is listed when the hold
 * starts (a problem no line listed) and its end is said (`released`).
 */
const ALWAYS: ReadonlySet<RuleId> = new Set<RuleId>(['managed-block', 'marketing-open']);

/**
 * Which of a cycle's diagnostics its watch line lists. A cycle finds every problem a sync
 * would (the workspace's broken files, the cross-file errors of the threads in question),
 * but a line that repeated them all on every save would bury the one that matters; it
 * lists those in the files the cycle read anew and those no earlier line listed — so a
 * segment renamed in 04-segments.md lists every thread still naming the old id, once.
 * A problem that goes away is forgotten: if it comes back, it is listed again.
 */
export class ReportedProblems {
  /** The problems the last cycle found, listed or not. */
  private known = new Set<string>();
  /** The files the last cycle found an error in. */
  private inError = new Set<string>();
  /** The files the last cycle found a `derived-held` warning at. */
  private held = new Set<string>();

  /** Startup lists everything it found. */
  startup(found: readonly Diagnostic[]): Diagnostic[] {
    this.known = new Set(found.map(problemKey));
    this.inError = errorPaths(found);
    this.held = heldPaths(found);
    return [...found];
  }

  /**
   * A change or reconcile cycle: what it found in `changed`, what it always lists, and what
   * is new; and the files whose errors it found gone (`fixed`) — by their own save, or by
   * another file's (a segment added back to 04-segments.md clears the threads naming it).
   * A cycle finds every error a sync would: the broken files', and the cross-file errors of
   * the threads in question, those in error before always among them. `released`: the
   * files held before and not now, other than those `fixed` says (a thread held for a
   * segment's broken canvas, released when the canvas is fixed).
   */
  cycle(found: readonly Diagnostic[], changed: ReadonlySet<string>): { listed: Diagnostic[]; fixed: string[]; released: string[] } {
    const keys = found.map(problemKey);
    const listed = found.filter((d, i) => changed.has(d.path) || ALWAYS.has(d.rule) || !this.known.has(keys[i]!));
    const now = errorPaths(found);
    const fixed = [...this.inError].filter((path) => !now.has(path)).sort();
    const held = heldPaths(found);
    const released = [...this.held].filter((path) => !held.has(path) && !fixed.includes(path)).sort();
    this.known = new Set(keys);
    this.inError = now;
    this.held = held;
    return { listed, fixed, released };
  }
}

function errorPaths(found: readonly Diagnostic[]): Set<string> {
  return new Set(found.filter((d) => d.severity === 'error').map((d) => d.path));
}

function heldPaths(found: readonly Diagnostic[]): Set<string> {
  return new Set(found.filter((d) => d.rule === 'derived-held').map((d) => d.path));
}

/** A problem in a file that did not change keeps its place and words from cycle to cycle. */
function problemKey(d: Diagnostic): string {
  return `${d.path}\0${d.line}\0${d.column}\0${d.rule}\0${d.message}`;
}
