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

/** Whether an answer's own diagnostics hold an error: what makes `sync` and `strategy` exit 1. */
export function reportsAnError(answer: unknown): boolean {
  const diagnostics = (answer as { diagnostics?: unknown } | null)?.diagnostics;
  return Array.isArray(diagnostics) && diagnostics.some((d) => (d as { severity?: unknown } | null)?.severity === 'error');
}
