import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * The requests a connected transport has received and not yet answered. A client that
 * sends its calls and then closes stdin (a piped batch, a harness that half-closes) is
 * owed every answer: the server waits for `drained()` before it closes the transport,
 * which would otherwise drop the answer of a call still under way — its write done and
 * committed, its result never sent. Call after `server.connect(transport)`, which sets
 * the `onmessage` this wraps.
 */
export function trackPendingRequests(transport: Transport): { drained: () => Promise<void> } {
  const pending = new Set<string | number>();
  let wake: (() => void) | undefined;
  const settle = (id: string | number | undefined): void => {
    if (id !== undefined && pending.delete(id) && pending.size === 0) wake?.();
  };
  const received = transport.onmessage;
  transport.onmessage = (message, extra) => {
    if ('method' in message && 'id' in message) pending.add(message.id);
    received?.(message, extra);
    // A cancelled request is never answered (the protocol says so): it is owed nothing.
    if ('method' in message && message.method === 'notifications/cancelled') settle((message.params as { requestId?: string | number } | undefined)?.requestId);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message: JSONRPCMessage, options) => {
    await send(message, options);
    if (!('method' in message) && 'id' in message) settle(message.id);
  };
  return {
    drained: () =>
      pending.size === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            wake = resolve;
          }),
  };
}
