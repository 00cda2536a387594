import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/** `demo --dir x` ran on a temporary copy and ignored --dir, as if it had run in x. */
describe('threadwork demo --dir', () => {
  it('is refused, saying demo runs on a temporary copy', async () => {
    const result = await runCli(['demo', '--dir', '/tmp/nowhere-demo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('takes no --dir');
  });
});
