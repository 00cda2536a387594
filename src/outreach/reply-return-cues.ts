/**
 * The words that make a date in an out-of-office reply the day its writer is back: "back
 * on", "until", "ab dem", "de retour le", "hasta el", "rientro il", "terug op", "volto
 * dia", "wracam", "tillbaka", before the date; "zurück", "wieder", "返回", "に戻ります",
 * "以降", "에 복귀", "まで", "까지" after it. A date with no such word ("urgent before 15
 * January", "1月31日締めの件") is some other date the reply names. Pure.
 */

/** Return words a few words before the date, in every language the classifier reads. */
const CUES_BEFORE: readonly string[] = [
  // English
  'back', 'return', 'returning', 'reply', 'respond', 'until', 'till', 'through', 'thru', 'after', 'from',
  // German
  'wieder', 'ab', 'bis', 'zurück', 'einschließlich',
  // French
  'retour', 'rentre', 'rentrerai', 'reviens', 'reviendrai', "jusqu'au", "jusqu'à", 'partir', 'dès', 'répondrai', 'inclus',
  // Spanish
  'hasta', 'regreso', 'regresaré', 'vuelvo', 'volveré', 'vuelta', 'desde', 'responderé', 'reincorporo', 'reincorporaré',
  // Italian
  'fino', 'rientro', 'rientrerò', 'torno', 'tornerò', 'dal', 'partire', 'risponderò',
  // Dutch
  'terug', 'vanaf', 'weer', 'beantwoord', 'beantwoorden',
  // Portuguese
  'até', 'volto', 'voltarei', 'regresso', 'retorno', 'responderei',
  // Polish
  'wracam', 'wrócę', 'powrót', 'powrocie', 'odpowiem', 'dostępny', 'dostępna',
  // Swedish
  'tillbaka', 'åter', 'från', 'efter', 'besvarar',
];

/** Short words that are a return word only right before the date: Polish "do 12 stycznia", Dutch "tot 4 januari" ("please do contact Jane before…" is none). */
const CUES_RIGHT_BEFORE: readonly string[] = ['do', 'od', 'po', 'tot', 'met', 'med'];

/** Return words just after the date: "am 7. Januar zurück", "1月4日返回办公室", "1月6日に戻ります", "1月6日以降", "1월 5일에 복귀", "1月5日まで", "1월 4일까지". */
const CUE_AFTER = /^\s*(?:(?:wieder|zurück)(?![\p{L}])|[にへ]?(?:戻り|戻ります|戻る|帰社|出社|復帰|以降|まで)|(?:返回|回到|回来|回來|回公司|上班|复工|復工|以后|以後|之后|之後|后回复|後回覆)|(?:에\s*)?(?:복귀|돌아|출근)|부터|이후|까지)/u;

/**
 * Whether the date is named as the return: a return word among the last six words of
 * `before` (the clause up to the date), a short one as its last word, or a return word
 * right after it in `after` (the rest of the clause).
 */
export function namesReturn(before: string, after: string): boolean {
  const words = before.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.slice(-6).some((w) => CUES_BEFORE.includes(w))) return true;
  if (CUES_RIGHT_BEFORE.includes(words[words.length - 1] ?? '')) return true;
  return CUE_AFTER.test(after);
}
