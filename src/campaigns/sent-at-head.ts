import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gitText } from '../git/git.js';
import { readAtHead } from '../git/head-files.js';
import { classifyPath } from '../workspace/layout.js';
import { draftValue } from '../workspace/model.js';
import { parseFile } from '../workspace/parse-file.js';
import { sentKey } from '../derive/sent-touches.js';

/**
 * The touches HEAD records as sent in drafts no longer on disk (deleted, or lost in a
 * checkout), by sentKey: the record of a message that went out is HEAD's even when the
 * file is gone. Without it `campaign draft` made touch 1 again for a prospect already
 * written to, and its commit turned HEAD's `status: sent` into `status: draft`. One
 * `git ls-tree` of the campaign's drafts, and one `cat-file` of the missing ones.
 */
export async function sentAtHead(root: string, campaignPath: string): Promise<Map<string, string>> {
  return (await sentAtHeadByCampaign(root, [campaignPath])).get(campaignPath) ?? new Map();
}

/**
 * sentAtHead for each of `campaignPaths` that has such a record (`due` asks about every
 * campaign a touch listed due may have been sent in): still one `git ls-tree`, of all their
 * drafts folders, and one `cat-file` when drafts HEAD has are missing from disk.
 */
export async function sentAtHeadByCampaign(root: string, campaignPaths: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const byCampaign = new Map<string, Map<string, string>>();
  if (campaignPaths.length === 0) return byCampaign;
  let listed: string;
  try {
    listed = await gitText(root, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', ...campaignPaths.map((path) => `${path}/drafts/`)]);
  } catch {
    return byCampaign; // outside git, or no commit yet: no record to keep
  }
  const missing = listed.split('\0').filter((path) => path.endsWith('.md') && !existsSync(join(root, path)));
  if (missing.length === 0) return byCampaign;
  for (const [path, text] of await readAtHead(root, missing)) {
    const kind = classifyPath(path);
    const draft = draftValue(parseFile(path, kind, text));
    if (draft?.status !== 'sent' || kind.kind !== 'draft') continue;
    let sent = byCampaign.get(kind.thread);
    if (!sent) byCampaign.set(kind.thread, (sent = new Map()));
    sent.set(sentKey(draft.prospect, draft.touch), path);
  }
  return byCampaign;
}
