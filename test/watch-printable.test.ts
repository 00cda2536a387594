import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { WatchProcess, waitFor } from './helpers/watch.js';

/**
 * watch's cycle line named the file that set it off as it is: a folder named with a newline
 * split the line in two, where the diagnostic lines under it are escaped. It is escaped
 * the same way.
 */

const running: WatchProcess[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) await w.kill();
});

describe('a path with control characters in a watch cycle line', () => {
  it('is printed escaped: the trigger stays on its line', async () => {
    const dir = exampleWorkspaceCopy();
    const w = new WatchProcess(dir, [], {}, { text: true });
    running.push(w);
    await w.ready();
    cpSync(join(dir, 'threads/sales/fernway-home'), join(dir, 'threads/sales/evil\nname'), { recursive: true });
    await waitFor(() => w.text.some((l) => l.includes('duplicate-id')), 'the copy to be answered', () => w.text.join('\n'));
    const cycle = w.text.find((l) => / → /.test(l) && l.includes('evil'));
    expect(cycle, w.text.join('\n')).toMatch(/ threads\/sales\/evil\\nname\/\S+/);
    // eslint-disable-next-line no-control-regex -- what must not be printed raw
    expect(w.text.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
