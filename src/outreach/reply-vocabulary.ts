/**
 * The words a reply is classified by, as data. Phrases match as whole words in any
 * case (`yes` never matches `yesterday`), with curly and straight apostrophes alike;
 * a `*` in a phrase stands for up to three words ("take * off" finds "take my name
 * off"). Where phrases overlap, the longest wins, so "not interested" is read as
 * negative and never also as the positive "interested".
 *
 * The categories, decided for #13:
 * - unsubscribe: any ask to stop contact — by email, phone or at all ("please stop",
 *   "don't contact me again", "don't call me again"), to be removed, to have one's data
 *   deleted — and any spam complaint. Honoured everywhere (the suppression list), because
 *   reading a stop request as a mere "no" would keep writing to someone who asked us not to.
 * - negative: a no to the offer ("not interested", "we already use X") that asks nothing
 *   about contact.
 * - nurture: a no to the timing ("not now", "circle back in Q3"): contact again later.
 * - out-of-office: an auto-reply or absence; the person has not read the message.
 * - positive: interest, or a step toward a meeting.
 * - bounce: a mail server's delivery failure notice pasted as a reply: the message never
 *   arrived and nobody answered. Read as neutral it set the prospect `replied`; it sets
 *   `bounced`, as the sequence's other stops are set.
 */

export type ReplyCategory = 'positive' | 'negative' | 'unsubscribe' | 'out-of-office' | 'nurture' | 'neutral' | 'bounce';

export const REPLY_CATEGORIES: readonly ReplyCategory[] = ['positive', 'negative', 'unsubscribe', 'out-of-office', 'nurture', 'neutral', 'bounce'];

/**
 * A delivery failure notice (a bounce) as mail servers word it — Gmail, Outlook and
 * Exchange, Postfix and other MTAs, in the languages Outlook writes them in. Only phrases a
 * server writes: a person saying an email "bounced" is not one.
 */
export const BOUNCE_PHRASES: readonly string[] = [
  'delivery status notification', 'address not found', 'undeliverable', 'undelivered mail', 'undelivered mail returned to sender',
  'mail delivery failed', 'mail delivery failure', 'delivery has failed', 'delivery failed', 'delivery failure', 'delivery incomplete',
  'message not delivered', "message wasn't delivered", "your message wasn't delivered", "wasn't delivered to", "couldn't be delivered",
  'could not be delivered', 'was not delivered', 'not be delivered to', 'returned mail', 'mail delivery subsystem', 'mailer daemon',
  'user unknown', 'unknown user', 'no such user', 'mailbox unavailable', 'mailbox not found', 'mailbox does not exist',
  'recipient address rejected', 'recipient not found', 'recipient rejected', 'address rejected', 'unknown recipient',
  'account that you tried to reach does not exist', 'email address * does not exist', 'address * does not exist',
  'permanent error', 'permanent failure', 'unable to deliver', 'failed to deliver', 'delivery to the following recipients failed',
  'unzustellbar', 'nicht zugestellt', 'zustellung fehlgeschlagen', 'non remis', 'échec de la remise', 'no se puede entregar',
  'no se pudo entregar', 'entrega fallida', 'onbestelbaar', 'non recapitabile', 'não entregue', 'não foi possível entregar',
  'niedostarczalne', 'nie dostarczono', 'kunde inte levereras', 'ej levererat', '配信不能', '送信できませんでした', '无法送达', '退信',
  '전송 실패', '배달되지 않',
];

