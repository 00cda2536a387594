import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import { classifyPath, threadOf } from '../workspace/layout.js';
import { buildModel } from '../workspace/load.js';
import type { WorkspaceModel } from '../workspace/model.js';
import { parseFile, type ParsedFile } from '../workspace/parse-file.js';
import { readFiles } from '../workspace/read-files.js';
import { isIgnoredName, scanWorkspace } from '../workspace/scan.js';

interface Entry {
  current: ParsedFile;
  /** The last version that parsed and validated: derivation keeps using it while the file is broken. */
  good: ParsedFile | undefined;
  /** A hash, not the text: 10,000 threads would otherwise keep 40 MB of Markdown in memory. */
  hash: string;
  mtimeMs: number;
  size: number;
}

export type FileUpdate = 'unchanged' | 'changed' | 'removed' | 'ignored';

/**
 * The watcher's in-memory copy of the workspace, updated one file at a time. A change
 * re-reads only that file; the model for a cycle is built from memory, never by
 * rescanning the disk.
 */
export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly threadDirs = new Set<string>();
  private readErrors: Diagnostic[] = [];

  constructor(readonly root: string) {}

  /** Reads everything once (startup, and the periodic reconcile). Returns the paths that changed. */
  async loadAll(): Promise<string[]> {
    const { files, threadDirs } = scanWorkspace(this.root);
    const changed: string[] = [];
    const seen = new Set(files);
    for (const path of [...this.entries.keys()]) {
      if (!seen.has(path)) {
        this.entries.delete(path);
        changed.push(path);
      }
    }
    this.threadDirs.clear();
    for (const dir of threadDirs) this.threadDirs.add(dir);
    // Stat first: only files whose size or mtime moved are read again.
    const stale = files.filter((path) => {
      const entry = this.entries.get(path);
      if (!entry) return true;
      try {
        const stat = statSync(join(this.root, path));
        return stat.mtimeMs !== entry.mtimeMs || stat.size !== entry.size;
      } catch {
        return true;
      }
    });
    this.readErrors = [];
    for (const outcome of await readFiles(this.root, stale)) {
      if ('error' in outcome) {
        this.readErrors.push(diagnostic(outcome.path, START, 'error', 'read', `Cannot read file: ${outcome.error.code ?? outcome.error.message}`));
        continue;
      }
      if (this.store(outcome.path, outcome.text)) changed.push(outcome.path);
    }
    return changed.sort();
  }

  /** Re-reads one file after a watcher event. */
  update(path: string): FileUpdate {
    const name = path.split('/').pop() ?? '';
    if (isIgnoredName(name) || path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return 'ignored';
    const kind = classifyPath(path);
    if (kind.kind === 'other') {
      this.trackThreadDir(path);
      return 'ignored';
    }
    let text: string;
    try {
      text = readFileSync(join(this.root, path), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') return this.remove(path);
      throw error;
    }
    this.trackThreadDir(path);
    return this.store(path, text) ? 'changed' : 'unchanged';
  }

  remove(path: string): FileUpdate {
    const removed = this.entries.delete(path);
    const thread = threadOf(path.split('/'))?.thread;
    if (thread && ![...this.entries.keys()].some((p) => p.startsWith(`${thread}/`))) this.threadDirs.delete(thread);
    if (this.threadDirs.has(path)) this.threadDirs.delete(path);
    return removed ? 'removed' : 'unchanged';
  }

  /** A folder that disappeared (a thread deleted or renamed): forget everything under it. */
  removeFolder(dir: string): string[] {
    const gone = [...this.entries.keys()].filter((p) => p.startsWith(`${dir}/`));
    for (const path of gone) this.entries.delete(path);
    for (const thread of [...this.threadDirs]) if (thread === dir || thread.startsWith(`${dir}/`)) this.threadDirs.delete(thread);
    return gone;
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** The model a cycle derives from: last good versions of broken files, current diagnostics. */
  model(): WorkspaceModel {
    const files = new Map<string, ParsedFile>();
    const diagnostics: Diagnostic[] = [...this.readErrors];
    for (const [path, entry] of this.entries) {
      files.set(path, entry.current.value === undefined && entry.good ? entry.good : entry.current);
      diagnostics.push(...entry.current.diagnostics);
    }
    return buildModel(this.root, files, [...this.threadDirs], diagnostics);
  }

  /** Diagnostics of the current version of one file. */
  diagnosticsOf(path: string): Diagnostic[] {
    return this.entries.get(path)?.current.diagnostics ?? [];
  }

  get size(): number {
    return this.entries.size;
  }

  private store(path: string, text: string): boolean {
    const previous = this.entries.get(path);
    let stat = { mtimeMs: 0, size: text.length };
    try {
      stat = statSync(join(this.root, path));
    } catch {
      // vanished between read and stat: the next event or reconcile settles it
    }
    const hash = createHash('sha1').update(text).digest('base64');
    if (previous && previous.hash === hash) {
      previous.mtimeMs = stat.mtimeMs;
      previous.size = stat.size;
      return false;
    }
    const current = parseFile(path, classifyPath(path), text);
    const good = current.value !== undefined ? current : previous?.good;
    this.entries.set(path, { current, good, hash, mtimeMs: stat.mtimeMs, size: stat.size });
    return true;
  }

  private trackThreadDir(path: string): void {
    const thread = threadOf([...path.split('/'), 'meta.json'])?.thread ?? threadOf(path.split('/'))?.thread;
    if (thread) this.threadDirs.add(thread);
  }
}
