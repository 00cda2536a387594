import { describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { connectMcp } from './helpers/mcp.js';

/**
 * The thread resource is `threadwork://threads/sales/brightcart`, and its completion offers
 * `sales/brightcart`: an agent that then gives `sales/brightcart` as a tool's thread argument
 * was refused "it leads outside threads/" with nothing to retry with. The refusal stays (a
 * path is the workspace's), and now names the thread meant, as an unknown id does (`meant`).
 */
describe('a thread argument written relative to threads/', () => {
  it('is refused naming the thread folder it means', async () => {
    const mcp = await connectMcp(exampleWorkspaceCopy());
    const completion = await mcp.client.complete({ ref: { type: 'ref/resource', uri: 'threadwork://threads/{+path}' }, argument: { name: 'path', value: 'sales/brigh' } });
    expect(completion.completion.values).toContain('sales/brightcart');

    const refused = await mcp.call<{ error: { code: string; message: string; meant?: string } }>('read_thread', { thread: 'sales/brightcart' });
    expect(refused.isError).toBe(true);
    expect(refused.data.error).toMatchObject({ code: 'path-refused', meant: 'threads/sales/brightcart' });
    expect(refused.data.error.message).toContain('did you mean threads/sales/brightcart?');
    // Nothing there: no thread to name.
    const nowhere = await mcp.call<{ error: { code: string; meant?: string } }>('read_thread', { thread: 'sales/nobody-here' });
    expect(nowhere.data.error.code).toBe('path-refused');
    expect(nowhere.data.error.meant).toBeUndefined();
  });
});
