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

/** Whether an answer's diagnostics (or those of the sync it ran) hold an error: what makes `sync` and `strategy` exit 1. */
export function reportsAnError(answer: unknown): boolean {
  const holdsError = (diagnostics: unknown): boolean => Array.isArray(diagnostics) && diagnostics.some((d) => (d as { severity?: unknown } | null)?.severity === 'error');
  const { diagnostics, sync } = (answer ?? {}) as { diagnostics?: unknown; sync?: { diagnostics?: unknown } | null };
  // `strategy` answers its own diagnostics and those of the sync after it: a canvas in error (04-segments.md) is only in the sync's.
  return holdsError(diagnostics) || holdsError(sync?.diagnostics);
}
