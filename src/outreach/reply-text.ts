/**
 * The words of a reply that the prospect wrote: our own email quoted below it, the
 * signature, a leading greeting and the mobile footer are cut, because they carry
 * words ("interested?", "reply stop", "Yes Payments Ltd.", "out of office on Fridays")
 * that say nothing about the answer.
 */

/** Where a quoted message starts: an attribution line, a forwarded header block, an Outlook rule. */
const QUOTE_STARTS: readonly RegExp[] = [
  // On Mon, 12 Jan 2026 at 09:14, Sam <sam@x> wrote:   (Gmail wraps it over two lines)
  /^[ \t]*On\s[^\n]*(?:\n[^\n]*)?\bwrote:[ \t]*$/im,
  // Le lun. 6 juil. 2026 à 09:14, Sam <…> a écrit :   Am 12.01.2026 um 09:14 schrieb Sam:   El … escribió:   Il … ha scritto:
  // Op ma 5 jan. 2026 om 09:14 schreef Sam:   Em seg., 5 de jan. … escreveu:   W dniu … napisał(a):   Den mån 5 jan. … skrev Sam:
  /^[ \t]*(?:Le|Am|El|Il|Op|Em|W dniu|Den)\s[^\n]*(?:\n[^\n]*)?(?:a écrit|schrieb|escribió|ha scritto|schreef|escreveu|napisał\(a\)|napisała|napisał|skrev)[^\n]*:[ \t]*$/im,
  // 2026年1月5日(月) 9:14 Sam <sam@x>:   Sam <sam@x> 于2026年1月5日周一 09:14写道：   2026년 1월 5일 (월) 오전 9:14, Sam <sam@x>님이 작성:
  /^[ \t]*\d{4}年\d{1,2}月\d{1,2}日[^\n]*(?:\n[^\n]*)?[:：][ \t]*$/m,
  /^[^\n]*(?:写道|寫道|님이 작성)[ \t]*[:：][ \t]*$/m,
  /^[ \t]*-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message|Oorspronkelijk bericht|Messaggio originale|Mensagem original|Mensaje original|Oryginalna wiadomość|Ursprungligt meddelande)\s*-{2,}[ \t]*$/im,
  /^[ \t]*_{10,}[ \t]*$/m,
  // Outlook: a From: line followed within two lines by Sent:/Date:, in the languages Outlook writes them in
  /^[ \t]*(?:From|Von|De|Van|Da|Od|Från|发件人|寄件者|差出人|보낸 사람)[ \t]*[:：][^\n]*\n(?:[^\n]*\n)?[ \t]*(?:Sent|Date|Gesendet|Envoyé|Enviado|Enviada|Verzonden|Inviato|Wysłano|Skickat|Datum|发送时间|寄件日期|送信日時|보낸 날짜)[^\n:：]{0,10}[:：]/im,
];

/** The words a line that only closes the message is, by language: what follows is the signature. */
const SIGN_OFFS: readonly string[] = [
  // English
  'best', 'best wishes', 'best regards', 'kind regards', 'warm regards', 'warmly', 'regards', 'many thanks', 'thanks', 'thanks again', 'thank you',
  'thx', 'cheers', 'sincerely', 'yours', 'all the best', 'talk soon', 'br',
  // German
  'viele grüße', 'beste grüße', 'liebe grüße', 'freundliche grüße', 'herzliche grüße', 'schöne grüße', 'mit freundlichen grüßen', 'mit besten grüßen',
  'gruß', 'grüße', 'gruss', 'grüsse', 'lg', 'vg', 'mfg', 'danke', 'vielen dank',
  // French
  'cordialement', 'bien à vous', 'bien cordialement', 'merci', 'merci beaucoup', 'salutations', 'bonne journée', 'amitiés',
  // Spanish
  'saludos', 'un saludo', 'saludos cordiales', 'un cordial saludo', 'atentamente', 'gracias', 'muchas gracias', 'un abrazo',
  // Italian
  'cordiali saluti', 'saluti', 'distinti saluti', 'un saluto', 'cordialmente', 'grazie', 'grazie mille', 'buona giornata',
  // Dutch
  'met vriendelijke groet', 'met vriendelijke groeten', 'vriendelijke groet', 'hartelijke groet', 'groeten', 'groetjes', 'groet', 'mvg', 'bedankt', 'dank je wel', 'dank u wel',
  // Portuguese
  'atenciosamente', 'cumprimentos', 'com os melhores cumprimentos', 'obrigado', 'obrigada', 'abraço', 'um abraço', 'abraços', 'att', 'abs',
  // Polish
  'pozdrawiam', 'pozdrawiam serdecznie', 'serdecznie pozdrawiam', 'z pozdrowieniami', 'z poważaniem', 'z wyrazami szacunku', 'dziękuję',
  // Swedish
  'hälsningar', 'med vänlig hälsning', 'vänliga hälsningar', 'med vänliga hälsningar', 'mvh', 'tack', 'tack på förhand',
  // Japanese, Chinese, Korean (the longer closings are CJK_SIGN_OFF_WORDS below)
  'よろしくお願いいたします', 'よろしくお願いします', '宜しくお願い致します', '谢谢', '此致', '祝好', '감사합니다',
];
const SIGN_OFF = new RegExp(`^[ \\t]*(?:${SIGN_OFFS.join('|')})[ \\t]*[,.!。！]?[ \\t]*$`, 'iu');

