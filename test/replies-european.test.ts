import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';

// The replies a European sales team reads in Dutch, Italian, Portuguese, Polish and Swedish, as people write them.
describe('replies in Dutch, Italian, Portuguese, Polish and Swedish', () => {
  it.each([
    // Dutch
    ['Bedankt, maar we hebben geen interesse.', 'negative'],
    ['Wij zijn niet echt geïnteresseerd.', 'negative'],
    ['Nee, dank je. We gebruiken al een ander pakket.', 'negative'],
    ['Graag uitschrijven.', 'unsubscribe'],
    ['Haal mij alstublieft uit uw mailinglijst.', 'unsubscribe'],
    ['Ik wil geen e-mails meer ontvangen.', 'unsubscribe'],
    ['Neem geen contact meer met mij op.', 'unsubscribe'],
    ['Niet meer bellen alstublieft.', 'unsubscribe'],
    ['Ik ben met vakantie tot en met 4 januari en heb beperkt toegang tot mijn e-mail.', 'out-of-office'],
    ['Klinkt interessant, kunnen we volgende week bellen?', 'positive'],
    ['Nu niet, misschien volgend jaar.', 'nurture'],
    // Italian
    ['Grazie, ma non siamo interessati.', 'negative'],
    ['Non siamo molto interessati.', 'negative'],
    ['Vi prego di cancellarmi dalla vostra lista.', 'unsubscribe'],
    ['Non contattatemi più.', 'unsubscribe'],
    ['Non voglio più ricevere email.', 'unsubscribe'],
    ['Risposta automatica: sono in ferie fino al 7 gennaio.', 'out-of-office'],
    ['Interessante, possiamo fissare una call la prossima settimana?', 'positive'],
    ['Al momento no, magari più avanti.', 'nurture'],
    // Portuguese
    ['Obrigado, mas não temos interesse.', 'negative'],
    ['Não estamos interessados.', 'negative'],
    ['Por favor, remova-me da sua lista.', 'unsubscribe'],
    ['Não quero receber mais e-mails.', 'unsubscribe'],
    ['Resposta automática: estou de férias até 7 de janeiro.', 'out-of-office'],
    ['Parece interessante, podemos marcar uma reunião?', 'positive'],
    ['Agora não, talvez mais para a frente.', 'nurture'],
    // Polish
    ['Dziękuję, nie jesteśmy zainteresowani.', 'negative'],
    ['Proszę usunąć mnie z listy mailingowej.', 'unsubscribe'],
    ['Proszę o wypisanie z listy.', 'unsubscribe'],
    ['Nie chcę otrzymywać więcej wiadomości.', 'unsubscribe'],
    ['Odpowiedź automatyczna: jestem na urlopie do 7 stycznia.', 'out-of-office'],
    ['Brzmi interesująco, możemy umówić spotkanie w przyszłym tygodniu?', 'positive'],
    ['Nie teraz, może później.', 'nurture'],
    // Swedish
    ['Tack, men vi är inte intresserade.', 'negative'],
    ['Vänligen ta bort mig från er lista.', 'unsubscribe'],
    ['Ta gärna bort mig.', 'unsubscribe'],
    ['Jag vill inte få fler mejl.', 'unsubscribe'],
    ['Automatiskt svar: Jag är tillbaka den 12 januari.', 'out-of-office'],
    ['Låter intressant, kan vi boka ett möte nästa vecka?', 'positive'],
    ['Inte just nu, kanske nästa år.', 'nurture'],
    ['Nej.', 'negative'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received: '2026-12-20' }).category).toBe(category);
  });

  it('reads a negator of these languages, but not the prefix of "non-profit"', () => {
    expect(classifyReply('Wij zijn niet echt geïnteresseerd.').matched).toEqual(['niet … geïnteresseerd']);
    expect(classifyReply("We're a non-profit and interested in a demo.").category).toBe('positive');
  });

  // A stop request is honoured whatever else the reply says, in these languages as in English.
  it.each([
    'Interessant, maar haal mij uit uw mailinglijst.',
    'Interessante, ma per favore non contattatemi più.',
    'Parece interessante, mas por favor remova-me da sua lista.',
    'Ciekawe, ale proszę usunąć mnie z listy mailingowej.',
    'Intressant, men ta bort mig från er lista.',
  ])('%j is an unsubscribe, not a yes', (text) => {
    expect(classifyReply(text).category).toBe('unsubscribe');
  });
});
