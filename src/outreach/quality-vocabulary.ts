/**
 * The words the quality gate looks for, as data so they can be read, reviewed and
 * extended without touching the rules. Every phrase matches as whole words,
 * case-insensitively, with `don’t` = `don't` and `risk free` = `risk-free`
 * (see phrases.ts); a Chinese, Japanese or Korean phrase is found inside the words
 * around it, which those languages do not set apart.
 */

/** Filler that tells the reader a template wrote this. */
export const GENERIC_OPENINGS: readonly string[] = [
  'I hope this email finds you well',
  'I hope this finds you well',
  'hope this email finds you well',
  'I hope you are doing well',
  "I hope you're doing well",
  'I hope all is well',
  'hope you are well',
  'My name is',
  'I wanted to reach out',
  'I am reaching out',
  "I'm reaching out",
  'Just checking in',
  'just following up',
  'just circling back',
  'touching base',
  'To whom it may concern',
  'Dear Sir or Madam',
];

/** Pressure that reads as a sales tactic to a buyer (and as spam to a filter). */
export const PUSHY_PHRASES: readonly string[] = [
  'act now',
  'last chance',
  'limited time',
  "don't miss",
  'do not miss',
  'urgent',
  'urgently',
  'guarantee',
  'guaranteed',
  'guarantees',
  // German, French, Spanish, Italian, Dutch, Portuguese, Polish, Swedish: the same pressure as written there
  'jetzt handeln', 'nur für kurze zeit', 'letzte chance', 'dringend', 'garantiert', 'garantie',
  'dernière chance', 'offre limitée', 'durée limitée', 'ne manquez pas', 'garanti',
  'última oportunidad', 'tiempo limitado', 'no se lo pierda', 'no te lo pierdas', 'urgente', 'garantizado', 'garantía',
  'ultima occasione', 'non perdere', 'garantito', 'garanzia',
  'laatste kans', 'beperkte tijd', 'mis het niet', 'gegarandeerd',
  'última chance', 'última oportunidade', 'não perca', 'garantido', 'garantia',
  'ostatnia szansa', 'nie przegap', 'pilne', 'pilnie', 'gwarantowane', 'gwarancja',
  'sista chansen', 'begränsad tid', 'missa inte', 'brådskande', 'garanterat',
  // Japanese, Chinese, Korean; not 保証/保证/보장 (guarantee), which are also "assurance": 品質保証部 is a quality department
  '期間限定', '今だけ', 'お見逃しなく', '最後のチャンス', '緊急',
  '限时', '限時', '最后机会', '不要错过', '紧急',
  '기간 한정', '마지막 기회', '놓치지 마세요', '긴급',
];

/** Words spam filters score against a message. `feel free` is exempt: see quality.ts. */
export const SPAM_TRIGGERS: readonly string[] = [
  'free', '100%', 'risk-free', 'winner', 'cash', '$$$', 'click here', 'buy now',
  // German, French, Spanish, Italian, Dutch, Portuguese, Polish, Swedish
  'kostenlos', 'kostenlose', 'kostenlosen', 'kostenloser', 'kostenloses', 'gratis', 'gewinner', 'hier klicken', 'jetzt kaufen',
  'gratuit', 'gratuite', 'gratuits', 'gratuites', 'gagnant', 'cliquez ici', 'achetez maintenant', 'sans risque',
  'ganador', 'haga clic aquí', 'haz clic aquí', 'compre ahora', 'sin riesgo',
  'gratuito', 'gratuita', 'gratuitos', 'gratuitas', 'vincitore', 'clicca qui', 'acquista ora', 'senza rischi',
  'winnaar', 'klik hier', 'koop nu', 'zonder risico',
  'grátis', 'vencedor', 'clique aqui', 'compre agora', 'sem risco',
  'za darmo', 'darmowy', 'darmowa', 'darmowe', 'zwycięzca', 'kliknij tutaj', 'kup teraz', 'bez ryzyka',
  'vinnare', 'klicka här', 'köp nu', 'riskfritt',
  // Japanese, Chinese, Korean
  '無料', '今すぐ購入', 'こちらをクリック', '当選', '免费', '免費', '点击这里', '點擊這裡', '立即购买', '立即購買', '中奖',
  '무료', '여기를 클릭', '지금 구매', '당첨',
];

/** A question is a call to action when it asks for one of these. */
export const CTA_QUESTION_WORDS: readonly string[] = [
  'call', 'chat', 'meeting', 'meet', 'time', 'minutes', 'talk', 'demo', 'conversation', 'connect',
  'calendar', 'week', 'available', 'worth', 'open to', 'interested', 'discuss', 'walk through', 'scope',
  // German: a conversation, a call, an appointment, time, a week, an exchange
  'gespräch', 'telefonat', 'termin', 'zeit', 'minuten', 'woche', 'austausch', 'treffen', 'vereinbaren',
  // Japanese, Chinese, Korean: a time, a call, a meeting, a demo (found inside the sentence: phrases.ts)
  'お時間', 'ご都合', '打ち合わせ', 'ミーティング', 'お電話', 'デモ', '来週',
  '时间', '時間', '通话', '電話', '电话', '会议', '會議', '聊聊', '演示', '下周', '下週',
  '시간', '미팅', '통화', '회의', '데모', '다음 주',
];

/** Asks that need no question mark. */
export const CTA_PHRASES: readonly string[] = [
  'let me know', 'reply', 'book a', 'schedule', 'find a time', 'grab time', 'pick a time', 'my calendar',
  'calendar link', "let's talk", 'let us talk', "let's connect", 'glad to connect', 'happy to connect', 'set up a call',
  'hop on a call', 'jump on a call',
  'antworten sie', 'melden sie sich', 'vernetzen', 'einen termin',
  'お知らせください', 'ご連絡ください', 'ご返信ください', '请告诉我', '请回复', '請回覆', '联系我', '聯繫我', '알려 주세요', '알려주세요', '회신 부탁', '연락 주세요',
];