/** Asks to stop all contact, to be removed, or complains of spam: honoured before anything else. */
export const UNSUBSCRIBE_PHRASES: readonly string[] = [
  'unsubscribe', 'unsubscribe me', 'opt out', 'opt me out', 'remove me', 'remove us', 'remove my', 'remove this address',
  'remove this email', 'remove our', 'be removed', 'removed from', 'take me off', 'take us off', 'take * off your list',
  'take * off this list', 'take * off the list', 'take * off your * list', 'off your list', 'off this list', 'off your mailing list',
  'off your database', 'stop emailing', 'stop sending', 'stop contacting', 'stop writing', 'stopped writing', 'stop messaging',
  'stop spamming', 'stop calling', 'stop reaching out', 'stop these emails', 'cease all contact', 'cease contact',
  'no more emails', 'no more messages', 'no further emails', 'no further contact', 'no more contact',
  "don't email me", 'do not email me', "don't contact me", 'do not contact me', "don't contact us", 'do not contact us',
  "don't reach out", 'do not reach out', "don't write to me", 'do not write to me', "don't call me", 'do not call me',
  "don't message me", 'never contact me', 'leave me alone', 'delete my', 'erase my', 'spam', 'spamming', 'reported as spam',
  "don't email", 'do not email', 'any more emails', 'any more messages', "don't want * emails", 'erase', 'personal data you hold',
  "don't send me", 'do not send me', 'any further messages', 'any further emails', 'further messages', 'remove from',
  'stop following up', 'stop chasing', 'stop bothering', 'stop pestering', "don't ping me", 'do not ping me', 'stop pinging', 'keine weiteren', 'keine e-mails', 'keine mails',
  // German, French, Spanish, Italian
  'entfernen sie mich', 'austragen', 'abmelden', 'désinscrire', 'désabonner', 'retirer de votre liste', 'darme de baja',
  'dar de baja', 'cancellatemi', 'cancellami',
  // A German, French or Spanish ask to be taken off the list or left alone, which read as a mere no or as nothing
  'aus dem verteiler', 'aus ihrem verteiler', 'aus eurem verteiler', 'vom verteiler', 'aus ihrer liste', 'von ihrer liste',
  'nicht mehr kontaktieren', 'kontaktieren sie mich nicht', 'schreiben sie mir nicht', 'rufen sie mich nicht', 'nicht mehr anschreiben', 'nicht mehr anrufen', 'keine weitere kontaktaufnahme', 'keine werbung',
  'meine daten löschen', 'löschen sie meine', 'ne plus me contacter', 'ne me contactez plus', 'ne plus recevoir', 'retirez moi',
  'retirer de vos listes', 'supprimer mes données', 'supprimez mes données', 'no me contacten', 'no vuelvan a contactar',
  'no me escriban', 'no me escribas', 'eliminar mis datos', 'borrar mis datos', 'sáquenme de', 'quitarme de',
  // Dutch, Italian, Portuguese, Polish, Swedish: an ask to be unsubscribed, taken off the list, left alone or erased
  'uitschrijven', 'schrijf mij uit', 'schrijf me uit', 'schrijf ons uit', 'afmelden', 'meld mij af', 'meld me af', 'verwijder mij',
  'verwijder me', 'verwijder ons', 'haal mij * uit', 'haal me * uit', 'haal ons * uit', 'uit uw mailinglijst', 'uit jullie mailinglijst',
  'uit de mailinglijst', 'uit uw bestand', 'van uw lijst', 'van jullie lijst', 'geen e-mails meer', 'geen mails meer', 'geen contact meer',
  'neem geen contact', 'niet meer contacteren', 'niet meer mailen', 'mijn gegevens verwijderen', 'verwijder mijn gegevens',
  'cancellarmi', 'cancellateci', 'rimuovetemi', 'rimuovermi', 'rimuoveteci', 'rimuovere il mio', 'dalla vostra lista', 'dalla vostra mailing list',
  'dalla mailing list', 'disiscrivermi', 'disiscrivetemi', 'disiscrizione', 'non contattatemi', 'non contattateci', 'non contattarmi',
  'non voglio più ricevere', 'non scrivetemi', 'non scrivermi', 'cancellare i miei dati', 'cancellate i miei dati',
  'remova-me', 'removam-me', 'remover-me', 'retirem-me', 'remova o meu', 'remover o meu', 'da sua lista', 'da vossa lista', 'da lista de e-mails',
  'da lista de emails', 'descadastrar', 'descadastre', 'cancelar a inscrição', 'cancelar inscrição', 'anular a subscrição', 'não quero receber',
  'não me contactem', 'não me contatem', 'não me contacte', 'não me contate', 'parem de enviar', 'pare de enviar', 'apaguem os meus dados',
  'apagar os meus dados', 'excluir meus dados', 'wypisanie z', 'wypisać z', 'wypisać mnie', 'wypiszcie mnie', 'wypisz mnie', 'usunąć mnie',
  'usuńcie mnie', 'usuń mnie', 'usunięcie mnie', 'z listy mailingowej', 'z waszej listy', 'z państwa listy', 'z listy odbiorców',
  'nie kontaktujcie się', 'proszę się nie kontaktować', 'proszę nie kontaktować', 'nie chcę otrzymywać', 'nie przysyłajcie', 'proszę nie pisać',
  'nie piszcie', 'usunąć moje dane', 'usunięcie moich danych', 'avregistrera', 'avsluta prenumerationen', 'ta bort mig', 'ta bort oss',
  'stryk mig', 'ring mig inte', "ne m'appelez plus", 'no me llamen', 'no me llames', 'ta * bort mig', 'ta * bort oss', 'niet meer bellen', 'bel mij niet', 'bel me niet', 'non chiamatemi', 'não me liguem', 'nie dzwońcie', 'ring inte', 'från er lista', 'från era listor', 'från er sändlista', 'från utskickslistan', 'vill inte få fler', 'vill inte ha fler',
  'inga fler mejl', 'inga fler mail', 'inga fler e-post', 'kontakta mig inte', 'kontakta oss inte', 'sluta mejla', 'sluta skicka',
  'radera mina uppgifter',
  // Further ways people write it, in these languages and in German, French and Spanish
  'van de lijst', 'van de mailinglijst', 'uit het bestand', 'stop met mailen', 'stop met het sturen', 'rimuovete', 'toglietemi', 'toglimi',
  'non inviatemi', 'smettete di scrivermi', 'smettete di inviarmi', 'basta email', 'basta mail', 'não me enviem', 'não enviem mais', 'não me mandem',
  'parem de me enviar', 'parem de me contactar', 'tirem-me', 'tire-me', 'retire-me', 'mnie wypisać', 'mnie usunąć', 'z bazy', 'z waszej bazy',
  'z newslettera', 'nie wysyłajcie', 'proszę nie wysyłać', 'avsluta min prenumeration', 'avsluta prenumeration', 'sluta maila', 'sluta kontakta',
  'streichen sie mich', 'nehmen sie mich', 'lassen sie mich in ruhe', 'nicht mehr schreiben', 'keine nachrichten mehr', 'hören sie auf',
  'ne souhaite plus recevoir', 'ne veux plus recevoir', "ne plus m'écrire", "ne plus m'envoyer", 'désabonnez-moi', 'désinscrivez-moi',
  'me désinscrire', 'de votre liste', "arrêtez de m'écrire", "arrêtez de m'envoyer", 'cessez de', 'elimínenme', 'elimíname', 'de su lista',
  'de vuestra lista', 'de la lista de correo', 'no deseo recibir', 'no quiero recibir', 'dejen de escribirme', 'dejen de enviarme',
  'deja de escribirme', 'deja de enviarme', 'denme de baja', 'bórrenme', 'bórrame',
  'lose my email', 'lose my address', 'lose my details', 'lose my number',
  'verwijder mijn', 'nooit aangemeld', 'non inviarmi', 'non mandarmi', 'non mandatemi', 'retirem o meu', 'retire o meu', 'das vossas listas',
  'das suas listas', 'do mnie nie pisać', 'nie pisać do mnie', 'więcej nie pisać', 'ta bort min', 'ta * bort min',
  // "I'd like to be removed", which also reads as the yes "gostaria de" / "ich möchte" / "I'd like"
  'ser removido', 'ser removida', 'ser retirado', 'ser retirada', 'essere rimosso', 'essere rimossa', 'essere cancellato', 'essere cancellata',
  'ser eliminado', 'ser eliminada', 'ser dado de baja', 'être retiré', 'être retirée', 'être désinscrit', 'être désinscrite',
  'verwijderd worden', 'uitgeschreven worden', 'zostać usunięty', 'zostać usunięta', 'zostać wypisany', 'zostać wypisana', 'bli borttagen',
  'entfernt werden', 'gelöscht werden',
  // round 8: an erasure request under the GDPR, LGPD or RODO, in the words the law and people use ("solicito a exclusão dos meus dados")
  'löschung meiner daten', 'löschung meiner kontaktdaten', 'suppression de mes données', 'elimine mis datos', 'eliminen mis datos',
  'supriman mis datos', 'supresión de mis datos', 'cancellazione dei miei dati', 'verwijdering van mijn gegevens', 'exclusão dos meus dados',
  'excluam meus dados', 'excluam os meus dados', 'não quero mais receber', 'usunięcia moich danych', 'raderar mina', 'radera mina',
  'erasure of my', 'right to erasure', 'right to be forgotten',
  // "don't write to me any more" as French, Spanish, Portuguese and Korean say it ("ne m'écrivez plus", "no me envíen más correos")
  // (of mail only: "no me envíes más detalles, ya los tengo" is no stop)
  'ne plus me solliciter', 'ne me sollicitez plus', "ne m'écrivez plus", "ne m'envoyez plus de mails", "ne m'envoyez plus d'e-mails",
  "ne m'envoyez plus d'emails", "ne m'envoyez plus de messages", 'no me envíen más correos', 'no me envíen más emails', 'no me envíen más mensajes',
  'me den de baja', 'me des de baja', 'dénme de baja', 'desuscribirme', 'desuscríbanme', 'desuscribir', 'desuscribanme',
  'no me envíes más correos', 'no me envíes más emails', 'no me manden más correos', 'no me manden más emails', 'não me escrevam',
  'não me escreva mais', '메일은 사양', '메일 사양', '연락은 사양',
  '個人情報を削除', '個人情報の削除', '删除我的个人', '개인정보 삭제', '개인정보를 삭제',
  // Japanese, Chinese (matched as substrings: no spaces between words)
  '配信停止', '配信を停止', '配信を解除', '配信不要', '登録解除', '登録を解除', 'リストから削除', 'リストから外して', '連絡しないでください',
  '連絡は不要', '連絡不要', '送らないでください', '送信しないでください', 'ご連絡はご遠慮', '迷惑メール',
  '退订', '取消订阅', '不要再联系', '别再联系', '请勿再联系', '不要再发', '别再发', '请勿再发', '从名单中删除', '从列表中删除',
  '移除我', '不需要再联系', '不用再联系', '垃圾邮件', 'ご遠慮ください', '从你们的名单', '名单里删', '名单中删', '列表里删', '删掉我的', '删除我的邮箱',
  '删除我的信息', '配信解除', '購読を解除', '購読解除', '購読停止', '送らないで', '送信しないで', '連絡しないで', '别再给我发', '不要再给我发',
  '不要给我发', '别给我发', '请勿再给我发', '不要再打扰', '别再打扰', '请勿打扰', '不要再寄', '別再寄', '請勿再寄', '不要再打擾', '別再打擾',
  '從名單中移除', '从名单中移除', '名單中移除', '名单中移除', '將我移除', '把我移除',
  // Chinese as written in Taiwan and Hong Kong (traditional characters)
  '退訂', '取消訂閱', '不要再聯繫', '別再聯繫', '請勿再聯繫', '不要再發', '別再發', '請勿再發', '從名單中刪除', '垃圾郵件',
  // Korean (matched as substrings, spaces as written: particles fasten to the words)
  '수신 거부', '수신거부', '수신을 거부', '수신 거절', '수신을 원하지 않', '구독 취소', '구독취소', '구독 해지', '구독해지',
  '연락하지 마', '연락 주지 마', '연락하지 말아', '연락을 삼가', '더 이상 연락', '더이상 연락', '더 이상 메일', '더이상 메일',
  '더 이상 이메일', '메일 보내지 마', '메일을 보내지 마', '이메일 보내지 마', '이메일을 보내지 마', '보내지 말아', '보내지 마세요',
  '명단에서 삭제', '명단에서 빼', '목록에서 삭제', '목록에서 빼', '리스트에서 삭제', '리스트에서 빼', '정보를 삭제', '스팸',
  '그만 보내', '그만 연락', '받고 싶지 않', '안 받고 싶', '받지 않겠', '구독을 취소', '구독을 해지', '주소를 삭제', '이메일을 삭제', '연락 사절',
  '전화하지 마', '전화 주지 마', '보내지 마',
  // round 9: "merci de me retirer de votre fichier", "me tirem da lista", "今後このようなメールは不要です" (read as a no for 不要です)
  'me retirer de', 'retirer de votre fichier', 'retirez-moi de votre fichier', 'supprimez-moi de votre fichier', 'me tirem', 'me tire da lista', 'me retirem', 'me removam',
  'me excluam', 'tirar meu e-mail', 'tirem meu', 'メールは不要', 'メール不要', 'メールは結構', 'ご案内は不要', 'ご案内は結構', '今後のご連絡は不要',
  '今後の連絡は不要', '今後このようなメール', '今後こういったメール',
  // "Ich melde mich ab", "melde mich hiermit von Ihrem Verteiler ab": the separable "abmelden"
  'melde mich ab', 'melde mich * ab', 'melden sie mich ab', 'melden sie mich * ab', 'von ihrem verteiler', 'von eurem verteiler',
];

