import { createHash } from 'node:crypto';

/**
 * What an approval covers: the draft's subject and body as they were when it was approved,
 * as a short digest `campaign approve` writes beside the day (`approved_text`). A draft
 * edited after it was approved — a teammate rewording it in another clone, the merge clean —
 * held `status: approved` over text nobody approved and no gate had judged. Line endings and
 * the spaces ending lines are not part of it: an editor that re-saves with CRLF or trims
 * trailing blanks changes nothing a reader sees.
 */
export function approvedTextDigest(draft: { subject?: string | null | undefined; body: string }): string {
  const normalise = (text: string): string => text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
  // Named by its hash: twelve hex digits alone may be all digits (`814224623482`) or `1e54…`, which YAML reads as a number.
  return `sha256-${createHash('sha256').update(`${normalise(draft.subject ?? '')}\n\n${normalise(draft.body)}`).digest('hex').slice(0, 12)}`;
}
