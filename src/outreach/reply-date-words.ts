/**
 * The words reply-dates.ts reads dates from, by language: month and weekday names, the
 * parts of a month, seasons, quarters, and the phrases for tomorrow, next week, next
 * month, next quarter, next year and after the new year. Counts ("in two weeks") are in
 * reply-count-words.ts. To read a language's dates, add its words here: the rules in
 * reply-dates.ts are built from these tables. Pure data.
 */

/** Alternatives for a regular expression, longest first, spaces matching any run of whitespace. */
export function alternatives(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');
}

// English

export const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
];
export const WEEKDAYS: readonly (readonly string[])[] = [
  ['sunday', 'sun'], ['monday', 'mon'], ['tuesday', 'tues', 'tue'], ['wednesday', 'wed'], ['thursday', 'thurs', 'thur', 'thu'], ['friday', 'fri'], ['saturday', 'sat'],
];
export const NUMBERS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  'a couple of': 2, 'a couple': 2, couple: 2, 'a few': 3, few: 3, several: 3,
};
export const SEASONS: Readonly<Record<string, number>> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

/**
 * Words that put a slash date in a language that writes the day first: "hasta el 11/01/2027",
 * "até 08/01", "retorno dia 11/01", "jusqu'au 04/01", "fino al 06/01", "tot 04/01", "bis 08/01",
 * "do 04/01", "terug op 4-1-2027". Only English writes the month first (and only in America), so a slash date
 * after one of these is day first even when no other date shows the order. English's own
 * "to", "until", "from", "back" say nothing: Britain writes the day first, America not.
 */
export const DAY_FIRST_SLASH_CUES: readonly string[] = [
  // Spanish, Portuguese
  'el', 'hasta', 'desde', 'del', 'al', 'día', 'dia', 'até', 'em', 'ao', 'no', 'retorno', 'regreso', 'volto', 'vuelvo',
  // French, Italian
  'au', 'du', 'le', 'dès', "jusqu'au", 'dal', 'il', 'fino', 'rientro', 'entro',
  // Dutch, German, Polish, Swedish
  'tot', 'met', 'vanaf', 't/m', 'op', 'terug', 'bis', 'ab', 'am', 'vom', 'zum', 'od', 'do', 'dnia', 'från', 'den', 'fram',
];

// Chinese, Japanese, Korean

/**
 * The part of a month a Chinese, Japanese or Korean date names: 上旬/初/초 early, 中旬/중순
 * the middle, 下旬 late, 末/底/말 the end — as monthWithPosition reads "early", "mid", "late"
 * and "end of".
 */
export const CJK_MONTH_PART: Readonly<Record<string, string>> = {
  上旬: 'early', 初め: 'early', 初: 'early', 초: 'early', 中旬: 'mid', 중순: 'mid', 下旬: 'late', 末: 'end of', 底: 'end of', 말: 'end of',
};

/** Chinese numerals; 数/几/幾 (a few) count 3, as "a few" does, and 半 is a half ("半年后": six months). */
export const CJK_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 数: 3, 几: 3, 幾: 3, 半: 0.5 };

/** Tomorrow, next week, the week after next, next month, the month after next, next quarter, the second half-year, next year, in Chinese (zh), Japanese (ja) and Korean (ko). A Korean space may be left out ("다음주"). */
export const CJK_TOMORROW = { ja: ['明日'], zh: ['明天', '明日'], ko: ['내일'] };
export const CJK_NEXT_WEEK = { ja: ['来週'], zh: ['下周', '下週', '下星期', '下礼拜'], ko: ['다음 주'] };
export const CJK_WEEK_AFTER_NEXT = { ja: ['再来週'], zh: ['下下周', '下下週', '下下星期'], ko: ['다다음 주'] };
export const CJK_NEXT_MONTH = { ja: ['来月'], zh: ['下个月', '下個月'], ko: ['다음 달'] };
export const CJK_MONTH_AFTER_NEXT = { ja: ['再来月'], zh: ['下下个月', '下下個月'], ko: ['다다음 달'] };
export const CJK_NEXT_QUARTER = { ja: ['来四半期', '次の四半期'], zh: ['下季度', '下个季度', '下個季度'], ko: ['다음 분기'] };
export const CJK_SECOND_HALF = { ja: ['下半期'], zh: ['下半年'], ko: ['하반기'] };
export const CJK_NEXT_YEAR = { ja: ['来年'], zh: ['明年'], ko: ['내년'] };
/** The next fiscal year or term (来期), which in Japan starts on 1 April. Korean "내년도" is next year's, read as 내년: a Korean fiscal year is the calendar year. */
export const CJK_NEXT_FISCAL_YEAR = { ja: ['来年度', '次年度', '新年度', '来期', '年度が明け', '年度明け'], zh: [], ko: [] };