/** Auto-replies and absences: the person has not read the message yet. */
export const OUT_OF_OFFICE_PHRASES: readonly string[] = [
  'out of office', 'out of the office', 'ooo', 'automatic reply', 'auto-reply', 'autoreply', 'auto reply', 'on leave',
  'annual leave', 'parental leave', 'maternity leave', 'paternity leave', 'sick leave', 'out sick', 'on vacation', 'on holiday',
  'on pto', 'sabbatical', 'currently away', 'away from my desk', 'away on business', 'away until', 'out until', 'offline until',
  'limited access to email', 'limited access to my email', 'no access to email', 'no email access', 'limited connectivity',
  'not monitored', 'back in the office', 'returning on', 'will return on', 'upon my return', 'when i return',
  'left for the holidays', 'off for the holidays', 'at a conference', 'for urgent matters', 'anything urgent',
  "i'm away", 'i am away', "i'll be away", 'i will be away', 'away this week', 'away next week',
  "i'm back on", 'i am back on', "i'll be back on", 'i will be back on', 'back on monday', 'back on tuesday', 'back on wednesday',
  'back on thursday', 'back on friday', 'back on saturday', 'back on sunday',
  "i'm out on", 'i am out on', 'will reply on', 'will respond on', "i'll reply on", 'auto response', 'automatic response',
  'intermittent', 'travelling for work', 'traveling for work', 'offices are closed', 'office is closed', 'closed until',
  // German, French, Spanish, Italian
  'automatische antwort', 'abwesenheitsnotiz', 'nicht im büro', 'wieder im büro', 'absent du bureau', 'réponse automatique',
  'fuera de la oficina', 'respuesta automática', 'fuori ufficio', 'risposta automatica',
  'bin ich abwesend', 'bin abwesend', 'im urlaub', 'außer haus', 'je suis absent', 'je suis absente', 'en congé', 'en congés',
  'en vacances', 'hors du bureau', 'estoy de vacaciones', 'estoy fuera', 'estaré fuera', 'estoy ausente',
  // Dutch, Italian, Portuguese, Polish, Swedish
  'automatisch antwoord', 'afwezigheidsmelding', 'niet op kantoor', 'afwezig', 'met vakantie', 'op vakantie', 'met verlof',
  'beperkt toegang', 'weer aanwezig', 'terug op kantoor', 'in ferie', 'sono assente', 'fuori sede', 'in congedo', 'in maternità',
  'non sono in ufficio', 'rientrerò', 'rientro in ufficio', 'sarò di ritorno', 'fora do escritório', 'resposta automática', 'de férias',
  'estou ausente', 'em licença', 'estarei de volta', 'poza biurem', 'odpowiedź automatyczna', 'automatyczna odpowiedź', 'na urlopie',
  'jestem nieobecny', 'jestem nieobecna', 'nieobecności', 'ograniczony dostęp', 'automatiskt svar', 'frånvarande', 'på semester',
  'tjänstledig', 'föräldraledig', 'inte på kontoret', 'begränsad tillgång', 'är tillbaka den', 'sarò assente', 'assente dal', 'assente fino',
  'estarei ausente', 'acesso limitado', 'är ledig till', 'jag är ledig från', 'jag är ledig fram', 'jag är ledig under', 'jag är ledig över',
  'jag är ledig och', 'elternzeit', 'mutterschutz', 'congé parental', 'congé maternité', 'ouderschapsverlof', 'zwangerschapsverlof',
  'urlop macierzyński', 'urlop rodzicielski', 'licença de maternidade', 'congedo di maternità',
  'serai de retour', 'estaré de vuelta', 'weer bereikbaar', 'ben ik weer', 'weer op kantoor', 'sarò di nuovo', 'di nuovo in ufficio', 'wracam do',
  'tillbaka på kontoret', 'på tjänsteresa', 'en déplacement', 'auf geschäftsreise', 'auf dienstreise', 'op zakenreis', 'in trasferta',
  'em viagem', 'w delegacji', 'de viaje de negocios',
  // Japanese, Chinese
  '自動返信', '自動応答', '不在にしております', '不在にしています', '不在です', '休暇中', '休暇を取って', '出張中', '外出中', '産休', '育休',
  '不在にして', '不在となります', '不在のため', '休暇をいただ', '休暇を頂', 'お休みをいただ', 'お休みを頂', '年末年始休暇', '夏季休暇',
  // Korean
  '자동 회신', '자동회신', '자동 응답', '자동응답', '부재중', '부재 중', '휴가 중', '휴가중', '휴가입니다', '출장 중', '출장중',
  '출장으로', '사무실에 없', '자리를 비웁', '자리를 비우', '휴가로', '외근 중', '복귀 예정', '복귀합니다', '복귀하겠습니다', '육아휴직', '출산휴가', '병가',
  '自动回复', '自动答复', '不在办公室', '休假', '出差', '外出中', '产假', '不在公司', '自動回覆', '自動回復', '不在辦公室', '產假',
  // round 7: a ticket system's receipt ("This is an automated response … Ticket #48213"): an auto-reply, nobody has read it
  // said of the mail itself, so that a prospect asking "Is this an automated message?" is no auto-reply
  'this is an automated', 'this is an automatic', 'this message was automatically generated', 'this email was automatically generated', 'this is an auto-generated',
  // round 8: sick leave and training in every language ("en arrêt maladie", "estoy de baja", "in malattia", "sjukskriven", "病假中")
  'medical leave', 'bereavement leave', 'in training until', 'en formation', 'en arrêt maladie', 'en arrêt de travail', 'en congé maladie',
  'estoy de baja', 'de baja médica', 'de baja por', 'in malattia', 'sono in formazione', 'na zwolnieniu', 'na szkoleniu', 'sjukskriven',
  'sjukledig', 'på utbildning', 'ben ziek', 'ziek thuis', 'op cursus', 'krankgeschrieben', 'bin krank', 'auf einer schulung',
  'in einer schulung', 'auf fortbildung', '病假', '请假中', '請假中', '培训中', '在培训',
  // round 9: "ik ben met kerstverlof", "estou em férias", "正在休年假", a ticket system's "your request (#99812) has been received"
  'kerstverlof', 'kerstvakantie', 'weihnachtsurlaub', 'congés de noël', 'vacaciones de navidad', 'ferie natalizie', 'julledig', 'urlop świąteczny',
  'em férias', 'acesso restrito', '休年假', '年假期间', '年假中', 'your request * has been received', 'your request has been received',
  'your ticket * has been', 'a member of our team will respond', 'a member of our team will get back', 'one of our agents will',
  'ticket has been created', 'request has been received',
];

