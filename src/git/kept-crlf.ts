import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitSpawn, gitText } from './git.js';
import { objectIdOf } from './tree-object.js';

/**
 * The blob ids `git add` gives `paths` (from the repository's top) where `git hash-object`
 * gave `hashed`, which differ in one case: `git add` keeps a file's CRLF line endings when
 * the index's version of it has a CR — git's "safer autocrlf" (convert.c, has_crlf_in_index),
 * which keeps a repository a Windows colleague committed with CRLF as it is under
 * `core.autocrlf=true` or `text=auto` — and `hash-object`, with no index to ask, converts
 * them to LF. Taken as they were, its ids flipped every line of such a file in a commit.
 *
 * Only a file with a CR whose hashed id is not that of its bytes (a conversion took place)
 * can be concerned, nearly never: those few are added again to a temporary index holding
 * HEAD's entries for them (`update-index`, which converts as `git add` does), and their ids
 * read from it. HEAD's entries, not the person's index: the ids are for a commit on HEAD,
 * or a comparison with it. With `write`, the blobs are written too.
 */
export async function idsAsGitAdds(top: string, paths: readonly string[], hashed: readonly string[], body: (index: number) => Buffer, write: boolean): Promise<string[]> {
  const concerned: number[] = [];
  paths.forEach((_, i) => {
    const bytes = body(i);
    if (bytes.includes(13) && objectIdOf('blob', bytes, hashed[i]!.length / 2) !== hashed[i]) concerned.push(i);
  });
  if (concerned.length === 0) return [...hashed];
  const names = concerned.map((i) => paths[i]!);
  let inHead: Buffer;
  try {
    inHead = await gitSpawn(top, ['ls-tree', '-z', 'HEAD', '--', ...names], { env: LITERAL });
  } catch {
    return [...hashed]; // no commit yet: no index version to keep
  }
  if (inHead.length === 0) return [...hashed];
  const folder = mkdtempSync(join(tmpdir(), 'threadwork-crlf-'));
  const env = { ...LITERAL, GIT_INDEX_FILE: join(folder, 'index') };
  try {
    await gitSpawn(top, ['update-index', '-z', '--index-info'], { input: inHead, env });
    await gitSpawn(top, ['update-index', '--add', ...(write ? [] : ['--info-only']), '-z', '--stdin'], { input: `${names.join('\0')}\0`, env });
    const added = new Map<string, string>();
    for (const entry of (await gitText(top, ['ls-files', '-s', '-z'], { env })).split('\0')) {
      const match = /^\d+ ([0-9a-f]+) 0\t(.*)$/s.exec(entry);
      if (match) added.set(match[2]!, match[1]!);
    }
    return paths.map((path, i) => added.get(path) ?? hashed[i]!);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const LITERAL = { GIT_LITERAL_PATHSPECS: '1' };
