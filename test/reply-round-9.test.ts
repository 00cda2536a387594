import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';
import { datesIn } from '../src/outreach/reply-dates.js';

/*
 * The known misses the ninth round of the reply corpus was written after (test/fixtures/replies/
 * *.round-9.yaml), and what that round read wrong on first sight.
 */
const received = '2026-12-07';

describe('a price complaint is an objection: a no, not a yes for "pricing"', () => {
  it.each([
    'Your pricing is too high for us.',
    'Thanks, but this is too expensive for a team our size.',
    'Das ist leider zu teuer für uns.',
    "Merci, mais c'est trop cher pour nous.",
    'Gracias, pero es demasiado caro para nosotros.',
    'Grazie, ma è troppo caro per noi.',
    'Bedankt, maar het is te duur voor ons.',
    'Obrigado, mas está muito caro para nós.',
    'Dziękuję, ale to dla nas za drogo.',
    'Tack, men det är för dyrt för oss.',
    'ご提案ありがとうございます。弊社には高すぎます。',
    '谢谢，你们的价格太高了。',
    '감사합니다만 저희에게는 너무 비싸요.',
  ])('%j is negative', (text) => {
    expect(classifyReply(text, { received })).toMatchObject({ category: 'negative' });
  });

  it('with a time ahead it is a later, as any no is', () => {
    expect(classifyReply('Zu teuer für dieses Jahr, vielleicht nächstes Jahr.', { received })).toMatchObject({ category: 'nurture', revisit: '2027-01-01' });
  });

  it('"not too expensive" complains of nothing', () => {
    expect(classifyReply('If the pricing is not too expensive, happy to chat.', { received })).toMatchObject({ category: 'positive' });
  });
});

describe('"let\'s talk" among ourselves is a later, not a meeting', () => {
  it.each([
    "I'll talk to my team and get back to you.",
    'Let me discuss it internally.',
    'Hablamos internamente y te digo.',
    'Ich muss das erst intern abstimmen.',
    'Je dois en parler en interne.',
    'Ne parlo internamente e ti faccio sapere.',
    'Ik ga het intern bespreken.',
    'Vou discutir internamente.',
    'Omówimy wewnętrznie.',
    'Vi ska diskutera internt och återkommer.',
    '社内で検討します。',
    '我们内部聊聊。',
    '내부적으로 논의해 보겠습니다.',
  ])('%j is nurture', (text) => {
    expect(classifyReply(text, { received })).toMatchObject({ category: 'nurture', revisit: '2027-03-07' });
  });

  it('beside an ask it is the ask, and a date in it is the revisit', () => {
    expect(classifyReply("Send me the deck, I'll discuss it internally.", { received })).toMatchObject({ category: 'positive' });
    expect(classifyReply('Hablemos el jueves.', { received })).toMatchObject({ category: 'positive' });
    expect(classifyReply("I'll talk to my team and get back to you in two weeks.", { received })).toMatchObject({ category: 'nurture', revisit: '2026-12-21' });
  });
});

describe('"in the new year" in every language', () => {
  it.each([
    'Melden Sie sich im neuen Jahr.',
    'Recontactez-moi à la nouvelle année.',
    'Escríbeme en el año nuevo.',
    'Riscrivimi nel nuovo anno.',
    'Mail me in het nieuwe jaar.',
    'Me manda um email no ano novo.',
    'Proszę napisać w nowym roku.',
    'Hör av dig efter årsskiftet.',
    '새해에 다시 연락 주세요.',
  ])('%j is a later to the first Monday of January', (text) => {
    expect(classifyReply(text, { received })).toMatchObject({ category: 'nurture', revisit: '2027-01-04' });
  });
});

describe('after Easter, computed for the year', () => {
  it.each([
    ['Escríbeme después de Semana Santa.', '2027-03-29'],
    ['Bitte nach Ostern nochmal melden.', '2027-03-29'],
    ['Recontactez-moi après Pâques.', '2027-03-29'],
    ['Risentiamoci dopo Pasqua.', '2027-03-29'],
    ['Hör av dig efter påsk.', '2027-03-29'],
    ['Reach out after Easter.', '2027-03-29'],
  ])('%j is a later to Easter Monday, %s', (text, revisit) => {
    expect(classifyReply(text, { received })).toMatchObject({ category: 'nurture', revisit });
  });

  it('Easter moves: after Easter 2028 is 17 April, and a reply after Easter looks to the next one', () => {
    expect(classifyReply('Nach Ostern gerne wieder melden.', { received: '2027-06-01' })).toMatchObject({ category: 'nurture', revisit: '2028-04-17' });
    expect(classifyReply('Po Wielkanocy proszę się odezwać.', { received: '2028-01-10' })).toMatchObject({ category: 'nurture', revisit: '2028-04-17' });
  });
});