/** A no to the timing, asking to be contacted later. Its date comes from the text (reply-dates.ts). */
export const NURTURE_PHRASES: readonly string[] = [
  'not now', 'not right now', 'not at the moment', 'not at this time', 'not at this point', 'not this quarter', 'not this year',
  'not yet', 'not ready yet', 'not the right time', 'not the right moment', 'not a good time', 'bad time', 'bad timing',
  "timing's bad", 'timing is bad', "timing isn't right", 'wrong time', 'too early', 'for now', 'maybe later', 'perhaps later',
  'later this year', 'later in the year', 'down the line', 'down the road', 'in the future', 'not before', 'not until', 'until then',
  'circle back', 'reach out again', 'reach back out', 'reach out in', 'reach out after', 'reach out then', 'reach out next',
  'try me again', 'try us again', 'try again', 'try me in', 'try me next', 'ping me in', 'ping me then', 'ping me after', 'ping me next',
  'check back', 'check in', 'touch base', 'reconnect', 'revisit', 'pick this up', 'pick it up', 'follow up in', 'follow up next',
  'follow up after', 'get back to me', 'come back to me', 'keep in touch', 'keep me posted', 'stay in touch', 'ask me again',
  'talk when', 'talk after', 'on hold', 'frozen', 'freeze', 'up for renewal', 'after the holidays',
  'talk then', 'speak then', 'put a pin in', 'hands are full', 'swamped', 'too busy', 'heads down', 'heads-down',
  'get back in touch', 'write again', 'write me again', 'email me again', 'en este momento no', 'too soon',
  // German, French, Spanish
  'aktuell nicht', 'später', 'pas maintenant', 'plus tard', 'ahora no', 'más adelante',
  // Dutch, Italian, Portuguese, Polish, Swedish
  'nu niet', 'op dit moment niet', 'momenteel niet', 'misschien later', 'later contact', 'later terug', 'niet het juiste moment',
  'al momento no', 'non ora', 'non adesso', 'più avanti', 'ricontattarmi', 'ricontattatemi', 'risentiamoci', 'agora não', 'de momento não',
  'neste momento não', 'mais para a frente', 'mais adiante', 'mais tarde', 'voltamos a falar', 'nie teraz', 'w tej chwili nie', 'obecnie nie', 'wrócić do mnie', 'proszę wrócić',
  'później', 'może później', 'inte just nu', 'inte nu', 'längre fram', 'senare', 'återkom',
  'geen tijd voor', 'nog eens contact', 'opnieuw contact', 'mi ricontatti', 'ricontatti', 'na razie nie', 'odezwać się', 'inte aktuellt just nu',
  'hör av dig efter', 'hör av dig igen', 'hör av dig i',
  // round 5: "melden Sie sich gerne im zweiten Quartal wieder", "recontactez-moi", "ahora mismo no", "pas na de zomer", "wróćmy do tematu", "ci risentiamo"
  'melden sie sich * wieder', 'melden sie sich wieder', 'recontactez-moi', 'recontactez-nous', 'ahora mismo no', 'pas na', 'mail me * nog eens',
  'wróćmy do tematu', 'wrócimy do tematu', 'wróćmy do rozmowy', 'ci risentiamo', 'ci sentiamo più avanti',
  // Japanese, Chinese
  '時期が悪い', '改めてご連絡', 'また改めて', '预算冻结', '再联系吧', '以后再联系', '明年再联系', '之后再联系',
  '以降にご連絡', '以降に改めて', '以降にまた', '后再联系', '後再聯繫', '后再说',
  // left by round 6: "来期にまたご連絡ください" (contact me again next term), "过完年再联系" (contact me after the new year)
  'またご連絡ください', 'またご連絡いただ', '改めてご提案', '年再联系', '年再聯繫',
  // Korean
  '나중에 다시', '다음에 다시', '추후에', '추후 다시', '지금은 어렵', '지금은 아닌', '현재는 어렵', '당장은 어렵', '시기가 좋지 않',
  '나중에 연락', '다시 연락 주세요', '다시 연락 주시', '다시 연락 부탁', '보류',
  // "等过了春节再说" (let's talk after the Spring Festival)
  '过了春节', '過了春節', '过完春节', '過完春節',
  '年再说', '年再說', '再说吧', '再說吧',
  // round 7: "put us down for a chat in the spring", "hablemos después de Reyes", "下个月中旬再约时间聊吧"
  'put us down for', 'put me down for', 'pencil us in', 'pencil me in', 'hablemos después', 'hablamos después', '再约时间', '再約時間',
  // "Ping me again in 2 months": "again" sat between the verb and the time, so no phrase above held it
  'ping me again', 'ping us again', 'ping me later', 'hit me up again', 'hit me up in', 'nudge me again', 'nudge me in',
  // round 8: "Bitte im Februar nochmal melden", "pas le bon moment … revenez vers moi", "nu even niet … probeer het over twee maanden nog eens"
  'nochmal melden', 'noch einmal melden', 'gerade schlecht', 'gerade ungünstig', 'pas le bon moment', 'revenez vers moi', 'revenez vers nous',
  'revenir vers moi', 'nu even niet', 'probeer het * nog eens', 'probeer het later',
  // round 9: "vuelve a escribirme en primavera", "na ten moment nie"
  'vuelve a escribirme', 'vuelva a escribirme', 'vuelve a contactarme', 'vuelva a contactarme', 'vuelve a llamarme', 'escríbeme de nuevo',
  'na ten moment nie', 'w tym momencie nie',
];

