import { isAbsolute } from 'node:path';
import { controlCharactersIn, hasControlCharacter } from '../diagnostics.js';
import { ThreadworkError } from '../errors.js';
import { foldToLatin } from '../latin-fold.js';

const MAX_SLUG_LENGTH = 60;
const PLAIN_NAME = 'Expected a plain name such as "Acme Corp"; it becomes a folder under threads/.';
/** What to do when a name gives no folder name: the commands that create threads take one. */
export const NAME_THE_FOLDER = 'Name the folder yourself with --slug, e.g. --slug acme-japan.';

/**
 * Bidirectional controls and zero-width characters: U+200B–U+200F (zero-width space,
 * joiners, LRM/RLM), U+202A–U+202E (embeddings and overrides: U+202E makes
 * `acme\u202Etxt.exe` display as `acmeexe.txt`), U+2060–U+2064 (word joiner, invisible
 * operators), U+2066–U+2069 (isolates) and U+FEFF (a BOM inside text). Invisible, they
 * make two names that look the same differ, or a name display as something it is not.
 */
export const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Whether `text` carries a bidi control or zero-width character (see INVISIBLE). */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE.source).test(text);
}

/**
 * A name or title as typed, made safe to store and display: the invisible and bidi
 * characters are removed (not refused: they arrive by copy-paste far more often than by
 * malice, and removing them changes nothing a person can see), whitespace is trimmed, and
 * accents are composed (NFC): macOS hands out `e` + U+0308 where Linux and the web write
 * `ë`, and the two must be one name in meta.json, in a search and in a report.
 * A tab is written as a space: pasted from a spreadsheet cell or a CRM export, it is the
 * whitespace between two words, not a control character to refuse (a line break is one).
 * Used for company names, campaign names and titles written to meta.json.
 */
export function cleanName(name: string): string {
  return name.replace(INVISIBLE, '').replace(/\t/g, ' ').trim().normalize('NFC');
}

/**
 * The company name `init` writes into the config, README.md's heading and the first
 * commit's subject: cleaned as every name is, and refused with a control character (a
 * line break would split the heading and turn the rest into a commit body). Unlike a deal
 * name it is no folder name, so `/` and the like are fine. A name with nothing left once
 * cleaned (`--company ""`, an unset shell variable) is refused too: writing the placeholder
 * in its place would look like a name taken.
 */
export function companyName(typed: string): string {
  const name = cleanName(typed);
  if (hasControlCharacter(name)) throw refused('company name', typed, controlCharactersIn(name), 'Expected the name on one line, such as "Acme Analytics".');
  if (!name) throw refused('company name', typed, 'it is empty', 'Expected a name such as "Acme Analytics"; without --company, init writes the placeholder "Your company".');
  return name;
}

/** What a title looks like, for a blank `--title`: leaving it out is the usual way. */
export const PLAIN_TITLE = 'Expected a title such as "Acme Corp platform rollout"; leave out --title to use the name.';

/**
 * `typed` as {@link cleanName} leaves it, refused when nothing is left (`"   "`, an unset
 * shell variable, a zero-width space alone): said to be blank, with what a name looks
 * like, where the folder-name check answered "no letters or digits" and echoed `""`, and
 * a given --slug let it through to fail as meta.json's empty title. Refused too with a
 * control character (a line break, a bell; a tab is a space by then): the folder-name check
 * refuses one, but a title and a name given with --slug never reach it, and a line break
 * would split the stage file's heading.
 */
export function givenName(typed: string, what = 'name', expected = PLAIN_NAME): string {
  const name = cleanName(typed);
  if (!name) throw new ThreadworkError(`Refused ${what}: it is blank. ${expected}`, 'invalid-name', { name: typed });
  if (hasControlCharacter(name)) throw refused(what, name, controlCharactersIn(name), expected);
  return name;
}

/** What a segment, goal and subgoal id look like, said when one is refused. */
const ID_EXPECTED = {
  segment: 'Expected a segment id from strategy/canvas/04-segments.md, such as mid-market-fintech, on one line.',
  goal: 'Expected a goal id from goals/, such as g-arr-500k-2026, on one line.',
  subgoal: 'Expected a subgoal id of the goal, such as SG1, on one line.',
} as const;

