import { diagnostic, START, type Diagnostic } from '../diagnostics.js';
import type { RememberedListings } from '../workspace/folder-listings.js';
import { cacheFile, relativeToGit } from './cache.js';
import { readTableChunks, writeTableChunks } from './chunked-table.js';

/**
 * The thread folders' listings a fingerprint remembers between runs
 * (workspace/folder-listings.ts says why one is never served stale), kept beside the
 * other caches as a one-chunk table: the engine that wrote it and a CRC-32 over it, so
 * another engine's is never read and a damaged one is discarded with a warning.
 */
const NAME = 'folder-listings';
const EXTENSION = 'v8';

export async function readListingsCache(root: string): Promise<{ remembered?: RememberedListings; warning?: Diagnostic }> {
  const file = await cacheFile(root, NAME, EXTENSION);
  let remembered: RememberedListings | undefined;
  const read = readTableChunks(file, (rows) => {
    remembered = checked(rows);
  });
  if (read.damaged) {
    return { warning: diagnostic(relativeToGit(file), START, 'warning', 'cache-discarded', `Discarded a damaged cache of folder listings (${read.damaged}): every thread folder was listed anew`) };
  }
  return read.found && remembered ? { remembered } : {};
}

export async function writeListingsCache(root: string, listings: RememberedListings): Promise<void> {
  writeTableChunks(await cacheFile(root, NAME, EXTENSION), [{ rows: listings }]);
}

/** The rows as stored, or an error (the table is then reported damaged): columns of one length, each listing in range. */
function checked(rows: unknown): RememberedListings {
  const value = rows as Partial<RememberedListings> | null;
  const count = Array.isArray(value?.folders) ? value.folders.length : -1;
  const { stamps, listings, listingOf } = value ?? {};
  const shaped = count >= 0 && stamps instanceof Float64Array && stamps.length === count * 3 && listingOf instanceof Uint32Array && listingOf.length === count && Array.isArray(listings);
  if (!shaped || !value!.folders!.every((f) => typeof f === 'string') || !listings.every((l) => typeof l === 'string') || listingOf.some((at) => at >= listings.length)) {
    throw new Error('its rows are not folder listings');
  }
  return value as RememberedListings;
}
