import { diagnostic, START, type Diagnostic } from '../diagnostics.js';

/** What a scan's listing gives of an entry: its name, and whether it is a folder. */
interface Entry {
  name: string;
  isDirectory(): boolean;
}

// eslint-disable-next-line no-control-regex -- every character outside ASCII, control characters aside
const NOT_ASCII = /[^\u0000-\u007f]/;

/**
 * `normalization-twin` at each of the entries of folder `dir` whose names differ only by
 * Unicode normalisation: `café` written with é as one character (NFC, as Linux, Windows and
 * the web write it) beside `café` written as e and a combining accent (NFD, as macOS names
 * files). Linux and git keep both, byte for byte, and every message about the two then
 * prints the same path twice; macOS cannot hold both (its file systems compare names
 * normalised), so a clone there has one folder where git has two. Each one's message
 * spells its own name and its twin's with the code points written out, so the person can
 * tell which line is which.
 *
 * ASCII names have one form: only the others are normalised, so a folder of 10,000 deal
 * folders (all ASCII) costs a test of each name.
 */
export function normalizationTwinDiagnostics(dir: string, entries: readonly Entry[]): Diagnostic[] {
  const byForm = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (!NOT_ASCII.test(entry.name)) continue;
    const form = entry.name.normalize('NFC');
    const twins = byForm.get(form);
    if (twins) twins.push(entry);
    else byForm.set(form, [entry]);
  }
  const diagnostics: Diagnostic[] = [];
  for (const twins of byForm.values()) {
    if (twins.length < 2) continue;
    for (const entry of twins) {
      const others = twins.filter((other) => other !== entry);
      diagnostics.push(diagnostic(pathIn(dir, entry.name), START, 'error', 'normalization-twin', twinMessage(dir, entry, others)));
    }
  }
  return diagnostics;
}

function twinMessage(dir: string, entry: Entry, others: readonly Entry[]): string {
  const what = (e: Entry): string => (e.isDirectory() ? 'folder' : 'file');
  const spelled = (e: Entry): string => `${pathIn(dir, escaped(e.name))} (${formOf(e.name)})`;
  const twins = others.map((other) => `the ${what(other)} ${spelled(other)}`).join(' and ');
  return (
    `Unexpected twin: this ${what(entry)} is ${spelled(entry)}, and ${twins} has the same name written in another Unicode form — ` +
    'they print alike, and a clone on macOS holds only one of them: expected one name — move what one holds into the other and remove it'
  );
}

/** Every character outside ASCII as its code point, as JavaScript writes it (`cafe\u0301`), so two forms of one name read differently. */
function escaped(name: string): string {
  return [...name].map((c) => (NOT_ASCII.test(c) ? codePointEscape(c.codePointAt(0)!) : c)).join('');
}

function codePointEscape(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase();
  return codePoint > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

function formOf(name: string): string {
  if (name === name.normalize('NFC')) return 'composed, NFC';
  if (name === name.normalize('NFD')) return 'decomposed, NFD, as macOS writes names';
  return 'partly decomposed';
}

function pathIn(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}
