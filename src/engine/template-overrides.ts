import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { changedAmong } from '../git/status.js';
import { classifyPath } from '../workspace/layout.js';
import { TEMPLATE_OVERRIDES } from './uncommitted.js';

/**
 * The template overrides (`.threadwork/templates/**.hbs`) that differ from HEAD, new ones
 * included. A generated file made from one is committed with it: `strategy` committed the
 * narrative an override changed while the override stayed untracked, so HEAD held output
 * its own templates did not give. Walked and asked of git only in a run that writes a
 * generated file (a few dozen templates at most).
 */
export async function changedTemplateOverrides(root: string): Promise<string[]> {
  const files = walk(root, TEMPLATE_OVERRIDES).filter((path) => path.endsWith('.hbs'));
  return files.length === 0 ? [] : changedAmong(root, files);
}

/** Whether `paths` hold a file generated from templates: the strategy's artifacts, an ICP file. */
export function writesGenerated(paths: Iterable<string>): boolean {
  for (const path of paths) if (path.startsWith('artifacts/') || classifyPath(path).kind === 'icp') return true;
  return false;
}

function walk(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? walk(root, `${dir}/${e.name}`) : e.isFile() ? [`${dir}/${e.name}`] : []));
}
