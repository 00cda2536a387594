/**
 * `ok` on every answer, as the first key: what an agent tests before reading the rest.
 * Errors always carried it (`{"ok": false, "error": …}`) and so did `check`; the other
 * commands' documents did not, so `answer.ok` read `undefined` — falsy — on a success.
 *
 * `ok` is false when the answer reports an error: on the CLI exactly when the command
 * exits non-zero (`sync` and `strategy` holding values back for a file in error); an
 * answer that already says `ok` (check) keeps its own, moved first.
 */
export function withOk(answer: unknown, ok: boolean): unknown {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return answer;
  return { ok: 'ok' in answer ? answer.ok : ok, ...answer };
}

/** Whether an answer's diagnostics (or, for strategy, those of the sync it ran on what it reads) hold an error: what makes `sync` and `strategy` exit 1. */
export function reportsAnError(answer: unknown): boolean {
  const holdsError = (diagnostics: unknown, counts: (path: string) => boolean = () => true): boolean =>
    Array.isArray(diagnostics) && diagnostics.some((d) => (d as { severity?: unknown } | null)?.severity === 'error' && counts(String((d as { path?: unknown }).path ?? '')));
  const { diagnostics, sync } = (answer ?? {}) as { diagnostics?: unknown; sync?: { diagnostics?: unknown } | null };
  // `strategy` answers its own diagnostics and those of the sync after it: an error in what it
  // generates from (the canvas, the ICP files, the config — 04-segments.md that does not parse)
  // is only in the sync's, and is its own; one in a thread or a goal is held, as after any write.
  return holdsError(diagnostics) || holdsError(sync?.diagnostics, isStrategySource);
}

/** Whether a file is one `strategy` generates from (the canvas, the ICP files, the config): an error in it is the strategy's own. */
export function isStrategySource(path: string): boolean {
  return path.startsWith('strategy/') || path.startsWith('research/') || path === 'threadwork.config.yaml';
}
