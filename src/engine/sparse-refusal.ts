import { ThreadworkError } from '../errors.js';
import { sparseCheckoutGap } from '../git/sparse-checkout.js';
import { namedFew } from '../git/commit.js';

/** A checkout leaving 10,000 deals out is 70,000 paths: the JSON names the first ones and counts them all. */
const LISTED_MAX = 100;

/**
 * Refuses a write while git checks the workspace out only in part. The engine derives the
 * canvas, the metrics and the goals from every thread; one left out of the checkout reads
 * as gone, and a sync would write and commit figures without it (a won deal's ARR, an
 * assumption's evidence). Reading those files from HEAD instead would derive right but
 * could not write their own meta.json, so the workspace must be whole to be written.
 */
export async function refuseSparseCheckout(root: string): Promise<void> {
  const gap = await sparseCheckoutGap(root);
  if (!gap) return;
  const { paths: outside, include } = gap;
  throw new ThreadworkError(
    `${outside.length} workspace file${outside.length === 1 ? ' is' : 's are'} outside git's sparse checkout (${namedFew(outside)}): threadwork derives the canvas, metrics and goals from every thread and would write and commit them without ${outside.length === 1 ? 'it' : 'these'}, so nothing was written. Check ${outside.length === 1 ? 'it' : 'them'} out again with \`git sparse-checkout add ${include.join(' ')}\` (from the repository's top), or \`git sparse-checkout disable\`.`,
    'sparse-checkout',
    { paths: outside.slice(0, LISTED_MAX), count: outside.length, include },
  );
}