/**
 * The closing lines of Chinese, Japanese and Korean mail: "よろしくお願い申し上げます",
 * "何卒よろしくお願いいたします", "敬具", "此致 / 敬礼", "顺祝商祺", "감사합니다", "고맙습니다".
 * Written on a line of their own or as the last sentence of the reply's last line.
 */
const CJK_SIGN_OFF_WORDS =
  '(?:以上[、，,]?[ \\t]*)?(?:今後とも|引き続き|何卒|なにとぞ|どうぞ|どうか)?[ \\t]*(?:よろしく|宜しく|よろしゅう)お願い(?:いたします|致します|します|申し上げます)|' +
  '敬具|草々|以上(?:です)?|此致(?:[ \\t]*敬礼)?|敬礼|[顺順]?[祝颂頌][ \\t]*(?:商祺|时祺|時祺|近安|好|安好|工作顺利)|祝好|谢谢|謝謝|多谢|感谢|感謝|' +
  '감사합니다|감사드립니다|고맙습니다|수고하세요|이만 줄이겠습니다';
const CJK_SIGN_OFF = new RegExp(`^[ \\t]*(?:${CJK_SIGN_OFF_WORDS})[ \\t]*[。．.！!,，、~〜]*[ \\t]*$`, 'u');
const CJK_TRAILING_SIGN_OFF = new RegExp(`(?<=[。．！？!?.])[ \\t]*(?:${CJK_SIGN_OFF_WORDS})[ \\t]*[。．.！!~〜]*[ \\t]*$`, 'u');

/**
 * A device or mail app as a footer names it: "iPhone", "Galaxy S23", "Huawei-Handy", "iPhone'a".
 * Letters of any script (`\p{L}`), since "téléphone", "móvil" and "手机" are device names too.
 */
const DEVICE = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’._+-]*";
const DEVICES = `${DEVICE}(?:[ \\t]+${DEVICE}){0,3}`;
/** Mail apps a footer names without "my": "Gesendet von Outlook für Android", "Verzonden vanuit Outlook voor iOS". */
const MAIL_APP = '(?:outlook|yahoo mail|aol mail|gmail|proton ?mail|mail|gmx|web\\.de|spark|bluemail|airmail)';
/** The Latin-script device in a Chinese, Japanese or Korean footer ("iPhone", "Samsung Galaxy"): a CJK word before "から送信" may be a sentence's. */
const LATIN_DEVICES = "[\\p{Script=Latin}\\p{N}][\\p{Script=Latin}\\p{N}'’._+-]*(?:[ \\t]+[\\p{Script=Latin}\\p{N}][\\p{Script=Latin}\\p{N}'’._+-]*){0,3}";

/**
 * The footer a phone or mail app adds ("Sent from my iPhone", "Von meinem Huawei-Handy
 * gesendet", "发自我的华为手机", "Отправлено с iPhone"), in the languages replies arrive in,
 * and the "get Outlook for iOS" line the Outlook app adds in each.
 */
