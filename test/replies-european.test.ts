import { describe, expect, it } from 'vitest';
import { classifyReply, datesIn, replyText } from '../src/outreach/index.js';

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

  // Return and revisit dates with each language's month names, the year inferred as for "12 January": the next such day.
  it.each([
    ['Ik ben afwezig tot 12 januari. Automatisch antwoord.', 'out-of-office', '2027-01-12'],
    ['Ik ben met vakantie tot en met 4 januari en heb beperkt toegang tot mijn e-mail.', 'out-of-office', '2027-01-05'],
    ['Automatisch antwoord: ik ben afwezig van 21 december tot 4 januari.', 'out-of-office', '2027-01-05'],
    ['Sono fuori ufficio fino al 12 gennaio.', 'out-of-office', '2027-01-12'],
    ['Risposta automatica: sono in ferie dal 21 dicembre al 6 gennaio.', 'out-of-office', '2027-01-07'],
    ['Estou fora do escritório até 12 de janeiro.', 'out-of-office', '2027-01-12'],
    ['Resposta automática: estou de férias de 21 de dezembro a 6 de janeiro.', 'out-of-office', '2027-01-07'],
    ['Jestem poza biurem do 12 stycznia.', 'out-of-office', '2027-01-12'],
    ['Odpowiedź automatyczna: jestem na urlopie od 21 grudnia do 6 stycznia.', 'out-of-office', '2027-01-07'],
    ['Jag är på semester till och med 6 januari.', 'out-of-office', '2027-01-07'],
    ['Automatiskt svar: Jag är tillbaka den 12 januari.', 'out-of-office', '2027-01-12'],
    ['Ich bin bis zum 12. Januar nicht im Büro.', 'out-of-office', '2027-01-12'],
    ['Abwesenheitsnotiz: Ich bin vom 21. Dezember bis 6. Januar im Urlaub.', 'out-of-office', '2027-01-07'],
    ['Je suis absent jusqu\'au 12 janvier.', 'out-of-office', '2027-01-12'],
    ['Réponse automatique : je suis en congés du 21 décembre au 6 janvier.', 'out-of-office', '2027-01-07'],
    ['Estoy fuera de la oficina hasta el 12 de enero.', 'out-of-office', '2027-01-12'],
    ['Nu niet, neem in maart contact op.', 'nurture', '2027-03-01'],
    ['Nu niet, misschien volgend jaar.', 'nurture', '2027-01-01'],
    ['Al momento no, risentiamoci a marzo.', 'nurture', '2027-03-01'],
    ['Agora não, talvez no próximo ano.', 'nurture', '2027-01-01'],
    ['Nie teraz, proszę wrócić w marcu.', 'nurture', '2027-03-01'],
    ['Inte just nu, kanske nästa år.', 'nurture', '2027-01-01'],
    ['Aktuell nicht, melden Sie sich im März wieder.', 'nurture', '2027-03-01'],
    ['Pas maintenant, recontactez-moi en mars.', 'nurture', '2027-03-01'],
  ])('%j is %s, dated %s', (text, category, date) => {
    const result = classifyReply(text, { received: '2026-12-20' });
    expect(result.category).toBe(category);
    expect(category === 'out-of-office' ? result.returns : result.revisit).toBe(date);
  });

  it('reads a month name of these languages only after a day or a preposition: "mai", "mars" and "marca" are words too', () => {
    expect(datesIn('Mars bars, a mai tai and la marca de la casa, maj?', '2026-12-20')).toEqual([]);
  });

  // Our own message quoted below a reply says "unsubscribe": read, it turned every yes into a stop request.
  it.each([
    ['Klinkt interessant, bel me maandag.\n\nOp ma 5 jan. 2026 om 09:14 schreef Sam Reed <sam@x.example>:\nInterested? Reply unsubscribe to opt out.', 'Klinkt interessant, bel me maandag.'],
    ['Klinkt interessant.\n\nVan: Sam Reed <sam@x.example>\nVerzonden: maandag 5 januari 2026 09:14\nOnderwerp: Hi\nInterested? Reply unsubscribe to opt out.', 'Klinkt interessant.'],
    ['Interessante.\n\nDa: Sam Reed <sam@x.example>\nInviato: lunedì 5 gennaio 2026 09:14\nOggetto: Hi\nReply unsubscribe to opt out.', 'Interessante.'],
    ['Parece interessante.\n\nEm seg., 5 de jan. de 2026 às 09:14, Sam Reed <sam@x.example> escreveu:\nReply unsubscribe to opt out.', 'Parece interessante.'],
    ['Parece interessante.\n\nDe: Sam Reed <sam@x.example>\nEnviado: segunda-feira, 5 de janeiro de 2026 09:14\nAssunto: Hi\nReply unsubscribe.', 'Parece interessante.'],
    ['Brzmi interesująco.\n\nW dniu pon., 5.01.2026 o 09:14 Sam Reed <sam@x.example> napisał(a):\nReply unsubscribe to opt out.', 'Brzmi interesująco.'],
    ['Brzmi interesująco.\n\nOd: Sam Reed <sam@x.example>\nWysłano: poniedziałek, 5 stycznia 2026 09:14\nTemat: Hi\nReply unsubscribe.', 'Brzmi interesująco.'],
    ['Låter intressant.\n\nDen mån 5 jan. 2026 kl 09:14 skrev Sam Reed <sam@x.example>:\nReply unsubscribe to opt out.', 'Låter intressant.'],
    ['Låter intressant.\n\nFrån: Sam Reed <sam@x.example>\nSkickat: den 5 januari 2026 09:14\nÄmne: Hi\nReply unsubscribe.', 'Låter intressant.'],
    ['興味があります。\n\n2026年1月5日(月) 9:14 Sam Reed <sam@x.example>:\nReply unsubscribe to opt out.', '興味があります。'],
    ['我们很感兴趣。\n\nSam Reed <sam@x.example> 于2026年1月5日周一 09:14写道：\nReply unsubscribe to opt out.', '我们很感兴趣。'],
    ['관심이 있습니다.\n\n2026년 1월 5일 (월) 오전 9:14, Sam Reed <sam@x.example>님이 작성:\nReply unsubscribe to opt out.', '관심이 있습니다.'],
    ['興味があります。\n\n差出人: Sam Reed <sam@x.example>\n送信日時: 2026年1月5日 9:14\nReply unsubscribe.', '興味があります。'],
    ['Interessant.\n\nVerstuurd vanaf mijn iPhone\n\nReply unsubscribe to opt out.', 'Interessant.'],
    ['Interessante.\n\nInviato da iPhone\n\nReply unsubscribe to opt out.', 'Interessante.'],
    ['Interessante.\n\nEnviado do meu iPhone\n\nReply unsubscribe to opt out.', 'Interessante.'],
    ['Låter bra.\n\nSkickat från min iPhone\n\nReply unsubscribe to opt out.', 'Låter bra.'],
    ['Brzmi interesująco.\n\nWysłane z iPhone\n\nReply unsubscribe to opt out.', 'Brzmi interesująco.'],
    ['Wij hebben interesse.\n\nMet vriendelijke groeten,\nJan de Vries\nUnsubscribe-afdeling', 'Wij hebben interesse.'],
  ])('cuts the quoted message below %j', (text, own) => {
    expect(replyText(text)).toBe(own);
    expect(classifyReply(text).category).toBe('positive');
  });

  // "No longer" and its kin are a no; a yes, a "call me" and a "don't call me again" are read in each language.
  it.each([
    ['We no longer need this.', 'negative'],
    ['Wir sind nicht mehr interessiert.', 'negative'],
    ['Nous ne sommes plus intéressés.', 'negative'],
    ["Ce n'est pas intéressant pour nous.", 'negative'],
    ['Ya no estamos interesados.', 'negative'],
    ['I no longer work at Acme, please contact Maria.', 'neutral'],
    ['Bel me maandag maar.', 'positive'],
    ['Chiamami lunedì.', 'positive'],
    ['Ligue-me na segunda.', 'positive'],
    ['Ring mig på måndag.', 'positive'],
    ['Zadzwoń w poniedziałek.', 'positive'],
    ['Ja, graag.', 'positive'],
    ['Sim, claro.', 'positive'],
    ['Oui, avec plaisir.', 'positive'],
    ['Ja, aber erst nächstes Jahr.', 'nurture'],
    ['Ring mig inte igen.', 'unsubscribe'],
    ["Ne m'appelez plus.", 'unsubscribe'],
    ['No me llames más.', 'unsubscribe'],
    ['Ja, bitte nehmen Sie mich aus dem Verteiler.', 'unsubscribe'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received: '2026-12-20' }).category).toBe(category);
  });

  // Never let a stop request read as anything else: the further ways people write one.
  it.each([
    'Je ne souhaite plus recevoir vos e-mails.',
    "Merci de ne plus m'écrire.",
    "Désabonnez-moi s'il vous plaît.",
    'Por favor, elimínenme de su lista.',
    'No deseo recibir más correos.',
    'Dejen de escribirme, por favor.',
    'Niet geïnteresseerd. Haal me van de lijst.',
    'Proszę mnie wypisać.',
    'Nie jestem zainteresowany, proszę mnie usunąć z bazy.',
    'Avsluta min prenumeration.',
    'Sluta maila mig.',
    'Por favor, não me enviem mais e-mails.',
    'Per favore rimuovete il mio indirizzo.',
    'Stopp, bitte.',
    'Basta, grazie.',
    'Por favor, basta.',
    // "I'd like to be removed": the yes in "gostaria de", "vorrei", "ich möchte" never outweighs it
    'Gostaria de ser removido da lista.',
    'Vorrei essere rimosso dai vostri contatti.',
    'Quisiera ser dado de baja.',
    'Je voudrais être retiré de vos contacts.',
    'Ik wil graag verwijderd worden.',
    'Chciałbym zostać usunięty z bazy.',
    'Jag vill bli borttagen.',
    'Ich möchte gelöscht werden.',
  ])('%j is an unsubscribe', (text) => {
    expect(classifyReply(text).category).toBe('unsubscribe');
  });

  it('reads "basta" as a stop only as a sentence of its own', () => {
    expect(classifyReply('Basta de rodeos: nos interesa, llámame.').category).toBe('positive');
  });

  // A "maybe" with a time ahead is a later, in each language as in English ("maybe in March").
  it.each(['Misschien in maart.', 'Vielleicht im März.', 'Forse a marzo.', 'Talvez em março.', 'Może w marcu.', 'Kanske i mars.', 'Peut-être en mars.', 'Quizás en marzo.'])(
    '%j is nurture, revisit 1 March',
    (text) => {
      expect(classifyReply(text, { received: '2026-12-20' })).toMatchObject({ category: 'nurture', revisit: '2027-03-01' });
    },
  );

  // An absence as auto-replies word it, and its last day: "inclus", "włącznie", "bis einschließlich" make the day after the return.
  it.each([
    ['Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 6. Januar im Urlaub.', '2027-01-07'],
    ['Je serai de retour le 7 janvier.', '2027-01-07'],
    ["Je suis en congé jusqu'au 6 janvier inclus.", '2027-01-07'],
    ['Estaré de vuelta el 7 de enero.', '2027-01-07'],
    ['Estoy de vacaciones hasta el 6 de enero inclusive.', '2027-01-07'],
    ['Vanaf 7 januari ben ik weer bereikbaar.', '2027-01-07'],
    ['Sarò di nuovo in ufficio dal 7 gennaio.', '2027-01-07'],
    ['Wracam do biura 7 stycznia.', '2027-01-07'],
    ['Jestem nieobecny do 6 stycznia włącznie.', '2027-01-07'],
    ['Jag är tillbaka på kontoret 7 januari.', '2027-01-07'],
    ['Jag är på tjänsteresa till 6 januari.', '2027-01-06'],
  ])('%j is out-of-office, back %s', (text, returns) => {
    expect(classifyReply(text, { received: '2026-12-20' })).toMatchObject({ category: 'out-of-office', returns });
  });

  // A French, Spanish or German yes, and its negation.
  it.each([
    ["Votre offre m'intéresse.", 'positive'],
    ["Ça ne m'intéresse pas.", 'negative'],
    ['Cela pourrait nous intéresser, pouvons-nous en parler ?', 'positive'],
    ["Envoyez-moi plus d'informations.", 'positive'],
    ['Me interesaría saber más.', 'positive'],
    ['No me interesaría.', 'negative'],
    ['Mándeme más información.', 'positive'],
    ['Podemos agendar uma conversa?', 'positive'],
    ['Klingt spannend, schicken Sie mir Unterlagen.', 'positive'],
    ['Klingt gut, aber wir haben keinen Bedarf.', 'negative'],
    ['Merci, mais nous avons déjà un outil pour ça.', 'negative'],
    ['Gracias, pero ya tenemos proveedor.', 'negative'],
    ['Danke, das brauchen wir nicht.', 'negative'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received: '2026-12-20' }).category).toBe(category);
  });
});