/** A no to the offer that asks nothing about contact. */
export const NEGATIVE_PHRASES: readonly string[] = [
  'not interested', 'no interest', 'no longer need', 'no longer needed', 'no longer relevant', 'no thanks', 'no, thanks', 'no thank you', 'thanks, but no', 'thanks but no', 'but no',
  'not a fit', 'not a good fit', 'not the right fit', 'not sure this is a fit', 'not a priority', 'not for us', "isn't for us",
  'is not for us', 'not relevant', 'not looking', "we're all set", 'we are all set', 'already have a solution', 'already have a vendor',
  'already use', 'already using', 'already work with', 'happy with our', 'happy with what we have', 'happy with the current',
  'no budget', 'pass on this', "we'll pass", 'we will pass', "i'll pass", 'going to pass', 'went another way', 'went with',
  'signed with', 'chose another', 'in-house', 'built our own', "doesn't apply", 'does not apply', "don't need", 'do not need',
  'no need for', 'not something we need', 'not buying', "won't be moving forward", 'not moving forward', 'decided against',
  'decided not to', 'nope', 'nah', "we're good", "we're covered", 'we are covered', 'locked into', "don't see the value",
  'do not see the value', "doesn't solve", 'does not solve', "can't see us", 'too small', 'rather not', 'foreseeable future',
  'got this covered', 'have this covered', 'got it covered', 'covered internally', 'stick with', 'sticking with', 'staying with',
  'no plans to', 'waste your time', 'decline', 'nothing doing',
  'keep doing it', 'keep using', 'a different vendor', 'another vendor', 'a different provider', 'another provider', 'moot',
  'say no', 'build this ourselves', 'build it ourselves', 'do it ourselves', 'decided to build',
  // German, French, Spanish, Italian
  'kein interesse', 'nein danke', 'pas intéressé', 'pas intéressés', 'pas pour nous', 'non merci', 'no nos interesa',
  'no me interesa', 'no gracias', 'non mi interessa', 'non ci interessa', 'grazie ma no', 'no grazie',
  // Dutch, Italian, Portuguese, Polish, Swedish
  'geen interesse', 'niet geïnteresseerd', 'niet geinteresseerd', 'nee bedankt', 'nee dank', 'nee, dank je', 'niet nodig', 'geen behoefte',
  'hebben al een', 'gebruiken al', 'past niet', 'niet relevant', 'non siamo interessati', 'non sono interessato', 'non sono interessata', 'non interessati',
  'non ci serve', 'non abbiamo bisogno', 'abbiamo già un', 'abbiamo già una', 'usiamo già', 'non fa per noi', 'não temos interesse', 'não estamos interessados', 'não tenho interesse',
  'sem interesse', 'não, obrigado', 'não obrigado', 'não obrigada', 'não precisamos', 'já temos', 'já usamos', 'não é para nós',
  'nie jesteśmy zainteresowani', 'nie jestem zainteresowany', 'nie jestem zainteresowana', 'nie interesuje', 'nie, dziękuję', 'nie dziękuję',
  'nie potrzebujemy', 'już mamy', 'już korzystamy', 'brak zainteresowania', 'inte intresserad', 'inte intresserade', 'inget intresse',
  'nej tack', 'behöver inte', 'har redan en', 'använder redan', 'inte aktuellt', 'inte relevant', 'não é algo', 'nie dla nas',
  'inget för oss', 'inte för oss',
  'vi har redan', 'no nos encaja', 'no encaja', 'went another way', 'went a different way', 'went with another',
  'keinen bedarf', 'kein bedarf', 'brauchen wir nicht', 'benötigen wir nicht', 'haben bereits eine', 'haben bereits einen', 'nutzen bereits',
  'pas besoin', 'aucun besoin', 'ne correspond pas', 'ne répond pas à nos besoins', 'nous avons déjà', 'nous utilisons déjà', 'no necesitamos', 'ya tenemos', 'ya usamos', 'ya trabajamos con',
  // Japanese, Chinese
  '興味がありません', '興味はありません', '興味ありません', '興味がない', '興味はない', '興味ない', '必要ありません',
  '必要はありません', '不要です', '遠慮します', '遠慮させて', '見送らせて', 'お断り', '間に合っています', '検討しておりません',
  '関心がありません', '関心はありません', '関心ありません', '関心がない', '関心はない', '興味はございません', '興味がございません',
  '見送ります', '見送りたい', '見送ることに', '結構です', '必要ございません', '必要はございません', '興味を持てません', '興味を持てない', '興味が持てません', '興味が持てない',
  '不感兴趣', '没有兴趣', '没兴趣', '不太感兴趣', '不怎么感兴趣', '不需要', '不用了', '不考虑', '谢谢，不用', '已经有了',
  '没什么兴趣', '没多大兴趣', '兴趣不大', '不感興趣', '沒有興趣', '沒興趣', '沒什麼興趣', '興趣不大', '不考慮',
  // Korean
  '관심 없', '관심이 없', '관심은 없', '관심없', '관심이 별로 없', '흥미 없', '흥미가 없', '필요 없', '필요가 없', '필요없', '필요하지 않',
  '사양하겠습니다', '사양합니다', '아니요, 괜찮', '아니요 괜찮', '아뇨, 괜찮', '아뇨 괜찮', '이미 사용하고', '이미 쓰고', '도입 계획이 없',
  '검토하지 않', '생각이 없', '생각 없', '거절하겠습니다', '진행하지 않', '이미 다른', '다른 솔루션을 사용', '다른 업체를 이용',
  // round 7: polite no's that open with praise — "we've just renewed with our current provider", "für eine andere Lösung entschieden",
  // "nous n'avons pas de besoin", "in eigen beheer", "nie skorzystamy", "没有更换的计划"
  'renewed with', 'just renewed', 'andere lösung entschieden', 'anderen anbieter entschieden', 'pas de besoin', 'in eigen beheer',
  'nie skorzystamy', 'nie skorzystam', 'mamy już rozwiązanie', '没有更换的计划', '没有更换', '已经有合作的供应商',
  // round 8: signed with a competitor, as "another vendor" and "signed with" say it in English; already equipped; no budget
  'déjà équipés', 'déjà bien équipés', 'déjà équipé', 'autre prestataire', 'autre fournisseur', 'otro proveedor', 'firmado con otro',
  'firmar con otro', 'firmamos con otro', 'altro fornitore', 'andere partij', 'andere leverancier', 'getekend met een andere', 'outro fornecedor',
  'fechamos com outro', 'fechamos com outra', 'innym dostawcą', 'innego dostawcę', 'annan leverantör', 'anderen anbieter', '其他供应商',
  '别的供应商', '其他厂商', '他社と契約', '他社に決め', '다른 업체와 계약', 'kein budget', 'pas de budget', 'no tenemos presupuesto',
  'sin presupuesto', 'geen budget', 'non abbiamo budget', 'não temos orçamento', 'sem orçamento', 'nie mamy budżetu', 'brak budżetu',
  'ingen budget', '没有预算', '予算がない', '予算がありません', '예산이 없',
  // a competitor chosen, said with the word for one and the verb ("how do you compare with a competitor?" is no no)
  'signed a contract with', 'signed a deal with', 'inked a deal', 'a competitor of yours', 'went with a competitor', 'gone with a competitor',
  'chose a competitor', 'chosen a competitor', 'picked a competitor', 'bei einem wettbewerber unterschrieben', 'für einen wettbewerber entschieden',
  'signé avec un concurrent', 'signer avec un concurrent', 'choisi un concurrent', 'opté pour un concurrent', 'contratar a la competencia',
  'contratado a la competencia', 'firmado con la competencia', 'firmado con un competidor', 'firmar con un competidor', 'firmato con un concorrente',
  'firmato con un vostro concorrente', 'scelto un concorrente', 'scelto un vostro concorrente', 'voor een concurrent gekozen', 'voor een concurrent gegaan',
  'getekend bij een concurrent', 'getekend met een concurrent', 'assinar com um concorrente', 'assinamos com um concorrente', 'fechamos com um concorrente',
  'escolhemos um concorrente', 'wybraliśmy konkurencję', 'wybraliśmy konkurencyjną', 'avtal med en konkurrent', 'valt en konkurrent',
  '竞争对手签', '競爭對手簽', '競合他社と契約', '競合と契約', '경쟁사와 계약', '경쟁사를 선택',
  // "we'll pass" as the other languages say it, after thanks that sound like a yes ("Vielen Dank, sehr nett, aber wir verzichten")
  "it's a no", 'a no from us', 'a no for us', 'a hard no', 'ce sera non', 'on va passer', 'je passe mon tour', 'nous passons notre tour',
  'no es para nosotros', 'pero vamos a pasar', 'pero paso', 'esta vez paso', 'paso esta vez', 'wir verzichten', 'verzichten wir', 'ich verzichte',
  'verzichte ich', 'ma passo', 'passo la mano', 'dobbiamo declinare', 'vi avstår', 'jag avstår', 'mas vamos passar', 'mas vou passar',
  'passamos a vez', 'passo a vez', 'ale podziękujemy', 'ale podziękuję', 'tym razem podziękujemy', 'we slaan over', 'slaan we over', 'passen hiervoor', 'pas hiervoor',
  // the same in Japanese, Chinese and Korean: "今回は見送りとさせていただきます", "这次就算了", "감사하지만 괜찮습니다"
  '見送りとさせて', '今回は見送り', 'ご縁がなかった', '辞退させて', '辞退いたします', '这次就算了', '這次就算了', '那就算了', '还是算了', '還是算了', '算了吧', '这次算了', '這次算了', '暂不考虑',
  '감사하지만 괜찮', '감사합니다만 괜찮',
  // round 9: a price complaint — "your pricing is too high", "zu teuer für uns", "trop cher" — is an objection to the offer, a no
  // (the decision, docs/outreach.md): it read as a yes for "pricing". With a time ahead it is a later, as any no is.
  'too expensive', 'too pricey', 'too costly', 'pricing is too high', 'price is too high', 'prices are too high', 'price is too steep',
  'pricing is too steep', 'out of our price range', 'out of our budget', 'beyond our budget', 'over our budget', "can't afford", 'cannot afford',
  "can't justify the cost", "can't justify the price", 'zu teuer', 'preislich zu hoch', 'preis ist zu hoch', 'preise sind zu hoch', 'sprengt unser budget',
  'übersteigt unser budget', 'trop cher', 'trop chère', 'trop chers', 'trop élevé', 'trop élevés', 'hors budget', 'au-dessus de notre budget',
  'hors de notre budget', 'demasiado caro', 'demasiado cara', 'muy caro para', 'muy cara para', 'precio es muy alto', 'precios son muy altos',
  'precio es demasiado alto', 'fuera de nuestro presupuesto', 'se sale de nuestro presupuesto', 'troppo caro', 'troppo cara', 'troppo costoso',
  'troppo costosa', 'prezzo troppo alto', 'prezzi troppo alti', 'fuori budget', 'fuori dal nostro budget', 'te duur', 'te prijzig',
  'boven ons budget', 'buiten ons budget', 'muito caro', 'muito cara', 'caro demais', 'cara demais', 'preço muito alto', 'preço está alto',
  'acima do nosso orçamento', 'fora do nosso orçamento', 'za drogo', 'za drogie', 'za drogi', 'zbyt drogie', 'zbyt drogi', 'cena jest za wysoka',
  'za wysoka cena', 'przekracza nasz budżet', 'för dyrt', 'för dyr', 'för dyra', 'priset är för högt', 'över vår budget',
  '高すぎ', '高額すぎ', '予算オーバー', '予算を超え', '太贵', '太貴', '价格太高', '價格太高', '超出预算', '超出預算',
  '너무 비싸', '가격이 부담', '비용이 부담', '예산을 초과', '예산 초과',
  // round 9: polite no's in words no list had — "won't be switching", "no lo necesitamos", "não faz sentido para", "用不上",
  // "導入の予定はございません", "저희와는 맞지 않", and a price objection said as what they can spend ("långt över vad vi kan lägga")
  "won't be switching", 'not be switching', 'no plans to switch', 'not looking to switch', "aren't looking to switch", "won't be changing",
  'no lo necesitamos', 'no la necesitamos', 'no nos hace falta', 'non ne abbiamo bisogno', 'wir brauchen das nicht', 'não faz sentido para',
  "doesn't make sense for us", 'does not make sense for us', 'makes no sense for us', 'macht für uns keinen sinn', 'ergibt für uns keinen sinn',
  "n'a pas de sens pour nous", 'no tiene sentido para nosotros', 'non ha senso per noi', 'heeft voor ons geen zin', 'nie ma dla nas sensu',
  'more than we can spend', 'more than we can pay', 'mehr als wir ausgeben können', 'plus que ce que nous pouvons', 'más de lo que podemos',
  'över vad vi kan lägga', 'mer än vi kan lägga', 'więcej niż możemy wydać', '用不上', '用不到', '用不着', '導入の予定はございません',
  '導入の予定はありません', '導入予定はありません', '導入の予定はない', '導入は考えておりません', '導入は検討しておりません', '没有引进的计划',
  '没有采购计划', '저희와는 맞지 않', '저희와 맞지 않', '저희 회사와 맞지 않', '저희에게 맞지 않', '저희한테 맞지 않',
];

