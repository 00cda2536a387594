/**
 * How replies in the other languages say "in two weeks": the count (one to twelve, "a
 * few", half) and the unit (day, week, month, year) in German, French, Spanish, Italian,
 * Dutch, Portuguese, Polish, Swedish and Korean, for reply-dates.ts. Pure data.
 */

export type CountUnit = 'day' | 'week' | 'month' | 'year';

/**
 * Number words, every case and gender a count takes before its unit ("in einem Monat",
 * "in einer Woche", "dans une semaine", "za dwa tygodnie"). "A few" is 3 and "a couple"
 * 2, as English's "a few weeks" and "a couple of weeks" read; half is 0.5 ("in einem
 * halben Jahr", "za pół roku": six months).
 */
export const EUROPEAN_COUNT_WORDS: Readonly<Record<string, number>> = {
  // German
  ein: 1, eine: 1, einem: 1, einer: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, vierzehn: 14, 'ein paar': 3, einigen: 3, 'einem halben': 0.5, 'einen halben': 0.5, halben: 0.5,
  // French
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, quinze: 15, quelques: 3,
  // Spanish
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, quince: 15,
  unos: 3, unas: 3, algunos: 3, algunas: 3, 'un par de': 2, medio: 0.5,
  // Italian
  "un'": 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, undici: 11, dodici: 12, quindici: 15,
  qualche: 3, 'un paio di': 2, mezzo: 0.5,
  // Dutch
  een: 1, één: 1, twee: 2, drie: 3, vijf: 5, zes: 6, zeven: 7, negen: 9, tien: 10, twaalf: 12, veertien: 14, 'een paar': 3, enkele: 3, 'een half': 0.5,
  // Portuguese
  um: 1, uma: 1, dois: 2, duas: 2, três: 3, quatro: 4, sete: 7, oito: 8, dez: 10, doze: 12, alguns: 3, algumas: 3, meio: 0.5,
  // Polish
  jeden: 1, jedną: 1, jedna: 1, dwa: 2, dwie: 2, trzy: 3, cztery: 4, pięć: 5, sześć: 6, siedem: 7, osiem: 8, dziewięć: 9, dziesięć: 10,
  jedenaście: 11, dwanaście: 12, czternaście: 14, kilka: 3, parę: 3, pół: 0.5,
  // Swedish
  en: 1, ett: 1, två: 2, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12, fjorton: 14, några: 3, 'ett par': 2, 'ett halvt': 0.5,
};

/** "Quinze jours", "quince días", "quindici giorni", "quinze dias": fifteen days said, two weeks meant. */
export const FORTNIGHT_WORDS: readonly string[] = ['quinze', 'quince', 'quindici'];

/** Unit words after a count, singular and plural, in every case a count asks for ("za dwa tygodnie", "za pięć tygodni"). */
export const EUROPEAN_UNIT_WORDS: Readonly<Record<string, CountUnit>> = {
  tag: 'day', tage: 'day', tagen: 'day', woche: 'week', wochen: 'week', monat: 'month', monate: 'month', monaten: 'month', jahr: 'year', jahre: 'year', jahren: 'year',
  jour: 'day', jours: 'day', semaine: 'week', semaines: 'week', mois: 'month', an: 'year', ans: 'year', année: 'year', années: 'year',
  día: 'day', días: 'day', semana: 'week', semanas: 'week', mes: 'month', meses: 'month', año: 'year', años: 'year',
  giorno: 'day', giorni: 'day', settimana: 'week', settimane: 'week', mese: 'month', mesi: 'month', anno: 'year', anni: 'year',
  dag: 'day', dagen: 'day', week: 'week', weken: 'week', maand: 'month', maanden: 'month', jaar: 'year', jaren: 'year',
  dia: 'day', dias: 'day', mês: 'month', ano: 'year', anos: 'year',
  dzień: 'day', dni: 'day', tydzień: 'week', tygodnie: 'week', tygodni: 'week', miesiąc: 'month', miesiące: 'month', miesięcy: 'month',
  rok: 'year', roku: 'year', lata: 'year', lat: 'year',
  dagar: 'day', vecka: 'week', veckor: 'week', månad: 'month', månader: 'month', år: 'year',
};

/**
 * The words before a count that put it ahead: "in", "nach", "dans", "d'ici", "en", "dentro
 * de", "tra", "fra", "entro", "over", "binnen", "em", "daqui a", "za", "om", "inom".
 */
export const EUROPEAN_COUNT_PREPOSITIONS = "in|nach|dans|d'ici|sous|en|dentro\\s+de|tra|fra|entro|over|binnen|em|daqui\\s+a|após|za|om|inom";

/** "etwa", "environ", "ongeveer", "około" …: an approximate count reads as the count. */
export const EUROPEAN_COUNT_HEDGES = "etwa|ca\\.|circa|rund|environ|unos|unas|à\\s+peu\\s+près|aproximadamente|ongeveer|zo'n|cerca\\s+de|około|ungefär|cirka|omkring";

/**
 * Korean counts: native numbers before 달 (month), 주 (week) and 해 (year) — "두 달 후",
 * "세 주 뒤", "한 해 뒤" — and Sino-Korean ones before 개월, 주일, 주 and 년 ("삼 개월 후",
 * "일주일 후", "반년 후"). 몇 (a few) is 3, as "a few" is.
 */
export const KOREAN_NATIVE_COUNTS: Readonly<Record<string, number>> = {
  한: 1, 두: 2, 세: 3, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10, 열한: 11, 열두: 12, 몇: 3,
};
export const KOREAN_SINO_COUNTS: Readonly<Record<string, number>> = {
  일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9, 십: 10, 십일: 11, 십이: 12, 반: 0.5, 몇: 3,
};
