import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';

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
});