/**
 * Interest: negated ("not really interested", "I don't think this is a fit") it is a no,
 * so it counts as negative.
 */
export const INTEREST_PHRASES: readonly string[] = [
  'interested', 'interesting', 'a fit', 'a good fit', 'relevant', 'relevant for us', 'useful', 'sounds useful', 'keen',
  'curious', 'sounds good', 'sounds great', 'sounds interesting', 'yes', 'yes please', 'absolutely', 'sure', 'sure thing',
  'count me in', "i'm in", 'why not', 'not bad', 'great timing', 'perfect timing', 'good timing', 'timing is perfect',
  'hits home', 'got my attention', 'struggling with', 'need help', 'looking forward', 'love to', 'would love', "i'd love",
  "i'd like", 'i would like', "we'd like", 'like to see', 'open to', 'explore', 'happy to', 'works for me', 'works for us',
  'promising', 'sounds promising', 'consider', 'a match', 'a good match', 'work for us', 'could work', 'buy', 'a problem for us',
  "i'd welcome", 'welcome', 'go for it',
  'in the market', 'a problem we have', 'pay for', 'exactly what we need', 'count us in',
  // Dutch, Italian, Portuguese, Polish, Swedish
  'interessant', 'interesse', 'geïnteresseerd', 'geinteresseerd', 'klinkt goed', 'klinkt interessant', 'interessante', 'interessati', 'interessato',
  'interessata', 'mi interessa', 'ci interessa', 'volentieri', 'interessados', 'interessado', 'interessada', 'temos interesse', 'interesujące',
  'interesująco', 'zainteresowany', 'zainteresowana', 'zainteresowani', 'chętnie', 'intressant', 'intresserad', 'intresserade', 'låter bra',
  'gärna', 'brzmi dobrze', 'gostaria de', 'saber mais', 'ja', 'graag', 'gerne', 'oui', 'sí', 'sì', 'sim', 'claro', 'avec plaisir', 'con gusto', 'con mucho gusto',
  'com prazer', 'con piacere', 'met plezier', 'interessiert', 'intéressé', 'intéressée', 'intéressés', 'intéressant', 'interesado', 'interesada',
  'interesados', 'interesante', 'me interesa', 'nos interesa',
  "m'intéresse", 'nous intéresse', 'intéresser', 'interesaría', 'interesserebbe', 'interessa-me', 'klingt spannend', 'klingt gut', 'klingt interessant',
  'spannend',
  // Japanese, Chinese
  '興味があります', '興味あります', '興味がある', '興味を持ちました', '関心があります', 'ぜひ', '是非',
  '感兴趣', '有兴趣', '很有意思', '可以聊聊', '想了解', '感興趣', '有興趣', '想瞭解',
  // Korean: negated after ("관심이 있지 않습니다"), as Japanese is
  '관심 있', '관심이 있', '관심이 많', '관심있', '관심 많', '흥미가 있', '흥미롭', '흥미 있', '궁금합니다', '좋습니다', '좋아요',
  '알고 싶', '듣고 싶',
  // round 9: "Det här låter som något vi behöver" (negated, "inte något vi behöver", a no)
  'något vi behöver', 'something we need', 'iets wat we nodig hebben', 'genau das, was wir brauchen',
];

/**
 * A step toward a meeting or more information. Negated ("no need to send more") it is
 * only not asked for — it counts for nothing, never as a no.
 */