const MOBILE_FOOTERS: readonly string[] = [
  `sent from my ${DEVICE}`,
  `sent (?:from|with|via) ${MAIL_APP}(?![\\p{L}])`,
  `get outlook for ${DEVICE}`,
  `von meinem ${DEVICES} gesendet`,
  `gesendet (?:von|mit|über) meinem ${DEVICE}`,
  `gesendet (?:von|mit|über) (?:der |dem )?(?:${MAIL_APP}|${DEVICE} mail)(?![\\p{L}])`,
  `(?:hol dir|holen sie sich) outlook für`,
  `outlook für ${DEVICE} herunterladen`,
  `envoyé (?:de|depuis|à partir de|avec) (?:mon|ma) ${DEVICE}`,
  `envoyé (?:de|depuis|à partir de|avec) (?:l['’]application )?${MAIL_APP}(?![\\p{L}])`,
  `(?:télécharger|téléchargez|obtenir|obtenez) outlook pour`,
  `inviato da(?:l mio)? ${DEVICE}`,
  `(?:scarica|ottieni) outlook per`,
  `(?:verstuurd|verzonden) (?:vanaf|met|vanuit|via) (?:mijn ${DEVICE}|${MAIL_APP}(?![\\p{L}]))`,
  `download outlook voor`,
  `outlook voor ${DEVICE} downloaden`,
  `enviado (?:do|desde|a partir do|a partir de|pelo|con) (?:meu |mi |o meu |el |la )?${DEVICE}`,
  `(?:obtener|descargar|descarga|obter|baixe|baixar) (?:o |el )?outlook para`,
  `wysłan[eo] z (?:mojego |mojej |aplikacji )?${DEVICE}`,
  `pobierz (?:aplikację )?outlook`,
  `skickat från (?:min ${DEVICE}|mitt ${DEVICE}|${MAIL_APP}(?![\\p{L}]))`,
  `(?:skaffa|hämta) outlook för`,
  // Japanese, Chinese and Korean: the footer is the whole line.
  `${LATIN_DEVICES}[ \\t]?から送信[ \\t]*$`,
  `(?:outlook for ${DEVICE}|${DEVICE}[ \\t]?版[ \\t]?outlook)[ \\t]?を入手[ \\t]*$`,
  `(?:发自|來自|来自)我的[^\\n]{1,20}$`,
  `(?:从|從)我的[^\\n]{1,20}(?:发送|傳送)[ \\t]*$`,
  `(?:获取|獲取|取得) outlook for ${DEVICE}[ \\t]*$`,
  `(?:${LATIN_DEVICES}[ \\t]*)?(?:스마트폰|휴대폰|폰|갤럭시|아이폰|모바일)?에서 보냄[ \\t]*$`,
  // Russian and Turkish, as prospects' phones write them whatever the reply's language.
  `отправлено (?:с|со|из) [^\\n]{1,40}$`,
  `[^\\n]{1,30}(?:dan|den|tan|ten) gönderildi[ \\t]*$`,
];
const MOBILE_FOOTER = new RegExp(`^[ \\t]*(?:${MOBILE_FOOTERS.join('|')})[^\\n]*$`, 'imu');

/**
 * The greetings that open a reply, by language ("Hi Sam,", "Dzień dobry Panie Marku,",
 * "Sehr geehrter Herr Dr. Weber,"): a line of a greeting and up to three capitalised
 * words is cut, so that the short answer under it ("Stop", "Uitschrijven") is not taken
 * for a name that starts the signature.
 */
const GREETINGS: readonly string[] = [
  // English
  'hi', 'hello', 'hey', 'hiya', 'dear', 'good morning', 'good afternoon', 'good evening', 'good day', "g'day", 'morning', 'greetings',
  // German
  'hallo', 'guten tag', 'guten morgen', 'moin', 'servus', 'grüß gott', 'grüezi', 'liebe', 'lieber', 'sehr geehrte', 'sehr geehrter',
  'sehr geehrte damen und herren',
  // French
  'bonjour', 'bonsoir', 'salut', 'cher', 'chère', 'madame', 'monsieur',
  // Spanish
  'hola', 'buenos días', 'buenos dias', 'buenas tardes', 'buenas', 'estimado', 'estimada', 'estimados',
  // Italian
  'ciao', 'buongiorno', 'buonasera', 'salve', 'gentile', 'gentilissimo', 'gentilissima', 'egregio', 'caro', 'cara',
  // Dutch
  'hoi', 'goedemorgen', 'goedemiddag', 'goedenavond', 'beste', 'geachte', 'dag',
  // Portuguese
  'olá', 'ola', 'oi', 'bom dia', 'boa tarde', 'boa noite', 'prezado', 'prezada', 'prezados',
  // Polish
  'dzień dobry', 'dzien dobry', 'witam', 'cześć', 'szanowny panie', 'szanowna pani', 'szanowni państwo', 'panie', 'pani',
  // Swedish (and Norwegian "hei")
  'hej', 'hejsan', 'hallå', 'god morgon', 'god dag', 'tjena', 'hei',
];
const GREETING = new RegExp(
  `^[ \\t]*(?:${[...GREETINGS].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])(?:[ \\t]+[\\p{Lu}][\\p{L}'.-]*){0,3}[ \\t]*[,!:.]?[ \\t]*(?:\\n|$)`,
  'iu',
);

