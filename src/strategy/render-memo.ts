import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { asWritten, contentHash, generatedState } from './generated-file.js';
import { strayOf, type GuardedFile } from './guard.js';
import type { UnmergedFiles } from '../markdown/conflict-markers.js';

/**
 * What each segment's strategy rendered to the last time, by the key of everything the
 * rendering reads: sync and watch refresh the generated strategy files on every run, and
 * rendering them (Handlebars and the `yaml` package loaded, ten templates run, the ICP
 * written out as YAML) cost a sync of the example workspace ~0.1 s of its ~0.5 s, with
 * the canvas unchanged and nothing to write. With the same key, the outputs are the same:
 * what guardWrites would decide is decided from their hashes and the files on disk alone.
 *
 * The key (`renderKey`) holds the engine's identity (its version and files: a rebuilt
 * engine renders anew), the template context (v8-serialized: a key set to undefined is not
 * a key left out), the ICP and each template's file and text. The engine keeps the memo
 * between the runs of a long-lived process and in the persistent cache between processes.
 */
export interface RenderMemo {
  /** The engine's identity, part of every key. */
  readonly identity: string;
  /** Segment id → the key of its inputs and, by output path, the hash of the content rendered. */
  readonly segments: Map<string, RenderedSegment>;
  /** Whether an entry was added or replaced since the memo was read. */
  changed: boolean;
}

export interface RenderedSegment {
  key: string;
  hashes: Record<string, string>;
}

export function emptyRenderMemo(identity: string): RenderMemo {
  return { identity, segments: new Map(), changed: false };
}

export function renderKey(memo: RenderMemo, inputs: unknown): string {
  return createHash('sha256').update(memo.identity).update('\0').update(serialize(inputs)).digest('hex');
}

export function remember(memo: RenderMemo, segment: string, key: string, outputs: readonly { path: string; content: string }[]): void {
  const hashes: Record<string, string> = {};
  for (const output of outputs) hashes[output.path] = contentHash(output.content);
  memo.segments.set(segment, { key, hashes });
  memo.changed = true;
}

/**
 * What guardWrites (with `onlyExisting`, as sync runs it) decides for outputs whose
 * content hashes are `hashes`, from the files on disk — or undefined when a file is to be
 * written, which needs the content itself: the caller renders.
 *
 * An unedited file is unchanged when its content has the output's hash and the file is
 * what writing it would make (its marker in the form its kind takes, its line endings all
 * LF or all CRLF); a file edited by hand is kept, stale when the output moved on from the
 * hash it records; a file with no marker is kept; a file missing is skipped.
 */
export function decideFromHashes(paths: readonly string[], hashes: Readonly<Record<string, string>>, readText: (path: string) => string | undefined, unmerged?: UnmergedFiles): GuardedFile[] | undefined {
  const files: GuardedFile[] = [];
  for (const path of paths) {
    const hash = hashes[path];
    if (hash === undefined) return undefined;
    const existing = readText(path);
    const state = generatedState(existing, unmerged?.get(path));
    if (state.state === 'missing') files.push({ path, action: 'skipped-missing', stale: false });
    else if (state.state === 'conflicted') files.push({ path, action: 'kept-edited', stale: false, conflictLine: state.line, ...strayOf(state) });
    else if (state.state === 'unmarked') files.push({ path, action: 'kept-edited', stale: false });
    else if (state.state === 'edited') files.push({ path, action: 'kept-edited', stale: state.recorded !== hash });
    else if (state.recorded === hash && isAsWritten(path, existing!)) files.push({ path, action: 'unchanged', stale: false });
    else return undefined;
  }
  return files;
}

/** Whether an unedited generated file is byte for byte what writing its own content would make. */
function isAsWritten(path: string, existing: string): boolean {
  const newline = existing.indexOf('\n');
  if (newline < 0 || existing.startsWith('---')) return false; // a marker inside front matter: not how a strategy file is written
  return asWritten(path, existing.slice(newline + 1), existing) === existing;
}