export const ACTION_PHRASES: readonly string[] = [
  "let's talk", 'let us talk', "let's chat", "let's meet", "let's do", "let's find", "let's set up", "let's schedule",
  "let's get", "let's speak", "let's book", 'happy to chat', 'happy to talk', 'happy to meet', 'happy to take a call',
  'book a time', 'book a call', 'book a meeting', 'book a slot', 'book something', 'book me in', 'grab a slot', 'grab a time',
  'pick a time', 'find a time', 'set up a time', 'set up a call', 'set up a demo', 'schedule a call', 'schedule a demo',
  'schedule a meeting', 'a demo', 'demo', 'walkthrough', 'walk me through', 'trial', 'a call', 'quick call', 'hop on a call',
  'take a call', 'on a call', 'intro', 'call me', 'give me a call', 'ring me', 'can you call', 'can we talk', 'could we talk',
  'can we speak', 'could we speak', 'can we do', 'could we do', 'can we meet', 'could we meet', 'when can we talk', 'i can do',
  'are you free', 'when are you free', 'when are you', 'available', 'availability', 'what times work', 'what time works',
  'a few times', 'some times', 'slots', 'a slot', 'invite', 'calendar link', 'calendar invite', 'my calendar', 'calendly',
  'in the diary', 'in my diary', 'come by', 'send me', 'send over', 'send more', 'send more info', 'more details',
  'more information', 'more info', 'tell me more', 'learn more', 'hear more', 'how it works', 'take a look', 'pricing',
  'how much', 'case studies', 'the deck', 'looping in', 'loop in', "cc'd", 'copied',
  "let's try", 'set up a meeting', 'arrange a meeting', 'a conversation', 'a good time for you', 'i have time', 'show me', 'show us',
  'give me a ring', 'drop me a line', 'drop me a note', 'get in touch', 'one-pager', 'brochure', 'overview', 'case study',
  'give me a shout', 'give us a shout', 'next steps', 'a proposal', 'a quote', 'a pilot', 'the pilot',
  // Dutch, Italian, Portuguese, Polish, Swedish
  'afspraak', 'bellen', 'meer informatie', 'stuur me', 'stuur mij', 'kennismaken', 'fissare una call', 'una call', 'una chiamata', 'un incontro',
  'una riunione', 'sentirci', 'maggiori informazioni', 'più informazioni', 'inviatemi', 'mandatemi', 'reunião', 'marcar uma', 'uma chamada',
  'mais informações', 'envie-me', 'pode enviar', 'spotkanie', 'rozmowę', 'zadzwonić', 'więcej informacji', 'proszę przesłać', 'ett möte',
  'boka', 'ringa', 'mer information', 'skicka mer', 'bel me', 'bel mij', 'chiamami', 'chiamatemi', 'ligue-me', 'liga-me', 'ring mig', 'zadzwoń',
  'rufen sie mich an', 'ruf mich an', 'appelez-moi', 'llámame', 'llámeme', 'podemos falar',
  'envoyez-moi', "plus d'informations", 'un rendez-vous', 'un appel', 'un échange', 'más información', 'mándeme', 'envíeme', 'podemos hablar',
  'una llamada', 'una reunión', 'agendar', 'uma conversa', 'unterlagen', 'schicken sie mir', 'einen termin', 'telefonieren', 'ein gespräch',
  // Japanese, Chinese
  '打ち合わせ', 'お話を伺', 'お話ししましょう', '詳しく教えて', '資料を送って', '資料をお送り', 'デモ', 'お電話', 'ご都合',
  '安排会议', '约个时间', '开个会', '通个电话', '打电话', '演示', '发给我', '详细资料', '更多信息', '报价',
  // Korean
  '미팅', '회의', '통화', '전화 주세요', '전화 주시', '데모', '시연', '자료를 보내', '자료 보내', '자료 부탁', '소개서', '견적',
  '일정을 잡', '일정 잡', '시간 괜찮', '시간이 괜찮', '가능한 시간', '자세히 알려', '자세한 내용', '더 알려', '뵙고',
  // round 7: "pouvez-vous m'envoyer une proposition tarifaire ?"
  'proposition tarifaire', 'envoyer une proposition', 'tombe à pic',
  // round 8: "let's talk" in the other languages, which read as nothing ("Sentiamoci giovedì", "Hablemos el jueves", "周四聊一下吧")
  'sentiamoci', 'parliamone', 'ci sentiamo', 'hablemos', 'lo hablamos', 'charlemos', 'conversemos', 'parlons-en', 'parlons en',
  'discutons-en', 'échangeons', 'on en parle', 'on peut en parler', 'lassen sie uns * sprechen', 'lass uns * sprechen', 'sprechen wir',
  'lassen sie uns reden', 'lass uns reden', 'vamos conversar', 'vamos falar', 'podemos conversar', 'porozmawiajmy', 'możemy porozmawiać',
  'pogadajmy', 'låt oss prata', 'vi kan prata', 'vi hörs', 'laten we praten', 'laten we * praten', 'even praten', 'laten we afspreken',
  'お話しできれば', 'お話できれば', 'お話ししたい', '聊一下', '聊聊', '谈一谈', '谈谈', '談談', '얘기 나눠', '이야기 나눠', '얘기해요', '이야기해요',
  // "write to me", "contact me", as English "drop me a line" and "get in touch": a yes, and with a time ahead a later
  // ("Schreiben Sie mir im März nochmal", "Relancez-moi en janvier", "Maila mig i januari"); to me only, so a referral stays neutral
  'schreiben sie mir', 'schreib mir', 'melden sie sich bei mir', 'kommen sie * auf mich zu', 'relancez-moi', 'écrivez-moi', 'contactez-moi',
  'escríbeme', 'escríbame', 'contáctame', 'contácteme', 'riscrivimi', 'mi riscriva', 'scrivimi', 'mi scriva', 'contattami', 'mi contatti',
  'mail me', 'mail mij', 'me manda um email', 'me manda um e-mail', 'me escreva', 'escreva-me', 'napisz do mnie', 'maila mig', 'mejla mig',
  '連絡ください', '連絡して', 'melden sie sich', 'napiszcie do mnie', 'proszę napisać', 'odezwijcie się', 'proszę się odezwać',
  // round 9: "Passt Ihnen ein kurzer Call am Mittwoch?", "Har du tid för ett samtal?", "proszę o kontakt"
  'kurzer call', 'kurzen call', 'einen call', 'ein call', 'passt ihnen', 'passt es ihnen', 'passt dir', 'ett samtal', 'har du tid', 'har ni tid',
  'proszę o kontakt', 'could you do', 'can you do',
  // "call me", "let's book it" left out: "mi chiami domani", "hablamos mañana", "vamos marcar", "日程調整をお願いします"
  'mi chiami', 'mi può chiamare', 'hablamos', 'vamos marcar', 'podemos marcar', '日程調整', '日程を調整', '日程のご調整',
  // round 8: pricing asked for in every language, as "pricing" is ("pouvez-vous m'envoyer vos tarifs ?", "料金表をお送りいただけ")
  'vos tarifs', 'grille tarifaire', 'vos prix', 'preisliste', 'ihre preise', 'preisinformationen', 'lista de precios', 'sus precios',
  'los precios', 'listino', 'i prezzi', 'i vostri prezzi', 'prijzen', 'prijslijst', 'prijsopgave', 'tabela de preços', 'os preços', 'cennik',
  'ofertę cenową', 'wycenę', 'prisuppgifter', 'prislista', 'era priser', '料金表', '価格表', '报价单', '价格表', '价目表', '가격표',
  '가격 정보', '요금표',
  // a price asked for as a question: "What does it cost?", "料金を教えてください", "请问价格是多少？", "가격이 어떻게 되나요?"
  'what does it cost', 'what does this cost', 'what would it cost', 'what would this cost', '料金を教えて', '価格を教えて', '費用を教えて',
  'おいくら', '价格是多少', '价格多少', '多少钱', '費用是多少', '费用是多少', '價格是多少', '가격이 어떻게', '비용이 어떻게', '가격을 알려', '얼마인가요',
];

/**
 * "I'll talk to my team", "hablamos internamente y te digo", "我们内部聊聊": the decision is
 * pending on people inside the company, and the writer will come back. A later when it is all
 * the reply says, so "let's talk" inside it is no meeting; beside a yes ("send me the deck,
 * I'll discuss it internally") or a no it adds nothing.
 */
export const PENDING_PHRASES: readonly string[] = [
  'talk to my team', 'talk to the team', 'talk with my team', 'talk it over', 'talk this over', 'discuss internally', 'discuss it internally',
  'discuss this internally', 'discuss with my team', 'discuss it with my team', 'discuss this with my team', 'check internally', 'check with my team',
  'check with the team', 'run it by', 'run this by', 'circle up internally', 'align internally', 'talk internally', 'get back to you',
  'intern besprechen', 'intern abstimmen', 'intern klären', 'intern prüfen', 'mit meinem team besprechen', 'mit dem team besprechen', 'melde mich wieder',
  'melde mich dann', 'en parler en interne', 'en discuter en interne', 'en parler à mon équipe', 'en discuter avec mon équipe', 'voir en interne',
  'regarder en interne', 'je reviens vers vous', 'je vous reviens', 'hablamos internamente', 'lo hablamos internamente', 'lo hablo con mi equipo',
  'lo comento internamente', 'lo comento con mi equipo', 'lo consulto con mi equipo', 'lo vemos internamente', 'lo vemos con el equipo', 'te digo algo',
  'y te digo', 'ne parlo internamente', 'ne parliamo internamente', 'ne parlo con il team', 'ne parlo con il mio team', 'valutiamo internamente',
  'vi faccio sapere', 'ti faccio sapere', 'intern bespreken', 'intern overleggen', 'overleg het intern', 'bespreek het intern', 'bespreek het met mijn team',
  'kom erop terug', 'conversar internamente', 'conversamos internamente', 'falar internamente', 'discutir internamente', 'vou falar com a equipe',
  'vou falar com o time', 'retorno em breve', 'omówimy wewnętrznie', 'omówię to z zespołem', 'porozmawiam z zespołem', 'przedyskutujemy wewnętrznie',
  'skonsultuję to', 'wrócę z odpowiedzią', 'diskutera internt', 'prata internt', 'stämma av internt', 'diskutera med teamet', 'återkommer',
  '社内で検討', '社内で相談', '社内で確認', '社内で共有', '検討してご連絡', '内部聊聊', '内部讨论', '內部討論', '内部商量', '內部商量', '内部沟通',
  '和团队商量', '跟团队商量', '和团队讨论', '내부적으로 논의', '내부 논의', '내부에서 논의', '내부 검토', '내부적으로 검토', '팀과 상의', '팀과 논의',
  // round 9: "I need to run this past our CFO first, will revert", "ich kläre das intern und melde mich"
  'run this past', 'run it past', 'will revert', "i'll revert", 'kläre das intern', 'kläre das * intern', 'das intern klären', 'das intern besprechen',
  'und melde mich', 'melde mich bei ihnen',
];

