import { ThreadworkError } from '../errors.js';
import { Locators } from '../check/locators.js';
import { prospectSlug } from '../derive/sent-touches.js';
import type { ProspectContacts } from '../outreach/prospect-id.js';

/**
 * Two prospects whose ids slug to the same file name (`ana.lee@…` and `ana-lee@…` are both
 * `ana-lee-at-…`) would share every draft: `campaign draft` wrote the first one's drafts, then
 * stopped on the second's with "already exists: nothing more was written", leaving the first's
 * on disk, uncommitted. Refused before anything is written (`draft-name-clash`), at the second
 * prospect's entry in 5-actions.md, naming the first. `drafted`: the prospects that get drafts
 * (one stopped, unsubscribed say, gets none to clash), with their index in `prospects`.
 */
export function refuseDraftNameClash(text: (path: string) => string | undefined, campaignPath: string, drafted: readonly { prospect: ProspectContacts; index: number }[]): void {
  const first = new Map<string, number>();
  drafted.forEach(({ prospect, index }) => {
    const slug = prospectSlug(prospect);
    const earlier = first.get(slug);
    if (earlier === undefined) {
      first.set(slug, index);
      return;
    }
    const path = `${campaignPath}/5-actions.md`;
    const locators = new Locators(text);
    const { line, column } = locators.range(path, ['prospects', index]).start;
    const was = locators.range(path, ['prospects', earlier]).start.line;
    throw new ThreadworkError(
      `${path}:${line}:${column} this prospect's drafts would have the same file names as those of the prospect at line ${was} (\`drafts/${slug}-touch-N.md\`): expected prospects whose email (or LinkedIn URL, or name) differs in more than punctuation — check whether they are one person, or give one of them the other address they use; nothing was written`,
      'draft-name-clash',
      { path, line, column },
    );
  });
}
