import { describe, expect, it } from 'vitest';
import { classifyReply, datesIn } from '../src/outreach/index.js';

/*
 * What the seventh round of the reply corpus read wrong on first sight (test/fixtures/replies/
 * *.round-7.yaml): polite no's that open with praise, a French "très intéressant, mais pas de
 * besoin" read as a yes, a ticket system's automated receipt, a French request for a price
 * proposal, "put us down for a chat in the spring", "hablemos después de Reyes", "下个月中旬再约".
 */
describe('what the seventh round showed missed: wording', () => {
  it.each([
    ["Thanks so much for thinking of us, Sam! It sounds like a great product, but we've just renewed with our current provider for three years.", 'negative'],
    ['Vielen Dank für Ihr Angebot, das klingt wirklich gut. Wir haben uns allerdings bereits für eine andere Lösung entschieden.', 'negative'],
    ["Merci pour votre message très intéressant, mais nous n'avons pas de besoin sur ce sujet.", 'negative'],
    ['Hoi Sam, leuk dat je aan ons denkt! We doen dit echter volledig in eigen beheer en dat blijft zo. Succes ermee!', 'negative'],
    ['谢谢你的介绍。我们已经有合作的供应商了，目前没有更换的计划。', 'negative'],
    ['Dziękuję za wiadomość, brzmi ciekawie, ale nie skorzystamy. Mamy już rozwiązanie od innego dostawcy.', 'negative'],
    ['Thank you for contacting Acme Support. This is an automated response to confirm we have received your request (Ticket #48213).', 'out-of-office'],
    ["Votre message tombe à pic, nous cherchons justement une solution. Pouvez-vous m'envoyer une proposition tarifaire ?", 'positive'],
    ['Not for this budget cycle, but put us down for a chat in the spring.', 'nurture'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received: '2026-12-07' })).toMatchObject({ category });
  });

  it.each([['Arrêtez.'], ['Baja'], ['BAJA, por favor'], ['Remover'], ['Stoppa!'], ['Sluta.'], ['Usuń.']])('a one-word stop request in its language is one: %j', (text) => {
    expect(classifyReply(text, { received: '2026-12-07' })).toMatchObject({ category: 'unsubscribe' });
  });

  it('the same words inside a sentence are none', () => {
    expect(classifyReply('Gracias, la baja de precios no nos cambia nada.', { received: '2026-12-07' }).category).not.toBe('unsubscribe');
  });

  it('a prospect asking "Is this an automated message?" is no auto-reply', () => {
    expect(classifyReply('Is this an automated message?', { received: '2026-12-07' })).toMatchObject({ category: 'neutral' });
  });
});

describe('what the seventh round showed missed: dates', () => {
  it.each([
    ['Ahora estamos cerrando el ejercicio, hablemos después de Reyes.', '2027-01-07'],
    ['Oi Sam, agora não dá. Me procura de novo depois do Carnaval?', '2027-02-10'],
    ['Na razie mamy zamrożony budżet. Proszę odezwać się po pierwszym kwartale.', '2027-04-01'],
    ['今は繁忙期のため対応が難しいです。年度が明けてから改めてご連絡いただけますと幸いです。', '2027-04-01'],
    ['最近在忙年底结账，下个月中旬再约时间聊吧。', '2027-01-15'],
  ])('%j revisits on %s', (text, revisit) => {
    expect(classifyReply(text, { received: '2026-12-07' })).toMatchObject({ category: 'nurture', revisit });
  });

  it('reads "04/01" day first when the writer\'s other date ("23/12") shows that order', () => {
    expect(classifyReply('Mensagem automática: estarei ausente de 23/12 a 03/01. Retorno no dia 04/01.', { received: '2026-12-23' })).toMatchObject({ category: 'out-of-office', returns: '2027-01-04' });
    // Month first when the other date shows that, and nothing when no date shows the order, or "24/7" is the only other.
    expect(datesIn('Out 12/23 through 01/04', '2026-12-20').map((d) => d.date)).toEqual(['2026-12-23', '2027-01-05']);
    expect(datesIn('Back 04/01', '2026-12-20')).toEqual([]);
    expect(datesIn('Support is 24/7; I am back 04/01', '2026-12-20')).toEqual([]);
  });

  it('reads "after the first quarter" in the European languages as the quarter after it', () => {
    for (const text of ['nach dem ersten Quartal', 'après le premier trimestre', 'después del primer trimestre', 'dopo il primo trimestre', 'na het eerste kwartaal', 'depois do primeiro trimestre', 'efter första kvartalet']) {
      expect(datesIn(text, '2026-12-07').map((d) => d.date), text).toEqual(['2027-04-01']);
    }
    expect(datesIn('w pierwszym kwartale', '2026-12-07').map((d) => d.date)).toEqual(['2027-01-01']);
  });
});
