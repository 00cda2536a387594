/**
 * Latin letters with no decomposition to a base letter: NFKD turns `é` into `e` + U+0301
 * but leaves `ø`, `Ł`, `Æ`, `ß` whole, so a fold that only drops combining marks made
 * "Bjørn Ølsen AS" the folder `bj-rn-lsen-as` and "Łódź Tech" `odz-tech`. Each is written
 * as the letters people use for it in ASCII (the usual transliteration: Danish and
 * Norwegian `ø` as `o`, German `ß` as `ss`, Icelandic `þ` as `th`).
 */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ß: 'ss', ẞ: 'SS',
  ı: 'i', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ĸ: 'k', ŋ: 'n', Ŋ: 'N', ſ: 's',
  ƀ: 'b', Ɓ: 'B', ƒ: 'f', Ƒ: 'F', ɨ: 'i', Ɨ: 'I', ƶ: 'z', Ƶ: 'Z', ȥ: 'z', Ȥ: 'Z',
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(LATIN_LETTERS).join('')}]`, 'g');

/**
 * `text` with Latin letters reduced to ASCII where a reader would: accents dropped
 * (`Zürich` → `Zurich`) and the letters NFKD keeps whole transliterated (`Bjørn` →
 * `Bjorn`, `Æther` → `AEther`). Other scripts are left as they are (日本 stays 日本), for
 * the caller to keep or refuse. Case is kept.
 */
export function foldToLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(UNDECOMPOSED, (letter) => LATIN_LETTERS[letter]!);
}