describe('Polish months in Roman numerals', () => {
  it.each([
    ['Jestem na urlopie do 10.IV.', '2027-04-10'],
    ['Automatyczna odpowiedź: jestem na urlopie, wracam 15 III.', '2027-03-15'],
    ['Na urlopie od 20.XII.2026 do 3.I.2027.', '2027-01-04'],
  ])('%j is back on %s', (text, returns) => {
    expect(classifyReply(text, { received })).toMatchObject({ category: 'out-of-office', returns });
  });

  it('a one-letter numeral needs a dot, a year or the clause end, and small letters are words', () => {
    expect(datesIn('At 3 I called you.', received)).toEqual([]);
    expect(datesIn('Mamy 2 i 3 oferty.', received)).toEqual([]);
    expect(datesIn('wracam 3 I.', received).map((d) => d.date)).toEqual(['2027-01-03']);
    expect(datesIn('wracam 31 II', received)).toEqual([]);
  });
});

describe('what the ninth round showed missed: wording', () => {
  it.each([
    // polite no's in words no list had
    ["We just rolled out Ramp and won't be switching anytime soon.", 'negative'],
    ['Gracias, pero no lo necesitamos.', 'negative'],
    ['Agradeço, mas isso não faz sentido para a nossa operação.', 'negative'],
    ["Thanks, but it doesn't make sense for us.", 'negative'],
    ['Tyvärr ligger det långt över vad vi kan lägga.', 'negative'],
    ['現在のところ導入の予定はございません。', 'negative'],
    ['谢谢，我们用不上这个。', 'negative'],
    ['검토해 봤는데 저희와는 맞지 않는 것 같습니다.', 'negative'],
    // a stop request, which read as nothing or as a no ("不要です")
    ['Merci de me retirer de votre fichier.', 'unsubscribe'],
    ['Por favor, me tirem da lista.', 'unsubscribe'],
    ['今後このようなメールは不要です。', 'unsubscribe'],
    // absences and a ticket system's receipt
    ['Ik ben met kerstverlof.', 'out-of-office'],
    ['Estou em férias, com acesso restrito ao e-mail.', 'out-of-office'],
    ['我目前正在休年假。', 'out-of-office'],
    ['Your request (#99812) has been received and a member of our team will respond within 1 business day.', 'out-of-office'],
    // yeses
    ['Passt Ihnen ein kurzer Call am Mittwoch?', 'positive'],
    ['Har du tid för ett samtal nästa vecka?', 'positive'],
    ['Det här låter som något vi behöver.', 'positive'],
    ['Det är inte något vi behöver.', 'negative'],
    // laters and pending talk
    ['Vuelve a escribirme en primavera.', 'nurture'],
    ['Na ten moment nie, ale proszę o kontakt w drugim kwartale.', 'nurture'],
    ['I need to run this past our CFO first, will revert.', 'nurture'],
    ['Danke, ich kläre das intern und melde mich.', 'nurture'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received })).toMatchObject({ category });
  });
});

describe('a stop request typed in a hurry', () => {
  it.each(['this is the 4th email. unsubscirbe me NOW', 'unsubcribe', 'Please unsubscibe me.', 'Unsubscrbe', 'I already unsubscribed, why do I still get these?'])('%j is a stop request', (text) => {
    expect(classifyReply(text, { received })).toMatchObject({ category: 'unsubscribe' });
  });

  it('a word merely like it is none', () => {
    expect(classifyReply('The subscription renewal is fine.', { received })).toMatchObject({ category: 'neutral' });
    expect(classifyReply('Subscribe me to the newsletter, sounds useful.', { received })).toMatchObject({ category: 'positive' });
  });
});

describe('a meeting asked for within the week is a yes, whatever else the reply names ahead', () => {
  it.each(["Good timing — we're migrating off spreadsheets next month. Could you do Thursday at 3pm?", 'Let\'s talk next Tuesday about your Q3 plans.'])('%j is positive', (text) => {
    expect(classifyReply(text, { received })).toMatchObject({ category: 'positive' });
  });

  it('a yes for a time ahead with no day this week is still a later', () => {
    expect(classifyReply("Let's talk in Q3.", { received })).toMatchObject({ category: 'nurture', revisit: '2027-07-01' });
  });
});

describe('a month of next year in Chinese, Japanese and Korean', () => {
  it.each([
    ['今年预算已经用完了，明年三月再联系吧。', '2027-03-01'],
    ['来年3月にご連絡ください。', '2027-03-01'],
    ['내년 3월에 다시 연락 주세요.', '2027-03-01'],
    ['目前预算已经用完了，明年三月之后再联系我吧。', '2027-04-01'],
  ])('%j is a later to %s', (text, revisit) => {
    expect(classifyReply(text, { received })).toMatchObject({ category: 'nurture', revisit });
  });
});

describe('the round-9 phrases do not reach past what they mean', () => {
  it.each([
    ['Ich melde mich ab.', 'unsubscribe'],
    ['Bitte melden Sie mich ab.', 'unsubscribe'],
    ['Ich melde mich hiermit von Ihrem Verteiler ab.', 'unsubscribe'],
    ["We can't afford to miss this — let's book a demo.", 'positive'],
    ['Is it too expensive to set up? Keen to learn more.', 'positive'],
    ['De votre fichier client, combien de comptes avez-vous ?', 'neutral'],
    ["I'll get back to you with some times for a demo.", 'positive'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received })).toMatchObject({ category });
  });
});
