import type { Diagnostic } from '../diagnostics.js';
import { emptyRenderMemo, type RenderedSegment, type RenderMemo } from '../strategy/render-memo.js';
import { engineIdentity, readCache, writeCache } from './cache.js';

/**
 * Where the strategy's render memo (strategy/render-memo.ts) is kept: in this process for
 * the next run on the same workspace (a watcher's cycles, an MCP server's calls), and in
 * the persistent cache for the next process, stored under the engine's identity (another
 * engine reads none of it: every key holds it too).
 */
const NAME = 'strategy-render';
const kept = new Map<string, RenderMemo>();

export async function renderMemoFor(root: string, enabled: boolean): Promise<{ memo?: RenderMemo; warning?: Diagnostic }> {
  if (!enabled) return {};
  const identity = engineIdentity();
  const held = kept.get(root);
  if (held?.identity === identity) return { memo: held };
  const stored = await readCache<Record<string, RenderedSegment>>(root, NAME, identity);
  const memo = emptyRenderMemo(identity);
  for (const [segment, rendered] of Object.entries(stored.value ?? {})) memo.segments.set(segment, rendered);
  kept.set(root, memo);
  return stored.warning ? { memo, warning: stored.warning } : { memo };
}

/** Stores the memo when a run added to it. */
export async function keepRenderMemo(root: string, memo: RenderMemo | undefined): Promise<void> {
  if (!memo?.changed) return;
  memo.changed = false;
  await writeCache(root, NAME, memo.identity, Object.fromEntries(memo.segments));
}