/**
 * A segment, goal or subgoal id with a control character (`fintech\t` pasted from a table, an
 * agent's stray `\n`, an escape code) is no id: refused for it, each character named
 * U+XXXX, as a thread argument is refused — never looked up and answered "Unknown
 * segment", which sent the user hunting for a typo they cannot see.
 */
export function refuseControlInId(what: keyof typeof ID_EXPECTED, id: string): void {
  if (!hasControlCharacter(id)) return;
  throw new ThreadworkError(`Refused ${what} ${JSON.stringify(id)}: ${controlCharactersIn(id)}. ${ID_EXPECTED[what]}`, 'invalid-arguments', { [what]: id });
}

/**
 * Whether two names are the same company or campaign, as a person reads them: case,
 * accents' encoding, invisible characters and the run of spaces between words aside
 * ("Northwind  Payments" pasted from an export is "Northwind Payments"). Compared only:
 * the name is stored as written.
 */
export function sameName(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

function comparable(name: string): string {
  return cleanName(name).replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Turns a name people type ("Café Zürich AG", "AT&T") into a folder name
 * ("cafe-zurich-ag", "at-and-t"). Anything that could escape its folder — path
 * separators, `..`, absolute paths, control characters — is refused rather than
 * silently rewritten, so a hostile or mistyped name never lands somewhere unexpected.
 *
 * Folder names are ASCII (`a-z`, `0-9`, `-`) on purpose: they are ids in meta.json, in
 * `thread:` sources and in URLs, and an ASCII name cannot be two names that differ only
 * by Unicode normalisation (macOS stores NFD, git and Linux keep bytes), nor be quoted by
 * git. Latin letters lose their accents, and those with no accent to lose are
 * transliterated (`Bjørn Ølsen AS` → `bjorn-olsen-as`, see {@link foldToLatin}); a name with no letter that has a Latin form
 * (日本株式会社, Яндекс) is refused with that reason: the caller names the folder itself
 * (`--slug`, checked by {@link checkedSlug}).
 */
export function slugify(typed: string, what = 'name', otherwise = PLAIN_NAME, workspaceCompany?: string | null): string {
  const name = refuseUnsafe(typed, what, otherwise === NAME_THE_FOLDER ? slugAdvice(typed) : PLAIN_NAME);
  const slug = nameSlug(withInitialsJoined(name), workspaceCompany);
  if (!slug) {
    const why = lettersWithoutLatinForm(name).length > 0 ? 'its letters have no Latin form (a-z) to make a folder name from' : 'it has no letters or digits to make a folder name from';
    throw refused(what, name, why, otherwise);
  }
  return trimSlug(slug);
}


/**
 * The folder name threadwork makes from prose it derives a thread from — a content
 * opportunity's `topic`, a validated assumption's `statement` — as {@link slugify} makes
 * one, but never refused: the text is a sentence, not a name typed for a folder, and its
 * slug holds only `a-z`, `0-9` and `-`, so a `/` (`€300/month`), an ellipsis (`..`), a
 * leading `~` or `Q:` cannot lead anywhere. Refusing them made one such sentence stop the
 * whole sync. Empty when the text has no letter or digit with a Latin form.
 */
export function slugOfText(text: string): string {
  return trimSlug(asciiSlug(cleanName(text)));
}

/**
 * The folder a content opportunity's thread opens in: its topic's words ({@link slugOfText}),
 * or, for a topic with no letter that has a Latin form (`冷蔵チェーンの夜間監視`), the folder
 * name of the thread that asked for it and `-content` — so that a founder who writes in
 * Japanese or Chinese gets the thread every other topic gets, where an empty slug opened
 * none and said nothing. The topic stays the thread's title, as written.
 */
export function contentSlug(topic: string, askedBy: string): string {
  return slugOfText(topic) || trimSlug(`${asciiSlug(askedBy)}-content`);
}

/**
 * The letters and digits of `typed` that a folder name made by {@link slugify} leaves out
 * ("日本" of "Sony 日本", which becomes `sony`), so the caller can say so rather than drop
 * them quietly. Empty for a Latin name.
 */
export function lettersWithoutLatinForm(typed: string): string[] {
  const words = foldToLatin(cleanName(typed)).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => w.replace(/[a-zA-Z0-9]+/g, ' ').trim()).filter(Boolean).map((w) => w.normalize('NFC'));
}

/**
 * A folder name given as is (`--slug`): lower-case ASCII letters and digits in words
 * joined by single hyphens, at most 60 characters — what {@link slugify} makes.
 */
export function checkedSlug(slug: string, what = 'folder name'): string {
  const expected = 'Expected lower-case a-z and 0-9 in words joined by single hyphens, such as "acme-japan".';
  if (slug.length > MAX_SLUG_LENGTH) throw refused(what, slug, `it is longer than ${MAX_SLUG_LENGTH} characters`, expected);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw refused(what, slug, 'it is not a folder name threadwork makes', expected);
  return slug;
}

function refuseUnsafe(typed: string, what: string, expected = PLAIN_NAME): string {
  const name = cleanName(typed);
  if (hasControlCharacter(name)) throw refused(what, name, controlCharactersIn(name));
  if (name.includes('/') || name.includes('\\')) throw refused(what, name, 'it contains a path separator (/ or \\)', expected);
  if (name.includes('..')) throw refused(what, name, 'it contains `..`', expected);
  if (isAbsolute(name) || /^[a-zA-Z]:/.test(name) || name.startsWith('~')) throw refused(what, name, 'it is an absolute path', expected);
  return name;
}

/**
 * What to do about a real name refused for what it would do as a path (`Kaffee/Tee Handel`,
 * `Bean Co...`): the command that takes `--slug` keeps the name as the title, so the advice
 * is the folder name to give — "a plain name such as Acme Corp" left the company no way in.
 */
function slugAdvice(typed: string): string {
  const slug = trimSlug(nameSlug(withInitialsJoined(cleanName(typed))));
  return slug ? `Name the folder yourself with --slug, e.g. --slug ${slug}: the name is kept as written as the title.` : NAME_THE_FOLDER;
}

/**
 * Initials written with dots, as legal forms are in Spain and France (`S.A.`, `S.L.U.`,
 * `S.A.S.`) and places often (`U.S.`): one word, `sa`, where each letter made a word of its
 * own and `Transportes Ibérica S.A.` opened `transportes-iberica-s-a`. Only for a name typed
 * for a folder ({@link slugify}): a thread opened from prose (a content topic) keeps the
 * folder name it was first opened under, found again by the same slug on every sync.
 */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu;

function withInitialsJoined(name: string): string {
  return name.replace(DOTTED_INITIALS, (initials) => initials.replaceAll('.', ''));
}

/**
 * The languages a company name shows by its legal form, and the word each reads `&` as.
 * A German form (`GmbH`, `AG`, `KG`, `UG`, `e.K.` …) or an `ß` makes the name German; a
 * French (`SARL`, `SAS`), Spanish (`S.L.`), Italian (`S.p.A.`, `S.r.l.`) or Dutch (`B.V.`,
 * `N.V.`) form makes it that language. `SA` (French, Spanish, Swiss, Polish alike) and a
 * name with no form say nothing: `&` is then "and", as it always was.
 */
const NAME_LANGUAGES: readonly { lang: 'de' | 'fr' | 'es' | 'it' | 'nl' | 'nordic'; and: string; form: RegExp }[] = [
  { lang: 'de', and: 'und', form: /(?<![\p{L}\p{N}])(?:gmbh|mbh|ag|kg|kgaa|ohg|ug|gbr|eg|ek|ev|kommanditgesellschaft|aktiengesellschaft)(?![\p{L}\p{N}])|ß|ẞ/iu },
  { lang: 'fr', and: 'et', form: /(?<![\p{L}\p{N}])(?:sarl|sas|sasu|eurl|sci|snc)(?![\p{L}\p{N}])/iu },
  { lang: 'es', and: 'y', form: /(?<![\p{L}\p{N}])(?:sl|slu|sau|sll)(?![\p{L}\p{N}])/iu },
  { lang: 'it', and: 'e', form: /(?<![\p{L}\p{N}])(?:spa|srl|srls|sapa)(?![\p{L}\p{N}])/iu },
  { lang: 'nl', and: 'en', form: /(?<![\p{L}\p{N}])(?:bv|nv|vof)(?![\p{L}\p{N}])/iu },
  // Swedish, Finnish, Norwegian, Danish: `ö` written plain, so a German workspace's `Malmö Verkstad AB` stays `malmo-…`.
  { lang: 'nordic', and: 'and', form: /(?<![\p{L}\p{N}])(?:ab|oy|oyj|asa|aps)(?![\p{L}\p{N}])/iu },
];

/**
 * German umlauts as German writes them without the dots: `Müller` is `Mueller` (a
 * different name from `Muller`), `Zürich` `Zuerich`, `Bäckerei` `Baeckerei`. Only in a
 * name read as German ({@link NAME_LANGUAGES}): Swedish, Finnish, Turkish and Hungarian
 * write `ö`/`ü` plain (`Malmö` → `malmo`).
 */
const GERMAN_UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** The language of a name typed for a folder, by its legal form (with dotted initials joined: `S.L.` is `SL`). */
function nameLanguage(name: string): (typeof NAME_LANGUAGES)[number] | undefined {
  return NAME_LANGUAGES.find((l) => l.form.test(name));
}

/** The language a company name shows by its legal form (`Müller & Söhne GmbH` → `de`), or undefined. */
export function companyNameLanguage(name: string): (typeof NAME_LANGUAGES)[number]['lang'] | undefined {
  return nameLanguage(withInitialsJoined(cleanName(name)))?.lang;
}

/**
 * A company or campaign name typed for a folder, in the language it shows — by its own
 * legal form, else by that of the workspace's company (`Sensorik Nachrüst GmbH` makes
 * `Frühjahr Süd` `fruehjahr-sued`): German
 * umlauts written out and `&` read as that language's "and" (`Müller & Söhne GmbH` →
 * `mueller-und-soehne-gmbh`). Folder names made from prose ({@link slugOfText}) keep the
 * plain fold: a content thread is found again on every sync by the slug it was opened
 * under, and existing folders are never renamed. Only new folders are named this way.
 */
function nameSlug(name: string, workspaceCompany?: string | null): string {
  // A name with no legal form of its own (a campaign's, "Schäfer Werkzeugbau") is read in the language of our own company's (config `company`).
  const language = nameLanguage(name) ?? (workspaceCompany ? nameLanguage(withInitialsJoined(cleanName(workspaceCompany))) : undefined);
  const spelt = language?.lang === 'de' ? name.normalize('NFC').replace(/[äöüÄÖÜ]/g, (u) => GERMAN_UMLAUTS[u]!) : name;
  return asciiSlug(spelt, language?.and);
}

function asciiSlug(name: string, and = 'and'): string {
  return foldToLatin(name)
    .replace(/&/g, ` ${and} `)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether {@link slugify} cuts the folder name of `typed` to 60 characters (two long names can then make one folder). */
export function slugShortened(typed: string, workspaceCompany?: string | null): boolean {
  return nameSlug(withInitialsJoined(cleanName(typed)), workspaceCompany).length > MAX_SLUG_LENGTH;
}

/**
 * A folder name like `slug` that `taken` does not hold: `slug-2`, `slug-3`, … cut so the
 * whole stays within 60 characters, for a message that suggests one.
 */
export function freeSlug(slug: string, taken: (candidate: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

function trimSlug(slug: string, max = MAX_SLUG_LENGTH): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > Math.floor(max / 3) ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/**
 * The words of {@link slugOfText} that fit in `max` characters, cut where a word ends: the
 * proof thread of an assumption is named `{id}-` and the first words of its statement, and
 * cutting at a fixed length named one `a1-transitarios-with-50-staff-lose-more-than-10-hou`.
 */
export function slugOfTextWithin(text: string, max: number): string {
  return trimSlug(slugOfText(text), max);
}

function refused(what: string, name: string, why: string, expected = PLAIN_NAME): ThreadworkError {
  return new ThreadworkError(
    `Refused ${what} ${JSON.stringify(name)}: ${why}. ${expected}`,
    'invalid-name',
    { name },
  );
}