/** "山田様", "王经理", "김철수님": a name with the honorific that addresses a Chinese, Japanese or Korean reader. */
const CJK_SALUTATION = '\\p{L}{1,6}[ \\t]?(?:様|さま|さん|殿|先生|经理|經理|总|總|老师|老師|님|씨)';
const CJK_GREETING_WORDS =
  '(?:いつも)?お世話になっております|お世話になります|お疲れ様です|お疲れさまです|こんにちは|はじめまして|初めまして|您好|你好|大家好|早上好|下午好|晚上好|早安|' +
  '안녕하세요|안녕하십니까|수고\\s*많으십니다|수고\\s*많으세요|수고하십니다|좋은\\s*아침입니다';
/** A Chinese, Japanese or Korean opening: the salutation (on its own, or before a greeting or a comma) and the greeting. */
const CJK_GREETING = new RegExp(
  `^\\s*(?:${CJK_SALUTATION}[ \\t]*[,，、:：!！]?(?=\\s|${CJK_GREETING_WORDS})\\s*|${CJK_SALUTATION}[ \\t]*[,，、:：!！]\\s*)?(?:(?:${CJK_GREETING_WORDS})[ \\t]*[。！!,，.:：]?\\s*)?`,
  'u',
);

/** The start of the quoted message below the reply, or -1. */
function quoteStart(text: string): number {
  let cut = -1;
  for (const pattern of QUOTE_STARTS) {
    const found = text.search(pattern);
    if (found >= 0 && (cut < 0 || found < cut)) cut = found;
  }
  return cut;
}

/** A Chinese, Japanese or Korean name alone on its line ("山田太郎", "山田 太郎", "王伟"), or a Korean one signing off ("김철수 드림"). */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]{1,4}(?:[ \t\u3000][\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}]{1,4})?$/u;
const KOREAN_SIGNED = /^[\p{Script=Hangul}]{2,5}[ \t]*(?:드림|올림|배상)$/u;

/**
 * A signature's first line: "Jane Doe | Controller", "Dr. Helen Park" — a name alone, or
 * fields split by | or ·. Chinese, Japanese and Korean names have no capitals, so theirs
 * counts when a signature block follows it on the next line (a title, company or phone:
 * a short closing paragraph such as "不需要" stands alone), or when it is signed "드림".
 */
function looksLikeSignatureStart(line: string, next: string | undefined): boolean {
  const trimmed = line.trim();
  if (KOREAN_SIGNED.test(trimmed)) return true;
  if (CJK_NAME.test(trimmed) && next !== undefined && next.trim() !== '') return true;
  if (/\S\s+[|·•]\s+\S/.test(trimmed)) return true;
  // 1–4 capitalised words (titles and initials allowed), no sentence punctuation: a name on its own line.
  return /^(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[\p{Lu}][\p{L}'-]*(?:\s+(?:[\p{Lu}]\.|[\p{Lu}][\p{L}'-]*)){0,3}$/u.test(trimmed);
}

/** The reply without quoted text, signature, footer and greeting. */
export function replyText(text: string): string {
  let own = text.replace(/\r\n?/g, '\n');
  const cut = quoteStart(own);
  if (cut >= 0) own = own.slice(0, cut);
  own = own
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
  const footer = own.search(MOBILE_FOOTER);
  if (footer >= 0) own = own.slice(0, footer);
  own = own.replace(GREETING, '').replace(CJK_GREETING, '');
  const lines = own.split('\n');
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blankBefore = i === 0 || lines[i - 1]!.trim() === '';
    // "-- " (the standard delimiter), a sign-off line, or a name block after a blank line, once there is text above.
    const signOff = SIGN_OFF.test(line) || CJK_SIGN_OFF.test(line);
    if (seenText && (/^--\s*$/.test(line) || signOff || (blankBefore && looksLikeSignatureStart(line, lines[i + 1])))) {
      return lines.slice(0, i).join('\n').trim();
    }
    // "興味はありません。よろしくお願いいたします。": the sign-off ends the reply's own line; what follows is the signature.
    const trailing = CJK_TRAILING_SIGN_OFF.exec(line);
    if (trailing && line.slice(0, trailing.index).trim() !== '') return [...lines.slice(0, i), line.slice(0, trailing.index)].join('\n').trim();
    if (line.trim() !== '') seenText = true;
  }
  return own.trim();
}