/** CJK words as one regular-expression alternation; a space in a word matches any run of spaces or none. */
export function cjkAlternatives(byLanguage: Readonly<Record<string, readonly string[]>>): string {
  return Object.values(byLanguage)
    .flat()
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s*'))
    .join('|');
}

/** The part of next month: "下个月中旬", "来月上旬", "다음 달 말" (mid, early, end of next month). */
export const CJK_NEXT_MONTH_PART = `(${cjkAlternatives(CJK_NEXT_MONTH)})\\s*(上旬|初め|初|中旬|下旬|末|底|초|중순|말)`;

// German, French, Spanish, Italian, Dutch, Portuguese, Polish, Swedish

/**
 * Month names of the other languages a European team reads replies in — German, French,
 * Spanish, Italian, Dutch, Portuguese, Polish (the genitive a date takes: "12 stycznia"),
 * Swedish — by month number. Read only after a day ("12 januari", "12. Januar",
 * "12 de janeiro") or after one of EUROPEAN_MONTH_PREPOSITIONS, never alone: "mai",
 * "mars", "marca" and "maio" are words too. Names spelt as in English ("April",
 * "September") are read by the English rules.
 */
export const EUROPEAN_MONTHS: readonly (readonly string[])[] = [
  ['januar', 'jänner', 'janvier', 'enero', 'gennaio', 'januari', 'janeiro', 'stycznia'],
  ['februar', 'février', 'fevrier', 'febrero', 'febbraio', 'februari', 'fevereiro', 'lutego'],
  ['märz', 'maerz', 'mars', 'marzo', 'maart', 'março', 'marco', 'marca'],
  ['avril', 'abril', 'aprile', 'kwietnia'],
  ['mai', 'mayo', 'maggio', 'mei', 'maio', 'maja', 'maj'],
  ['juni', 'juin', 'junio', 'giugno', 'junho', 'czerwca'],
  ['juli', 'juillet', 'julio', 'luglio', 'julho', 'lipca'],
  ['août', 'aout', 'agosto', 'augustus', 'augusti', 'sierpnia'],
  ['septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'września'],
  ['oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'października'],
  ['novembre', 'noviembre', 'novembro', 'listopada'],
  ['dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'grudnia'],
];
/**
 * The short month names auto-replies write after a day ("de retour le 4 janv.", "ab 4. Dez.",
 * "hasta el 8 ene.", "rientro il 7 gen."), read only there: alone "gen", "mag" or "ago" are words.
 * Those spelt as in English ("4 Jan", "4 Feb") are read by the English rules.
 */
export const EUROPEAN_MONTH_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['janv', 'jän', 'ene', 'gen', 'sty'], ['févr', 'fevr', 'fév', 'fev', 'lut'], ['mär', 'mrt', 'mars', 'marz'], ['avr', 'abr', 'kwi'],
  ['mai', 'mag', 'mei', 'maj'], ['juin', 'giu', 'jun', 'cze'], ['juil', 'lug', 'jul', 'lip'], ['août', 'ago', 'sie'], ['sept', 'sett', 'wrz'],
  ['okt', 'ott', 'paź'], ['nov', 'lis'], ['déc', 'dez', 'dic', 'gru'],
];
/** Polish names a month in the locative after "w" ("w styczniu"): read there only. */
export const POLISH_LOCATIVE_MONTHS: readonly string[] = ['styczniu', 'lutym', 'marcu', 'kwietniu', 'maju', 'czerwcu', 'lipcu', 'sierpniu', 'wrześniu', 'październiku', 'listopadzie', 'grudniu'];

/**
 * "in januari", "im Januar", "en janvier", "em janeiro", "i januari", "w styczniu": the month
 * ahead. Italian's "a" (a gennaio) is also the English article ("a mai tai", "a Mars bar"),
 * so it is read only before an Italian month name.
 */
export const EUROPEAN_MONTH_PREPOSITIONS = "(?:in|im|en|em|i|ab|nach|après|après le|dopo|na|w|od|efter|från|desde|vanaf|dal|bis|jusqu'en|hasta|fino\\s+a|tot|até|do|fram\\s+till|till)";
export const ITALIAN_MONTHS = 'gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';

/**
 * The part of a month named before it in the European languages: "Anfang Januar", "début
 * janvier", "a principios de enero", "inizio gennaio", "begin januari", "no início de
 * janeiro", "i början av januari", "na początku stycznia" (early); "Mitte Januar",
 * "mi-janvier", "mediados de enero", "metà gennaio", "half januari", "meados de janeiro",
 * "mitten av januari", "w połowie stycznia" (the middle); "Ende Januar", "fin janvier",
 * "finales de enero", "fine gennaio", "eind januari", "final de janeiro", "slutet av
 * januari", "pod koniec", "na koniec", "do końca stycznia" (the end) — as monthWithPosition
 * reads "early", "mid" and "end of".
 */
export const EUROPEAN_MONTH_PARTS: readonly (readonly [string, string])[] = [
  ['anfang', 'early'], ['début', 'early'], ['debut', 'early'], ['principios de', 'early'], ['comienzos de', 'early'], ['inicios de', 'early'],
  ['inizio', 'early'], ['inizio di', 'early'], ['primi di', 'early'], ['begin', 'early'], ['begin van', 'early'], ['início de', 'early'],
  ['inicio de', 'early'], ['början av', 'early'], ['na początku', 'early'], ['z początkiem', 'early'], ['początek', 'early'],
  ['mitte', 'mid'], ['mi-', 'mid'], ['mediados de', 'mid'], ['metà', 'mid'], ['metà di', 'mid'], ['half', 'mid'], ['midden', 'mid'],
  ['meados de', 'mid'], ['mitten av', 'mid'], ['w połowie', 'mid'], ['połowa', 'mid'],
  ['ende', 'end of'], ['fin', 'end of'], ['fin de', 'end of'], ['finales de', 'end of'], ['fine', 'end of'], ['fine di', 'end of'],
  ['eind', 'end of'], ['eind van', 'end of'], ['final de', 'end of'], ['fim de', 'end of'], ['slutet av', 'end of'], ['pod koniec', 'end of'],
  ['na koniec', 'end of'], ['do końca', 'end of'], ['koniec', 'end of'],
];

/**
 * Seasons in the European languages, after the preposition that makes them ahead ("im
 * Frühjahr", "au printemps", "en primavera", "in primavera", "in het voorjaar", "na
 * primavera", "na wiosnę", "på våren"), or after "after" ("nach dem Sommer", "après l'été",
 * "después del verano", "dopo l'estate", "na de zomer", "depois do verão", "po wakacjach",
 * "efter sommaren"): the season's first month, or the next season's. "Po wakacjach" and French
 * "à la rentrée" (when work starts again after the summer) are September.
 */
export const EUROPEAN_SEASONS: Readonly<Record<string, number>> = {
  frühjahr: 3, frühling: 3, printemps: 3, primavera: 3, voorjaar: 3, lente: 3, wiosnę: 3, wiosna: 3, wiosną: 3, våren: 3, vår: 3,
  sommer: 6, été: 6, verano: 6, estate: 6, zomer: 6, verão: 6, lato: 6, latem: 6, lecie: 6, sommaren: 6, sommar: 6, wakacjach: 6, rentrée: 6,
  herbst: 9, automne: 9, otoño: 9, autunno: 9, najaar: 9, herfst: 9, outono: 9, jesień: 9, jesieni: 9, jesienią: 9, hösten: 9, höst: 9,
  winter: 12, hiver: 12, invierno: 12, inverno: 12, zimę: 12, zima: 12, zimą: 12, zimie: 12, vintern: 12, vinter: 12,
};
export const EUROPEAN_SEASON_AHEAD = `(?:im|au|à|en|in|in\\s+het|in\\s+de|na|no|w|på|i|nel|nell'|en\\s+el)`;
export const EUROPEAN_SEASON_AFTER = `(?:nach\\s+dem|nach\\s+der|après\\s+l'|après\\s+le|après|después\\s+del|dopo\\s+l'|dopo\\s+la|dopo\\s+il|dopo|na\\s+de|na\\s+het|depois\\s+do|depois\\s+da|po|efter)`;

/** "im zweiten Quartal", "au deuxième trimestre", "en el segundo trimestre", "nel secondo trimestre", "in het tweede kwartaal", "no segundo trimestre", "w drugim kwartale", "under andra kvartalet". */
export const EUROPEAN_QUARTER_ORDINALS: Readonly<Record<string, number>> = {
  ersten: 1, premier: 1, primer: 1, primo: 1, eerste: 1, primeiro: 1, pierwszym: 1, första: 1,
  zweiten: 2, deuxième: 2, second: 2, segundo: 2, secondo: 2, tweede: 2, drugim: 2, andra: 2,
  dritten: 3, troisième: 3, tercer: 3, terzo: 3, derde: 3, terceiro: 3, trzecim: 3, tredje: 3,
  vierten: 4, quatrième: 4, cuarto: 4, quarto: 4, vierde: 4, czwartym: 4, fjärde: 4,
};

/** "After the first quarter", by language: the words before an ordinal of EUROPEAN_QUARTER_ORDINALS ("po pierwszym kwartale", "nach dem ersten Quartal"). */
export const EUROPEAN_AFTER_QUARTER = `(?:nach\\s+dem|après\\s+le|después\\s+del|dopo\\s+il|na\\s+het|depois\\s+do|po|efter)`;

/** After Epiphany, 6 January, which ends the holidays in Spain, Italy, Poland and Sweden: "después de Reyes", "dopo la Befana", "po Trzech Królach", "efter trettondagen". */
export const AFTER_EPIPHANY: readonly string[] = [
  'después de reyes', 'después de los reyes', 'pasado reyes', 'pasados los reyes', 'tras reyes', 'dopo la befana', "dopo l'epifania", 'dopo epifania',
  'nach dem dreikönigstag', 'nach heilige drei könige', 'après l\'épiphanie', 'po trzech królach', 'po święcie trzech króli', 'efter trettondagen', 'efter trettonhelgen',
  'after epiphany', 'after twelfth night',
];

/** The months in Roman numerals, January first, as Polish dates write them: "15 III", "do 10.IV". */
export const ROMAN_MONTHS: readonly string[] = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** After Carnival (Shrove Tuesday, 47 days before Easter): "depois do Carnaval", "después de Carnaval", "dopo Carnevale", "nach Fasching", "na carnaval". */
export const AFTER_CARNIVAL: readonly string[] = [
  'depois do carnaval', 'após o carnaval', 'passado o carnaval', 'depois de carnaval', 'después de carnaval', 'después del carnaval', 'dopo carnevale', 'dopo il carnevale',
  'nach fasching', 'nach dem fasching', 'nach karneval', 'nach dem karneval', 'nach der fastnacht', 'après le carnaval', 'na carnaval', 'na de carnaval', 'after carnival',
];

/** Next week, by language. */
export const EUROPEAN_NEXT_WEEK: Readonly<Record<string, readonly string[]>> = {
  de: ['nächste woche'],
  fr: ['la semaine prochaine'],
  es: ['la semana que viene', 'la próxima semana'],
  it: ['la prossima settimana', 'prossima settimana'],
  nl: ['volgende week'],
  pt: ['próxima semana', 'na próxima semana'],
  pl: ['w przyszłym tygodniu'],
  sv: ['nästa vecka'],
};

/** Next quarter, by language (regular-expression fragments: the article or preposition before it is optional). */
export const EUROPEAN_NEXT_QUARTER: Readonly<Record<string, readonly string[]>> = {
  de: ['(?:im\\s+)?nächste[ns]?\\s+quartal'],
  fr: ['(?:le\\s+|au\\s+)?trimestre\\s+prochain', '(?:le\\s+|au\\s+)?prochain\\s+trimestre'],
  es: ['(?:el\\s+|en\\s+el\\s+)?(?:próximo|siguiente)\\s+trimestre', '(?:el\\s+)?trimestre\\s+que\\s+viene'],
  it: ['(?:il\\s+|nel\\s+)?prossimo\\s+trimestre', '(?:il\\s+)?trimestre\\s+prossimo'],
  nl: ['(?:het\\s+)?volgende?\\s+kwartaal'],
  pt: ['(?:no\\s+)?próximo\\s+trimestre'],
  pl: ['w\\s+przyszłym\\s+kwartale', 'w\\s+następnym\\s+kwartale'],
  sv: ['nästa\\s+kvartal'],
};

/** Next year, by language. */
export const EUROPEAN_NEXT_YEAR: Readonly<Record<string, readonly string[]>> = {
  de: ['nächstes jahr', 'im nächsten jahr'],
  fr: ["l'année prochaine"],
  es: ['el año que viene', 'el próximo año'],
  it: ["l'anno prossimo", 'il prossimo anno'],
  nl: ['volgend jaar'],
  pt: ['no próximo ano', 'próximo ano'],
  pl: ['w przyszłym roku'],
  sv: ['nästa år'],
};

/** After the holidays or the new year, by language: the first Monday after 1 January. */
export const EUROPEAN_AFTER_NEW_YEAR: Readonly<Record<string, readonly string[]>> = {
  // and "in the new year" (round 9: "im neuen Jahr", "w nowym roku", "nel nuovo anno"), as English "in the new year" is
  de: ['nach neujahr', 'nach den feiertagen', 'im neuen jahr', 'ins neue jahr', 'nach dem jahreswechsel', 'nach jahreswechsel'],
  fr: ['après les fêtes', 'après le nouvel an', 'à la nouvelle année', 'dans la nouvelle année', 'au nouvel an'],
  es: ['después de las fiestas', 'después de año nuevo', 'en el año nuevo', 'en el nuevo año', 'con el año nuevo', 'con el nuevo año', 'pasadas las fiestas'],
  it: ['dopo le feste', 'dopo capodanno', 'nel nuovo anno', "nell'anno nuovo", "con l'anno nuovo", 'con il nuovo anno'],
  nl: ['na de feestdagen', 'na nieuwjaar', 'in het nieuwe jaar', 'na de jaarwisseling'],
  pt: ['depois das festas', 'depois do ano novo', 'no ano novo', 'no novo ano', 'com o ano novo', 'após o ano novo', 'depois da virada do ano'],
  pl: ['po nowym roku', 'po świętach', 'w nowym roku'],
  sv: ['efter nyår', 'efter helgerna', 'på det nya året', 'i det nya året', 'efter årsskiftet', 'över årsskiftet'],
};
/** The same in Chinese, Japanese and Korean, which need no word boundary. */
export const CJK_AFTER_NEW_YEAR = { ja: ['年明け', '新年に', '新年早々'], zh: ['新年后', '新年後', '元旦后', '元旦後', '元旦以后', '元旦之后'], ko: ['새해에', '새해 들어', '새해가 되면', '연초에'] };

/**
 * After Easter, by language: the Monday after Easter Sunday (Easter Monday), as English
 * "after Easter" is — the date follows Easter, computed for the year (reply-calendar.ts
 * `easterSunday`, the Gregorian computus). Holy Week ("Semana Santa", "Settimana Santa")
 * ends on Easter Sunday, so "después de Semana Santa" is the same day.
 */
export const EUROPEAN_AFTER_EASTER: readonly string[] = [
  'nach ostern', 'nach den osterferien', 'nach dem osterfest', 'après pâques', 'après les vacances de pâques', 'después de semana santa',
  'después de la semana santa', 'pasada semana santa', 'pasada la semana santa', 'tras semana santa', 'después de pascua', 'dopo pasqua',
  'dopo la pasqua', 'dopo le vacanze di pasqua', 'na pasen', 'na de paasvakantie', 'depois da páscoa', 'após a páscoa', 'passada a páscoa',
  'depois da semana santa', 'po wielkanocy', 'po świętach wielkanocnych', 'po świętach wielkiej nocy', 'efter påsk', 'efter påsken', 'efter påsklovet',
];
/**
 * After the Chinese New Year, the lunar one: "年后再联系" (talk after the new year), "过完年",
 * "春节后". "年后" is read only when no count or "new", "next", "this" is before it ("两年后",
 * "半年后" are counts; "新年后" is 1 January; "明年后" names no date).
 */
export const CHINESE_AFTER_SPRING_FESTIVAL: readonly string[] = [
  '(?<![\\d一二两兩三四五六七八九十数几幾半明今去新前后後每多])年(?:后|後|以后|以後|之后|之後)',
  '过完年', '過完年', '过了年', '過了年', '过年后', '過年後', '春节后', '春節後', '春节以后', '春節以後', '春节之后', '春節之後', '春节过后', '春節過後',
  '过了春节', '過了春節', '过完春节', '過完春節',
];
