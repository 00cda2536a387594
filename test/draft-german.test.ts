import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessDraft, DRAFT_TEMPLATES, draftMessage } from '../src/outreach/index.js';
import { draftLanguage } from '../src/outreach/draft-language.js';
import { DRAFT_TEMPLATES_DE } from '../src/outreach/draft-templates-de.js';
import { countSentences, countWords } from '../src/outreach/phrases.js';
import { runJson } from './helpers/cli.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/**
 * A German prospect's drafts are German: a Munich sender writing to "Müller & Söhne GmbH"
 * got "Hi Jürgen, A problem we often hear from teams like Müller & Söhne: …", the canvas
 * text (written in German) inside English sentences.
 */
const input = (template: string) => ({
  touch: { template },
  prospect: { name: 'Jürgen Weiß', email: 'j.weiss@mueller-soehne.de', company: 'Müller & Söhne GmbH', title: 'Leiter Instandhaltung' },
  company: { industry: 'Maschinenbau', signals: [{ type: 'expansion', detail: 'neues Werk in Ulm', date: '2026-02-01' }] },
  segment: { name: 'Maschinenbau Mittelstand', pains: ['ungeplante Stillstände an Bestandsmaschinen ohne Sensorik'] },
  materials: { uvp: 'Nachrüst-Sensorik, die in einem Tag an jeder Bestandsmaschine läuft', proof: ['Weiß Maschinenbau senkte Stillstände um 31 % in drei Monaten', 'Amortisation in unter sechs Monaten'], pilot_fee: '4.900 €', company: 'Sensorik Nachrüst GmbH' },
  today: '2026-03-01',
  language: 'de' as const,
});

describe('German drafts', () => {
  it('has a German template for every English one', () => {
    expect(Object.keys(DRAFT_TEMPLATES_DE).sort()).toEqual(Object.keys(DRAFT_TEMPLATES).sort());
  });

  it.each(Object.keys(DRAFT_TEMPLATES_DE))('%s: German, formal, within limits, ready', (template) => {
    const draft = draftMessage(input(template));
    expect(draft).toMatchObject({ language: 'de', channel: DRAFT_TEMPLATES[template]!.channel, template });
    const text = `${draft.subject}\n${draft.body}`;
    expect(text).not.toMatch(/\b(?:Hi|the|we|your|would|worth|call|Opener)\b|\{\{|undefined|null/);
    expect(text).toMatch(/Müller & Söhne/);
    // German nouns keep their capital after a colon.
    if (/Was wir|Was Sie testen|Nutzen:/.test(text)) expect(text).toContain('Nachrüst-Sensorik');
    if (draft.channel === 'email') {
      expect(draft.body.startsWith('Guten Tag Jürgen Weiß,\n\n')).toBe(true);
      expect(countWords(draft.body)).toBeLessThan(120);
      expect(countSentences(draft.body)).toBeLessThanOrEqual(5);
    }
    if (draft.channel === 'linkedin') expect(draft.body.length).toBeLessThanOrEqual(300);
    const quality = assessDraft({ ...draft, recipient: { name: 'Jürgen Weiß', company: 'Müller & Söhne GmbH' }, signals: [] });
    expect(quality.issues).toEqual([]);
  });

  it('writes English unless a language is said or shown', () => {
    const english = draftMessage({ ...input('cold-1-problem'), language: undefined });
    expect(english.body.startsWith('Hi Jürgen,')).toBe(true);
    expect(english.language).toBe('en');
  });

  it.each([
    [{ company: 'Müller & Söhne GmbH' }, 'de'],
    [{ company: 'Weiß Maschinenbau AG' }, 'de'],
    [{ company: 'Acme', email: 'anna@acme.at' }, 'de'],
    [{ company: 'Acme', email: 'anna@acme.ch' }, 'en'],
    [{ company: 'Malmö Verkstad AB' }, 'en'],
    [{ company: 'Müller & Söhne GmbH', campaignLanguage: 'en' }, 'en'],
    [{ company: 'Müller & Söhne GmbH', campaignLanguage: 'en', prospectLanguage: 'Deutsch' }, 'de'],
    [{ company: 'Acme', campaignLanguage: 'de-CH' }, 'de'],
    [{ company: 'Dupont SARL', campaignLanguage: 'fr' }, 'en'],
  ])('%o → %s', (said, language) => {
    expect(draftLanguage(said)).toBe(language);
  });
});

describe('campaign draft in the prospect\'s language', () => {
  // Through the real CLI: the prospect's `language` in Stage 5 reaches the draft file.
  it('writes a German first email for a prospect whose Stage 5 entry says language: de', { timeout: 120_000 }, async () => {
    const dir = await campaignWithProspect(', language: de');
    const drafted = await runJson<{ drafts: { path: string; touch: number }[] }>(['campaign', 'draft', CAMPAIGN, '--dir', dir], { env: ENV });
    expect(drafted.code, drafted.stderr).toBe(0);
    const first = drafted.json.drafts.find((f) => f.touch === 1)!;
    const text = readFileSync(join(dir, first.path), 'utf8');
    expect(text).toMatch(/^subject: .*Northwind Payments/m);
    expect(text).toContain('\nGuten Tag Dana Reyes,\n');
    expect(text).not.toContain('Hi Dana');
  });
});
