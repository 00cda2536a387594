import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

async function diagnostics(extra: Record<string, string>): Promise<Diagnostic[]> {
  return (await (await openWorkspace(workspace(extra))).check()).diagnostics;
}

/** Whether `text` holds half of a surrogate pair: what a UTF-16 slice leaves of an emoji cut in two. */
const loneSurrogate = (text: string): boolean => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/*
 * A long value quoted in a diagnostic is cut to its first 37 characters and `…`. The cut
 * was `slice(0, 37)`, by UTF-16 unit: an emoji across it was split, and the message showed
 * "\ud83d" (through JSON.stringify) or a broken character where the person wrote 🚀. It is
 * cut between whole characters, as the report tables are.
 */
describe('a long value quoted in a diagnostic', () => {
  const rocketAt37 = (lead: number): string => `${'a'.repeat(lead)}🚀 and some more words after it`;

  it('is cut before an emoji that crosses the cut, in a schema error (got "…")', async () => {
    // `"` and 35 letters: the emoji's two halves are the 37th and 38th units.
    const found = await diagnostics({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md(`source: inbound\ncompany:\n  name: Acme\n  employees: "${rocketAt37(35)}"\n`) });
    const message = found.find((d) => d.rule === 'schema')!.message;
    expect(loneSurrogate(message), message).toBe(false);
    expect(message).toContain(`(got "${'a'.repeat(35)}…)`);
  });

  it('is cut before an emoji that crosses the cut, in a colon inside a value', async () => {
    // `Re: ` and 32 letters: the emoji's halves are the 37th and 38th units.
    const found = await diagnostics({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md(`source: inbound\nsignal: Re: ${rocketAt37(32)}\n`) });
    const message = found.find((d) => d.rule === 'yaml-syntax')!.message;
    expect(loneSurrogate(message) || message.includes('\\ud83d'), message).toBe(false);
    expect(message).toContain(`\`signal: "Re: ${'a'.repeat(32)}…"\``);
  });

  it('is cut before an emoji that crosses the cut, in a list item indented under a value', async () => {
    // 36 letters: the emoji's halves are the 37th and 38th units of the value YAML reads.
    const found = await diagnostics({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md(`source: inbound\nsignal: ${rocketAt37(36)}\n  - a second signal\n`) });
    const message = found.find((d) => d.rule === 'yaml-syntax')!.message;
    expect(loneSurrogate(message) || message.includes('\\ud83d'), message).toBe(false);
    expect(message).toContain(`which YAML reads as more of that value ("${'a'.repeat(36)}…")`);
  });

  it('keeps an emoji the cut does not cross, whole', async () => {
    const found = await diagnostics({ 'threads/sales/acme/meta.json': dealMeta('acme'), 'threads/sales/acme/1-input.md': md(`source: inbound\nsignal: Re: ${rocketAt37(31)}\n`) });
    expect(found.find((d) => d.rule === 'yaml-syntax')!.message).toContain(`\`signal: "Re: ${'a'.repeat(31)}🚀…"\``);
  });
});
