import { spawn } from 'node:child_process';
import { relative, sep } from 'node:path';
import { gitText } from './git.js';
import { repositoryOf } from './repo.js';

/**
 * The text of workspace files as committed in `HEAD`, for the paths that have one.
 * One `git cat-file --batch` process answers them all, so holding a few broken files at
 * their committed version costs one spawn, not one per file. Outside a repository, or
 * before the first commit, the map is empty.
 */
export async function readAtHead(cwd: string, paths: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (paths.length === 0) return found;
  let repo: Awaited<ReturnType<typeof repositoryOf>>;
  try {
    repo = await repositoryOf(cwd);
  } catch {
    return found;
  }
  if (!repo) return found;
  const prefix = relative(repo.top, cwd).split(sep).join('/');
  const output = await catFileBatch(repo.top, paths.map((p) => `HEAD:${prefix ? `${prefix}/` : ''}${p}`));
  let offset = 0;
  for (const path of paths) {
    const headerEnd = output.indexOf(0x0a, offset);
    if (headerEnd < 0) break;
    const header = output.subarray(offset, headerEnd).toString('utf8');
    offset = headerEnd + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) continue; // `… missing`: not in HEAD
    const size = Number(match[2]);
    if (match[1] === 'blob') found.set(path, output.subarray(offset, offset + size).toString('utf8'));
    offset += size + 1;
  }
  return found;
}

function catFileBatch(top: string, specs: readonly string[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: top, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A repository with no commits (or no git at all) has nothing to hold a file at.
    child.on('error', () => resolve(Buffer.alloc(0)));
    child.on('close', () => resolve(Buffer.concat(chunks)));
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${specs.join('\n')}\n`);
  });
}

/** The commit HEAD points to, or undefined outside a repository or before the first commit. */
export async function headCommit(cwd: string): Promise<string | undefined> {
  try {
    return (await gitText(cwd, ['rev-parse', '-q', '--verify', 'HEAD'])).trim() || undefined;
  } catch {
    return undefined;
  }
}
