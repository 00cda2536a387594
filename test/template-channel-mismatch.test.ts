import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * `channel: email` with `template: follow-up-2-call`: the draft came out a call script
 * while `due` listed an email, and nothing said so. check now warns at the touch's channel.
 */
interface Diagnostics {
  diagnostics: { path: string; rule: string; severity: string; line: number; column: number; field?: string; message: string }[];
}

describe("a touch whose template is another channel's", () => {
  it("is a warning at the touch's channel naming which channel is used for what, and the fix; matching touches are not", async () => {
    const dir = await campaignWithProspect();
    const actions = join(dir, CAMPAIGN, '5-actions.md');
    const touches = 'sequence:\n  start: 2026-11-02\n  touches:\n    - {day: 0, channel: email, template: cold-1-problem}\n    - {day: 4, channel: email, template: follow-up-2-call}';
    writeFileSync(actions, readFileSync(actions, 'utf8').replace('sequence: {preset: five-touch-cold, start: 2026-11-02}', touches));
    const checked = await runJson<Diagnostics>(['check', '--dir', dir], { env: ENV });
    const found = checked.json.diagnostics.filter((d) => d.rule === 'template-channel-mismatch');
    expect(found).toEqual([expect.objectContaining({ path: `${CAMPAIGN}/5-actions.md`, severity: 'warning', line: 6, column: 25, field: 'sequence.touches[1].channel' })]);
    expect(found[0]!.message).toBe(
      'Touch `follow-up-2-call` (day 4) says `channel: email`, but `follow-up-2-call` is a call template: `campaign draft` writes it as a call, while `due` lists it and counts the daily cap as an email. Set `channel: call`, or name an email template (cold-1-problem, cold-2-insight, cold-3-case-study, cold-4-value, cold-5-breakup, follow-up-1-recap, follow-up-3-value, follow-up-5-breakup)',
    );
  });
});
