import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

type Id = string | number;

/**
 * Gives every request received an id of its own for as long as it is under way, and its
 * answer the id the client sent. A client that sends a second request with the id of one
 * still under way (against JSON-RPC, but it happens) had the two confused by everything
 * that keeps requests by id: the SDK's refusal of one call's arguments was said again from
 * the other call's (sdk-tool-errors.ts), the first answer sent settled both (pending-requests.ts)
 * and the SDK's cancellation reached one of them. Inside, each request is told apart; on the
 * wire, each answer carries the id its request came with.
 *
 * Apply to the transport the server reads from before any other wrapper: its `send` is then
 * the last step before the wire, and the `onmessage` the server and each wrapper set is met
 * first by the translation (once per message: the wrappers set in turn see it done).
 * A `notifications/cancelled` for an id reused cancels every request under way with it.
 */
export function withDistinctRequestIds<T extends Transport>(transport: T): T {
  let next = 0;
  const sentAs = new Map<Id, Id>();
  const underWay = new Map<Id, Id[]>();
  const inside = new WeakSet<JSONRPCMessage>();
  const translated = (message: JSONRPCMessage): JSONRPCMessage[] => {
    if (inside.has(message)) return [message];
    let out: JSONRPCMessage[] = [message];
    if ('method' in message && 'id' in message) {
      next += 1;
      const id = `tw-${next}`;
      sentAs.set(id, message.id);
      underWay.set(message.id, [...(underWay.get(message.id) ?? []), id]);
      out = [{ ...message, id }];
    } else if ('method' in message && message.method === 'notifications/cancelled') {
      const params = (message.params ?? {}) as { requestId?: Id };
      const ids = params.requestId === undefined ? undefined : underWay.get(params.requestId);
      if (ids) {
        // A cancelled request is not answered: nothing is left to translate back.
        underWay.delete(params.requestId!);
        for (const id of ids) sentAs.delete(id);
        out = ids.map((requestId) => ({ ...message, params: { ...params, requestId } }) as JSONRPCMessage);
      }
    }
    for (const m of out) inside.add(m);
    return out;
  };
  let handler: Transport['onmessage'];
  Object.defineProperty(transport, 'onmessage', {
    configurable: true,
    get: () => handler,
    set: (set: Transport['onmessage']) => {
      handler = set && ((message, extra) => translated(message).forEach((m) => set(m, extra)));
    },
  });
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    const id = 'method' in message || !('id' in message) ? undefined : message.id;
    const original = id === undefined || id === null ? undefined : sentAs.get(id);
    if (id === undefined || id === null || original === undefined) return send(message, options);
    sentAs.delete(id);
    const left = (underWay.get(original) ?? []).filter((i) => i !== id);
    if (left.length) underWay.set(original, left);
    else underWay.delete(original);
    return send({ ...message, id: original } as JSONRPCMessage, options);
  };
  return transport;
}
