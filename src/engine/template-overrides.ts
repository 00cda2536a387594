import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { filesAtHeadUnder } from '../git/head-files.js';
import { changedAmong } from '../git/status.js';
import { classifyPath } from '../workspace/layout.js';
import { readWorkspaceFile } from '../workspace/read-files.js';
import { TEMPLATE_OVERRIDES } from './uncommitted.js';

/**
 * The template overrides (`.threadwork/templates/**.hbs`) that differ from HEAD, new and
 * deleted ones included. A generated file made from one is committed with it: `strategy` committed the
 * narrative an override changed while the override stayed untracked, so HEAD held output
 * its own templates did not give. Walked and asked of git only in a run that writes a
 * generated file (a few dozen templates at most).
 */
export async function changedTemplateOverrides(root: string): Promise<string[]> {
  const onDisk = templateOverrides(root);
  // One deleted is a change too: `sync` committed the narratives rendered again from the
  // built-in template and left the override's deletion out, so HEAD still held the override
  // its own narratives no longer followed. HEAD's overrides are listed by one `ls-tree`.
  const gone = (await filesAtHeadUnder(root, TEMPLATE_OVERRIDES)).filter((path) => isTemplateOverride(path) && !onDisk.includes(path));
  const files = [...onDisk, ...gone];
  return files.length === 0 ? [] : changedAmong(root, files);
}

/** The template overrides there are (`.threadwork/templates/**.hbs`), workspace-relative. */
function templateOverrides(root: string): string[] {
  return walk(root, TEMPLATE_OVERRIDES).filter(isTemplateOverride);
}

/** Whether `path` (workspace-relative) is a template override. */
export function isTemplateOverride(path: string): boolean {
  return path.startsWith(`${TEMPLATE_OVERRIDES}/`) && path.endsWith('.hbs');
}

/**
 * The texts of the template overrides as a long-lived session last read them. They are no
 * file of the workspace state, yet an override edited moves what the generated files render
 * to: a watcher saw no change in its save and left the narratives it regenerates behind
 * their template until the minute's reconcile, which named no file. Compared on their
 * events, so a save that moved one is a change like any source's (a few dozen files at most).
 */
export class TemplateOverrideTexts {
  private readonly texts = new Map<string, string>();

  constructor(private readonly root: string) {}

  /** Reads every override: what later events are compared with. */
  load(): void {
    this.texts.clear();
    for (const path of templateOverrides(this.root)) {
      const text = this.read(path);
      if (text !== undefined) this.texts.set(path, text);
    }
  }

  /**
   * Of the paths file events named (a file, or `folder/` for a folder gone), the overrides
   * created, edited or removed since last read; with none given, every override compared afresh.
   */
  changed(paths?: readonly string[]): string[] {
    const named = new Set<string>();
    if (paths === undefined) for (const path of [...this.texts.keys(), ...templateOverrides(this.root)]) named.add(path);
    else
      for (const path of paths) {
        // A folder gone (moved away, deleted) with overrides in it: `.threadwork/`, a folder of templates.
        if (path.endsWith('/')) for (const known of this.texts.keys()) if (known.startsWith(path)) named.add(known);
        if (isTemplateOverride(path)) named.add(path);
      }
    const changed: string[] = [];
    for (const path of named) {
      const text = this.read(path);
      if (text === this.texts.get(path)) continue;
      if (text === undefined) this.texts.delete(path);
      else this.texts.set(path, text);
      changed.push(path);
    }
    return changed.sort();
  }

  private read(path: string): string | undefined {
    try {
      return readWorkspaceFile(this.root, path); // never a plain read: a FIFO named like a template would block for good
    } catch {
      return undefined;
    }
  }
}

/**
 * Whether `paths` hold a file generated from templates: the strategy's artifacts, an ICP
 * file, an agent skill (`.claude/skills/`: `skills install` left the override it rendered
 * untracked, and sync warned of it on every run, while `strategy` committed its own).
 */
export function writesGenerated(paths: Iterable<string>): boolean {
  for (const path of paths) if (path.startsWith('artifacts/') || path.startsWith('.claude/skills/') || classifyPath(path).kind === 'icp') return true;
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
