import { describe, expect, it } from 'vitest';
import { assessDraft, type DraftToAssess } from '../src/outreach/index.js';

/*
 * Pressure and spam words in the languages drafts are written in: "kostenlos" and "nur für
 * kurze Zeit" are what "free" and "limited time" are to a German reader and a spam filter.
 */
const draft = (body: string): DraftToAssess => ({ subject: 'Monatsabschluss', body, channel: 'email', recipient: { name: 'Katrin Vogel', company: 'Brandt Logistik' } });
const codes = (body: string): string[] => assessDraft(draft(body)).issues.map((i) => i.code);

describe('pushy and spam words beyond English', () => {
  it.each([
    ['Katrin, testen Sie Brandt Logistik jetzt kostenlos. Hätten Sie nächste Woche Zeit für ein Gespräch?', 'spam-trigger'],
    ['Katrin, essai gratuit pour Brandt Logistik. Avez-vous un moment la semaine prochaine pour un appel ?', 'spam-trigger'],
    ['Katrin, prueba gratis para Brandt Logistik. ¿Tiene tiempo la semana que viene para una llamada?', 'spam-trigger'],
    ['Katrin, klik hier voor een demo voor Brandt Logistik. Heeft u volgende week tijd voor een gesprek?', 'spam-trigger'],
    ['Katrin, wersja za darmo dla Brandt Logistik. Czy ma Pani czas w przyszłym tygodniu na rozmowę?', 'spam-trigger'],
    ['Katrin様、Brandt Logistik様向けの無料トライアルです。来週お時間をいただけますか？', 'spam-trigger'],
    ['Katrin，Brandt Logistik 可以免费试用。下周能否通个电话？', 'spam-trigger'],
    ['Katrin님, Brandt Logistik 무료 체험입니다. 다음 주에 통화 가능하실까요?', 'spam-trigger'],
    ['Katrin, nur für kurze Zeit: Brandt Logistik spart garantiert fünf Tage. Hätten Sie nächste Woche Zeit?', 'pushy-tone'],
    ['Katrin, offre limitée pour Brandt Logistik. Avez-vous un moment la semaine prochaine ?', 'pushy-tone'],
    ['Katrin, ultima occasione per Brandt Logistik. Ha tempo la prossima settimana per una chiamata?', 'pushy-tone'],
    ['Katrin, sista chansen för Brandt Logistik. Har du tid för ett samtal nästa vecka?', 'pushy-tone'],
    ['Katrin様、期間限定のご案内です。来週お時間をいただけますか？', 'pushy-tone'],
    ['Katrin，限时优惠。下周能否通个电话？', 'pushy-tone'],
    ['Katrin님, 기간 한정 혜택입니다. 다음 주에 통화 가능하실까요?', 'pushy-tone'],
  ])('%j is flagged %s', (body, code) => {
    expect(codes(body)).toContain(code);
  });

  it('leaves a plain German ask alone', () => {
    const plain = codes('Katrin, Brandt Logistik schließt den Monat in zehn Tagen ab; wir haben das bei ähnlichen Firmen auf fünf verkürzt. Hätten Sie nächste Woche Zeit für ein Gespräch?');
    expect(plain).not.toContain('spam-trigger');
    expect(plain).not.toContain('pushy-tone');
  });
});
