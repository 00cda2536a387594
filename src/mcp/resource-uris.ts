import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ThreadworkError } from '../errors.js';
import { pathRefused } from '../workspace/contain.js';
import { refuseParentSegments } from '../threads/resolve.js';
import { resourceError } from './result.js';

const SCHEME = 'threadwork://';

/**
 * A resource URI's `..` segments, refused as the URI was sent. The SDK parses the URI as a
 * URL before any resource sees it, and a URL resolves dot segments — literal or written
 * `%2E%2E` — so `threadwork://threads/sales/x/../northwind-payments` was served as
 * northwind-payments and `threadwork://threads/../../etc/passwd` answered as the unknown
 * thread `threads/etc/passwd`, where docs/mcp.md promises the refusal a thread argument
 * gets (`path-refused`, naming the path as given). The request is answered here, before
 * the SDK reads it: -32602 with the threadwork code and details, as every refused
 * resource. Call before trackPendingRequests, so that the answer settles the request.
 */
export function refuseDotSegmentsInResourceUris(transport: Transport): void {
  const received = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if ('method' in message && message.method === 'resources/read' && 'id' in message) {
      const uri = (message.params as { uri?: unknown } | undefined)?.uri;
      const refusal = typeof uri === 'string' ? dotSegmentRefusal(uri) : undefined;
      if (refusal) {
        const error = resourceError(refusal) as Error & { code: number; data?: unknown };
        void transport.send({ jsonrpc: '2.0', id: message.id, error: { code: error.code, message: error.message, data: error.data } }).catch(() => undefined);
        return;
      }
    }
    received?.(message, extra);
  };
}

/** The refusal of a `threadwork://` URI with a `..` segment as sent (decoded, `%2E%2E` too), or of text that is no URI; undefined for any other. */
export function dotSegmentRefusal(uri: string): ThreadworkError | undefined {
  // No URL at all: the SDK's own parse would throw it as an internal error (-32603).
  if (!URL.canParse(uri)) return new ThreadworkError(`Invalid resource URI ${JSON.stringify(uri)}: expected a URI such as threadwork://threads/sales/acme-corp (list the resources for the names)`, 'invalid-arguments');
  if (!uri.startsWith(SCHEME)) return undefined;
  const path = uri.slice(SCHEME.length).replace(/[?#].*$/s, '');
  const segments = path.split('/').map(decodedSegment);
  if (!segments.includes('..')) return undefined;
  const given = segments.join('/');
  try {
    if (given.startsWith('threads/')) refuseParentSegments(given);
  } catch (error) {
    if (error instanceof ThreadworkError) return error;
    throw error;
  }
  return pathRefused(given, '".." segments are not accepted in a resource URI; list the resources for the names');
}

function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape: the resource itself says so (resources.ts)
  }
}