/**
 * Phrases that contain a word of the lists above but mean nothing: being the longest
 * match, they hide it ("spam folder" is no complaint, "pass this along" is no "I'll pass").
 */
export const NEUTRAL_PHRASES: readonly string[] = [
  'not too expensive', 'nicht zu teuer', 'pas trop cher', 'no muy caro', "can't afford to miss", 'cannot afford to miss', "can't afford not to",
  'is it too expensive',
  'not sure', 'make sure', 'spam folder', 'spam filter', 'junk folder', 'pass this along', 'pass it along', 'pass this on', 'pass it on',
  'not the right person', 'wrong person', 'unsubscribe link', "i'm in a meeting", 'i am in a meeting', 'out of office on fridays', 'out of office on mondays',
  // Japanese, Chinese: the wrong person (a referral, not a no), a spam folder
  '担当ではありません', '担当者ではありません', '担当ではない', '担当者ではない', '担当外', '迷惑メールフォルダ',
  '不是负责人', '不负责这', '找错人', '不是我负责', '垃圾邮件箱', '垃圾邮件文件夹', '不是負責人', '垃圾郵件箱', '垃圾郵件資料夾',
  // Korean: the wrong person, a spam folder, "in a meeting"
  '담당자가 아닙', '담당이 아닙', '담당자가 아니', '담당이 아니', '스팸함', '스팸 메일함', '스팸메일함', '스팸 폴더', '회의 중', '회의중', '통화 중',
];

/**
 * A reply that is nothing but one of these words (with "please", "just", "now" …) is a
 * stop request: "Please stop.", "Remove", "STOP", "Enough. Stop." — read per sentence,
 * so "stop by our booth" is not one.
 */
export const STOP_WORDS: readonly string[] = [
  'stop', 'remove', 'unsubscribe', 'spam', 'stopp', 'basta',
  // "Arrêtez.", "Baja" (the Spanish-speaking world's one-word opt-out), "Remover", "Stoppa", "Sluta", "Usuń" — each only as a sentence of its own
  'arrêtez', 'désinscription', 'désabonnement', 'baja', 'remover', 'stoppa', 'sluta', 'usuń',
];
/** Read with one letter wrong, missing, added or swapped too ("unsubscirbe", "unsubcribe"): a stop request typed in a hurry. */
export const TYPO_TOLERANT_STOP_WORDS: readonly string[] = ['unsubscribe'];
export const STOP_FILLERS: readonly string[] = [
  'please', 'pls', 'kindly', 'just', 'now', 'it', 'enough', 'already', 'me', 'thanks', 'thank', 'you', 'ok', 'okay',
  // "Stopp, bitte", "Basta, grazie", "Stop, alstublieft", "Por favor, basta", "Proszę, stop"
  'bitte', 'danke', 'jetzt', 'svp', 'merci', 'por', 'favor', 'gracias', 'ya', 'per', 'favore', 'grazie', 'già', 'alstublieft', 'aub', 'graag',
  'nu', 'obrigado', 'obrigada', 'já', 'proszę', 'teraz', 'tack',
];

/** A sentence that is only one of these words is a no. */
export const NO_WORDS: readonly string[] = ['no', 'nope', 'nah', 'nein', 'non', 'nee', 'nej', 'nie', 'não', 'いいえ', '不', '아니요', '아니오'];

/**
 * Words that turn a following phrase into its opposite, when they come at most
 * NEGATION_WINDOW words before it in the same clause ("not really interested",
 * "I don't think we'd be interested").
 */
export const NEGATORS: readonly string[] = [
  'not', 'no', 'never', "don't", 'dont', "doesn't", "didn't", "haven't", "hasn't", "couldn't", "shouldn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't",
  "can't", 'cannot', 'nor', 'neither', 'hardly',
  // German, French, Spanish, Dutch, Italian, Portuguese, Polish, Swedish ("wij zijn niet echt geïnteresseerd", "non siamo molto interessati")
  'nicht', 'kein', 'keine', 'keinen', 'ne', 'pas', 'jamais', 'nunca', 'niet', 'geen', 'nooit', 'non', 'mai', 'não', 'nao', 'nie', 'nigdy', 'inte', 'ej', 'aldrig',
];

export const NEGATION_WINDOW = 4;

/**
 * Chinese puts its negator just before what it turns round: "不想了解" (don't want to
 * know), "不是很感兴趣" (not very interested), "没时间开个会" (no time to meet). A Chinese
 * negator among the CJK_NEGATION_BEFORE characters before a Han phrase negates it.
 */
export const CJK_NEGATORS_BEFORE: readonly string[] = ['不', '没', '沒', '别', '別', '无', '無', '未', '勿'];
export const CJK_NEGATION_BEFORE = 3;

/**
 * Japanese and Korean put the negation at the end of the clause, after what it turns
 * round: "興味があるわけではありません" (it is not that I am interested), "デモは希望しません",
 * "데모는 원하지 않습니다", "미팅은 필요 없습니다". A negative question is a polite ask,
 * not a no ("お打ち合わせできませんか" — could we not meet?), so a negator followed by
 * `か`, `でしょうか` or a question mark does not count.
 */
export const CJK_NEGATION_AFTER = /^[^、。！？，；：,.;:!?\n]{0,16}?(?:ません|ない|なし|ず(?=[、。，,.]|$)|않|없|아니|못)(?![^、。！？，；：,.;:!?\n]{0,6}(?:か|？|\?))/;

/**
 * A clause ends at punctuation (the full-width CJK marks too) or at `but`: "not now, but
 * tell me more" is a yes to more; "aber", "pero", "maar", "ma", "mas", "ale", "men" are the
 * buts of German, Spanish, Dutch, Italian, Portuguese, Polish and Swedish ("mais" is not:
 * in Portuguese it is "more"), "但是", "不过", "可是" Chinese ones.
 */
export const CLAUSE_BREAK = /[.,;:!?()\n\u2013\u2014、。！？，；：（）]|\s-\s|\bbut\b|\bhowever\b|\bthough\b|\b(?:aber|pero|maar|ma|mas|ale|men)\b|但是|不过|不過|可是/gi;

/** Hedges that make a time named in a no or a yes a "later": "maybe next year", "possibly in Q3". */
export const HEDGES: readonly string[] = [
  'maybe', 'perhaps', 'possibly', 'probably', 'hopefully',
  // "vielleicht im März", "peut-être en mars", "quizás en marzo", "misschien in maart", "forse a marzo", "talvez em março", "może w marcu", "kanske i mars"
  'vielleicht', 'eventuell', 'peut', 'quizás', 'quizá', 'misschien', 'forse', 'magari', 'talvez', 'może', 'kanske',
];

/**
 * Highest first: a bounce is no reply at all (the server's notice quotes our message, and
 * whatever it says was never read); an unsubscribe is honoured whatever else the reply says; an auto-reply
 * that also says "interested" is still an auto-reply; a no to the timing is a later, not
 * a no ("not interested right now, check in next year"); a no outweighs a yes.
 */
export const REPLY_PRIORITY: readonly Exclude<ReplyCategory, 'neutral'>[] = ['bounce', 'unsubscribe', 'out-of-office', 'nurture', 'negative', 'positive'];

/** When a nurture reply names no date: contact again this many days after the reply. */
export const DEFAULT_REVISIT_DAYS = 90;

/** A "not now" with a yes and a day this close ("not now, call me tomorrow") is a yes. */
export const NEAR_DAYS = 7;

/** Every phrase that counts toward positive: interest and steps toward a meeting. */
export const POSITIVE_PHRASES: readonly string[] = [...INTEREST_PHRASES, ...ACTION_PHRASES];
