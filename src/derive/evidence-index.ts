import { byThread, type EvidenceCounts, type EvidenceRef } from './assumptions.js';
import { lowerBoundBy } from './sorted.js';

const NO_EVIDENCE: EvidenceCounts = { validated: 0, partial: 0, invalidated: 0 };

/**
 * Every assumption's evidence — the Stage 6 results that speak to it — kept as threads
 * come and go. The list handed out for an assumption is sorted by thread and never changed
 * afterwards: the next output patches a copy for the threads whose results changed (a
 * closed deal does not re-sort the thousands of results an assumption may hold), and the
 * counts of each kind are kept, not recounted.
 */
export class EvidenceIndex {
  /** Assumption → thread → its results, in the order the thread gives them. */
  private readonly results = new Map<string, Map<string, EvidenceRef['result'][]>>();
  private readonly counts = new Map<string, EvidenceCounts>();
  /** Assumption → its list as last handed out, and the threads whose results changed since. */
  private readonly sorted = new Map<string, { list: EvidenceRef[]; stale: Set<string> }>();

  /** A thread's result for an assumption comes (sign 1) or goes (sign −1). */
  apply(assumption: string, thread: string, result: EvidenceRef['result'], sign: 1 | -1): void {
    this.sorted.get(assumption)?.stale.add(thread);
    let counts = this.counts.get(assumption);
    if (!counts) this.counts.set(assumption, (counts = { ...NO_EVIDENCE }));
    counts[result] += sign;
    let byThread = this.results.get(assumption);
    if (!byThread) this.results.set(assumption, (byThread = new Map()));
    const results = byThread.get(thread) ?? [];
    if (sign > 0) results.push(result);
    else results.splice(results.indexOf(result), 1);
    if (results.length) byThread.set(thread, results);
    else byThread.delete(thread);
  }

  /** How many results of each kind the assumption has now (read at once: the counts move as threads do). */
  countsOf(assumption: string): Readonly<EvidenceCounts> {
    return this.counts.get(assumption) ?? NO_EVIDENCE;
  }

  /** The assumption's evidence, sorted by thread; the same list while nothing changed. */
  list(assumption: string): EvidenceRef[] {
    const known = this.sorted.get(assumption);
    if (known && known.stale.size === 0) return known.list;
    const results = this.results.get(assumption);
    // Many threads changed (everything recounted): building it again costs less than patching.
    if (!known || known.stale.size * 8 > known.list.length) {
      const list: EvidenceRef[] = [];
      for (const [thread, of] of results ?? []) for (const result of of) list.push({ thread, result });
      list.sort(byThread);
      this.sorted.set(assumption, { list, stale: new Set() });
      return list;
    }
    // The list handed out stays as it was: patched in a copy, each stale thread's entries
    // replaced by its results now, in their order (as the full build above places them).
    const list = known.list.slice();
    for (const thread of known.stale) {
      const from = lowerBoundBy(list, thread, (e) => e.thread);
      let to = from;
      while (to < list.length && list[to]!.thread === thread) to += 1;
      list.splice(from, to - from, ...(results?.get(thread) ?? []).map((result) => ({ thread, result })));
    }
    known.list = list;
    known.stale.clear();
    return list;
  }
}
