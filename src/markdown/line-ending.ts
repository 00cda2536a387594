/**
 * The line ending a file mostly uses, for the lines threadwork writes into it (front
 * matter, a key, a managed block, a meta.json, a new stage beside it): CRLF when more of its
 * line breaks are `\r\n` than a bare `\n`, LF otherwise (and for a file without a line
 * break). Asking whether the file held any `\r\n` at all gave a mostly-LF file with one
 * CRLF line (a line pasted from a Windows editor) a CRLF front matter; asking its first
 * line break only did the same when that line came first.
 */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  let crlf = 0;
  let lf = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (at > 0 && text[at - 1] === '\r') crlf += 1;
    else lf += 1;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Whether the file's lines end in a lone carriage return (CR, as classic Mac OS saved text):
 * a CR and never an LF. Read as one line, no labelled line of it can be found.
 */
export function endsLinesInLoneCr(text: string): boolean {
  return text.includes('\r') && !text.includes('\n');
}
