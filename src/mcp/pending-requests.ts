import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * The requests a connected transport has received and not yet answered. A client that
 * sends its calls and then closes stdin (a piped batch, a harness that half-closes) is
 * owed every answer: the server waits for `drained()` before it closes the transport,
 * which would otherwise drop the answer of a call still under way — its write done and
 * committed, its result never sent. Call after `server.connect(transport)`, which sets
 * the `onmessage` this wraps.
 *
 * `refusal()` is for a server that is stopping: once it gives a reason, a request that
 * arrives (an agent's next write, already on its way when the signal came) is answered
 * with it. Such a request was run once the call under way finished — written and committed by a server that had said it was stopping,
 * which stayed up as long as requests kept coming. It is answered at once with an error
 * instead, never run, and owed nothing more.
 */
export function trackPendingRequests(transport: Transport, refusal: () => string | undefined = () => undefined): { drained: () => Promise<void> } {
  const pending = new Set<string | number>();
  let wake: (() => void) | undefined;
  const settle = (id: string | number | undefined): void => {
    if (id !== undefined && pending.delete(id) && pending.size === 0) wake?.();
  };
  const received = transport.onmessage;
  transport.onmessage = (message, extra) => {
    const refused = 'method' in message && 'id' in message ? refusal() : undefined;
    if (refused !== undefined && 'id' in message) {
      void transport.send({ jsonrpc: '2.0', id: message.id, error: { code: SHUTTING_DOWN, message: refused } }).catch(() => undefined);
      return;
    }
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

/** JSON-RPC 2.0 leaves -32000 to -32099 to the server; the SDK's client reports a closed connection as -32000 too, and a request refused by a server that is stopping is one it should send again on its next connection. */
export const SHUTTING_DOWN = -32000;
