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

/** A line that only closes the message: what follows is the signature. */
const SIGN_OFF =
  /^[ \t]*(?:best|best wishes|best regards|kind regards|warm regards|warmly|regards|many thanks|thanks|thanks again|thank you|thx|cheers|sincerely|yours|all the best|talk soon|br|viele grüße|beste grüße|liebe grüße|mit freundlichen grüßen|gruß|grüße|lg|vg|mfg|cordialement|bien à vous|bien cordialement|merci|saludos|un saludo|atentamente|gracias|cordiali saluti|saluti|distinti saluti|grazie|met vriendelijke groet|met vriendelijke groeten|vriendelijke groet|groeten|groet|mvg|hälsningar|med vänlig hälsning|vänliga hälsningar|mvh|atenciosamente|cumprimentos|com os melhores cumprimentos|obrigado|obrigada|pozdrawiam|z poważaniem|z wyrazami szacunku|よろしくお願いいたします|よろしくお願いします|宜しくお願い致します|谢谢|此致|祝好|감사합니다)[ \t]*[,.!。！]?[ \t]*$/i;

const MOBILE_FOOTER = /^[ \t]*(?:sent from my \w+|get outlook for \w+|sent from (?:outlook|mail) for \w+|von meinem \w+ gesendet|envoyé de mon \w+|(?:verstuurd|verzonden) (?:vanaf|met) mijn \w+|inviato da(?:l mio)? \w+|enviado (?:do|desde|a partir do) (?:meu |mi |o meu )?\w+|skickat från min \w+|wysłane z (?:mojego )?\w+|\w+から送信|发自我的\w+|\w+에서 보냄)[^\n]*$/imu;

/** A greeting that opens the reply, in the languages prospects write in: "Hi Sam,", "Hallo,", "Bonjour Claire". */
const GREETING = /^[ \t]*(?:hi|hello|hey|dear|hallo|hola|bonjour|salut|ciao|buongiorno|buenos días|guten tag|moin|servus|hej|hei|olá|good morning|good afternoon)\b(?:[ \t]+[\p{Lu}][\p{L}'-]*){0,2}[ \t]*[,!:.]?[ \t]*(?:\n|$)/iu;

/** The start of the quoted message below the reply, or -1. */
function quoteStart(text: string): number {
  let cut = -1;
  for (const pattern of QUOTE_STARTS) {
    const found = text.search(pattern);
    if (found >= 0 && (cut < 0 || found < cut)) cut = found;
  }
  return cut;
}

/** A signature's first line: "Jane Doe | Controller", "Dr. Helen Park" — a name alone, or fields split by | or ·. */
function looksLikeSignatureStart(line: string): boolean {
  const trimmed = line.trim();
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
  own = own.replace(GREETING, '');
  const lines = own.split('\n');
  let seenText = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blankBefore = i === 0 || lines[i - 1]!.trim() === '';
    // "-- " (the standard delimiter), a sign-off line, or a name block after a blank line, once there is text above.
    if (seenText && (/^--\s*$/.test(line) || SIGN_OFF.test(line) || (blankBefore && looksLikeSignatureStart(line)))) {
      return lines.slice(0, i).join('\n').trim();
    }
    if (line.trim() !== '') seenText = true;
  }
  return own.trim();
}
