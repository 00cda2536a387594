import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gitText } from '../git/git.js';
import { readAtHead } from '../git/head-files.js';
import { classifyPath } from '../workspace/layout.js';
import { draftValue } from '../workspace/model.js';
import { parseFile } from '../workspace/parse-file.js';
import { sentKey } from './sent-touches.js';

/**
 * The touches HEAD records as sent in drafts no longer on disk (deleted, or lost in a
 * checkout), by sentKey: the record of a message that went out is HEAD's even when the
 * file is gone. Without it `campaign draft` made touch 1 again for a prospect already
 * written to, and its commit turned HEAD's `status: sent` into `status: draft`. One
 * `git ls-tree` of the campaign's drafts, and one `cat-file` of the missing ones.
 */
export async function sentAtHead(root: string, campaignPath: string): Promise<Map<string, string>> {
  const sent = new Map<string, string>();
  let listed: string;
  try {
    listed = await gitText(root, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', `${campaignPath}/drafts/`]);
  } catch {
    return sent; // outside git, or no commit yet: no record to keep
  }
  const missing = listed.split('\0').filter((path) => path.endsWith('.md') && !existsSync(join(root, path)));
  if (missing.length === 0) return sent;
  for (const [path, text] of await readAtHead(root, missing)) {
    const draft = draftValue(parseFile(path, classifyPath(path), text));
    if (draft?.status === 'sent') sent.set(sentKey(draft.prospect.email, draft.touch), path);
  }
  return sent;
}
