import { today } from '../clock.js';
import { ThreadworkError } from '../errors.js';
import type { ThreadMeta } from '../schema/meta.js';

/**
 * Actions follow a decision to act. A DEFER is re-decided in 4-decision.md when its revisit
 * comes (`due` says so), and a REJECT ends the thread there: opening 5-actions.md after
 * either would take the deal out of `due`'s revisits while it still counts as deferred or
 * rejected, which is never what the advance meant. `refused`: how the refusal opens (advance's, or
 * write_stage's creating 5-actions.md); `at`: where `decision` is written.
 */
export function refuseUnlessActing(threadPath: string, meta: ThreadMeta, decision: Record<string, unknown>, refused = `Cannot advance ${threadPath}`, at?: { path: string; line: number; column: number }): void {
  const decided = decision.decision;
  // A content thread's decision is free text: only deals' and campaigns' are these three words.
  if (meta.type !== 'sales-deal' && meta.type !== 'sales-campaign') return;
  if (decided !== 'DEFER' && decided !== 'REJECT') return;
  const act = meta.type === 'sales-campaign' ? 'LAUNCH' : 'QUALIFY';
  const noun = meta.type === 'sales-campaign' ? 'campaign' : 'deal';
  const revisit = typeof decision.revisit === 'string' ? decision.revisit : null;
  const why =
    decided === 'DEFER'
      ? revisit && revisit <= today()
        ? `its revisit date ${revisit} has come (\`threadwork due\` lists it${revisit < today() ? ' as overdue' : ''}): the DEFER is to be decided again`
        : `a DEFER waits for its revisit${revisit ? ` (${revisit}: \`threadwork due\` lists it then)` : ''} and is decided again there`
      : `a REJECT ends the ${noun} at Stage 4, where it counts as rejected`;
  throw new ThreadworkError(
    `${refused}: 4-decision.md decides ${decided}${at ? ` (${at.path}:${at.line}:${at.column})` : ''}, and 5-actions.md follows a decision to act — ${why}. To act on the ${noun} now, change \`decision\` to ${act} in 4-decision.md and advance again`,
    'decision-not-to-act',
    // Where the decision is written, as stage-incomplete names each field's place: an editor or an agent goes straight to it.
    { thread: threadPath, decision: decided, ...(revisit ? { revisit } : {}), ...(at ?? {}) },
  );
}
