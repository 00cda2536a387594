/** What the drafts of campaigns record as sent, and the one count of touches sent `due` and the approval gates read (a domain module: check/autonomy-gates.ts reads it). */
import { draftValue, type WorkspaceModel } from '../workspace/model.js';
import { createHash } from 'node:crypto';
import { lettersWithoutLatinForm, slugOfText } from '../workspace/slug.js';
import { prospectId, type ProspectContacts } from '../outreach/prospect-id.js';
import { touchesDone } from '../outreach/sequences.js';

/**
 * The touches of a campaign recorded as sent by their drafts (`status: sent`), as
 * `prospectId#touch` → the draft's path. A prospect's `touches_done` is the other
 * record of what was sent; `campaign draft`, `due` and the approval gates read both.
 */
export function sentTouches(model: WorkspaceModel, campaignPath: string): Map<string, string> {
  return sentTouchesByCampaign(model, campaignPath).get(campaignPath) ?? new Map();
}

/**
 * Every campaign's sent touches (as `sentTouches` gives one), from one pass over the
 * files: `due` reads them for every campaign, and a pass per campaign cost campaigns ×
 * files (9.4 s for 2,000 campaigns). `only` keeps one campaign's.
 */
export function sentTouchesByCampaign(model: WorkspaceModel, only?: string): Map<string, Map<string, string>> {
  const byCampaign = new Map<string, Map<string, string>>();
  for (const file of model.files.values()) {
    const draft = draftValue(file);
    if (draft?.status !== 'sent' || file.kind.kind !== 'draft') continue;
    const campaign = file.kind.thread;
    if (only !== undefined && campaign !== only) continue;
    let sent = byCampaign.get(campaign);
    if (!sent) byCampaign.set(campaign, (sent = new Map()));
    sent.set(sentKey(draft.prospect, draft.touch), file.path);
  }
  return byCampaign;
}

/**
 * Where `campaign draft` writes a prospect's draft of a touch (1-based):
 * `{campaign}/drafts/{id}-touch-{n}.md`, the id (prospectId) slugged — for an email
 * prospect `dana-at-northwind-com-touch-1.md`, as it always was.
 */
export function touchDraftPath(campaignPath: string, prospect: ProspectContacts, touch: number): string {
  return `${campaignPath}/drafts/${prospectSlug(prospect)}-touch-${touch}.md`;
}

/**
 * The prospect in a file name (drafts, reply records): their prospectId slugged as prose is
 * ({@link slugOfText}), `@` read as "at" — `dana-at-northwind-com`, `linkedin-com-in-dana-reyes`.
 * A prospect is a contact, never a folder name typed by hand: a `..` in a LinkedIn profile
 * (`in/jean..dupont`) is a word break, where the refusing folder-name check stopped
 * `campaign draft` for every prospect with "Refused email". An id with letters that have no
 * Latin form (`linkedin.com/in/田中花子`) would lose them — two such prospects one file
 * name, the second draft refused as existing — so it ends in a short hash of the id.
 */
export function prospectSlug(prospect: ProspectContacts): string {
  const id = prospectId(prospect);
  const words = slugOfText(id.replace('@', ' at '));
  if (words && lettersWithoutLatinForm(id).length === 0) return words;
  const hash = createHash('sha1').update(id).digest('hex').slice(0, 8);
  return `${words.slice(0, 48).replace(/-+$/, '') || 'prospect'}-${hash}`;
}

/** A sent touch's key: `{prospectId}#{touch}` (for an email prospect, the normalised address, as before). */
export function sentKey(prospect: ProspectContacts, touch: number): string {
  return `${prospectId(prospect)}#${touch}`;
}

/** Per prospect (prospectId), the highest touch number a draft records as sent. */
export function lastSentTouch(sent: ReadonlyMap<string, string>): Map<string, number> {
  const last = new Map<string, number>();
  for (const key of sent.keys()) {
    const at = key.lastIndexOf('#');
    const email = key.slice(0, at);
    last.set(email, Math.max(last.get(email) ?? 0, Number(key.slice(at + 1))));
  }
  return last;
}

/**
 * HEAD's record of touches sent in drafts since deleted from disk, per campaign, by
 * sentKey (campaigns/sent-at-head.ts): what `campaign draft` counts as sent, read by the
 * caller, which does the git reads.
 */
export type SentAtHead = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Per campaign, per prospect (prospectId), the last touch a draft records as sent:
 * on disk, or at HEAD for a draft since deleted (`sentAtHead`). With prospectsAsSent, the
 * one count of touches sent that `due` and the approval gates both read.
 */
export function lastSentByCampaign(model: WorkspaceModel, sentAtHead?: SentAtHead): Map<string, Map<string, number>> {
  const onDisk = sentTouchesByCampaign(model);
  for (const [campaign, atHead] of sentAtHead ?? []) onDisk.set(campaign, new Map([...atHead, ...(onDisk.get(campaign) ?? [])]));
  return new Map([...onDisk].map(([campaign, sent]) => [campaign, lastSentTouch(sent)]));
}

/** The sent touches of the workspace's drafts (lastSentByCampaign), made on first use and then kept: one pass over the files however many checks ask. */
export type SentTouches = () => ReadonlyMap<string, ReadonlyMap<string, number>>;

export function sentTouchesOnce(model: WorkspaceModel, sentAtHead?: SentAtHead): SentTouches {
  let made: Map<string, Map<string, number>> | undefined;
  return () => (made ??= lastSentByCampaign(model, sentAtHead));
}

/**
 * The prospects with `touches_done` raised to the last touch a draft says was sent
 * (`sent`: the campaign's, by prospectId): such a touch is done, even before
 * `touches_done` is updated. The higher of the two counts.
 */
export function prospectsAsSent<P extends ProspectContacts>(sent: ReadonlyMap<string, number> | undefined, prospects: readonly P[]): P[] {
  if (!sent) return [...prospects];
  return prospects.map((p) => {
    const drafted = sent.get(prospectId(p)) ?? 0;
    const done = touchesDone((p as { touches_done?: unknown }).touches_done);
    return drafted > done ? Object.assign({}, p, { touches_done: drafted }) : p;
  });
}

/** A missing, negative or non-numeric `touches_done` means nothing was sent yet; 2.7 means 2. A 5-actions.md holding one is invalid (schema/stages.ts): this reads what the library is given. */
export { touchesDone };

/**
 * The prospects with `touches_done` moved past the touches a person skipped: a draft marked
 * `status: skipped` at the prospect's next touch (and at each one after it that is skipped
 * too) is a decision not to send it, so the sequence goes on to the touch after — `due` kept
 * listing the skipped touch until `touches_done` was raised by hand. Only consecutive skips
 * from the next touch on: a later skipped touch waits for its turn.
 */
export function prospectsPastSkipped<P extends ProspectContacts>(model: WorkspaceModel, campaignPath: string, prospects: readonly P[]): P[] {
  const skipped = (prospect: P, touch: number): boolean => {
    const file = model.files.get(touchDraftPath(campaignPath, prospect, touch));
    return file !== undefined && draftValue(file)?.status === 'skipped';
  };
  return prospects.map((p) => {
    const done = touchesDone((p as { touches_done?: unknown }).touches_done);
    let passed = done;
    while (skipped(p, passed + 1)) passed++;
    return passed > done ? Object.assign({}, p, { touches_done: passed }) : p;
  });
}
