/**
 * Geography matching: `Berlin, Germany` matches an ICP geography `Germany`, `USA`
 * matches `United States`, and a country matches a region the ICP names (`DACH`,
 * `Europe`). Only the regions below are known; any other ICP geography matches by name.
 */

import { subdivisionPlaces } from './subdivisions.js';
import { containsPhrase, keptPerPair, keptPerText, lookup, normalizeText, phrasesOverlap } from './text.js';

/** Other names for one place; each list's first entry is the canonical name. */
const ALIASES: readonly (readonly string[])[] = [
  ['united states', 'us', 'usa', 'u s', 'u s a', 'vereinigte staaten', 'etats unis', 'estados unidos', 'verenigde staten', 'stati uniti', 'stany zjednoczone'],
  ['united kingdom', 'uk', 'u k', 'great britain', 'britain', 'england', 'scotland', 'wales', 'northern ireland', 'vereinigtes konigreich', 'grossbritannien', 'royaume uni', 'reino unido', 'verenigd koninkrijk', 'regno unito', 'wielka brytania'],
  ['united arab emirates', 'uae'],
  ['netherlands', 'holland', 'the netherlands', 'niederlande', 'nederland', 'pays bas', 'paises baixos', 'paises bajos', 'paesi bassi', 'holanda', 'holandia'],
  ['czechia', 'czech republic'],
  // Each country as CRMs in German, French, Spanish, Dutch, Italian, Portuguese and Polish write it
  // (the languages whose list headers are read: accounts/localised-headers.ts), accents folded as
  // normalizeText folds them: a German export's `Land: Deutschland` was outside an ICP's `Germany` or `DACH`.
  ['germany', 'deutschland', 'allemagne', 'alemania', 'duitsland', 'germania', 'alemanha', 'niemcy'],
  ['austria', 'osterreich', 'autriche', 'oostenrijk'],
  ['switzerland', 'schweiz', 'suisse', 'svizzera', 'suiza', 'zwitserland', 'suica', 'szwajcaria'],
  ['france', 'frankreich', 'francia', 'frankrijk', 'francja'], // not Portuguese `França`: `Franca` is also a city in Brazil
  ['spain', 'spanien', 'espagne', 'espana', 'spanje', 'spagna', 'espanha', 'hiszpania'],
  ['italy', 'italien', 'italie', 'italia', 'wlochy'],
  ['portugal', 'portugalia', 'portogallo'],
  ['poland', 'polen', 'pologne', 'polonia', 'polska'],
  ['belgium', 'belgien', 'belgique', 'belgica', 'belgie', 'belgio'],
  ['luxembourg', 'luxemburg', 'lussemburgo', 'luksemburg'],
  ['ireland', 'irland', 'irlande', 'irlanda', 'ierland', 'irlandia'],
];

const NORDICS = ['sweden', 'norway', 'denmark', 'finland', 'iceland'];
const BENELUX = ['belgium', 'netherlands', 'luxembourg'];
const DACH = ['germany', 'austria', 'switzerland'];
const EUROPE = [
  ...NORDICS, ...BENELUX, ...DACH,
  'united kingdom', 'ireland', 'france', 'spain', 'portugal', 'italy', 'greece', 'poland', 'czechia',
  'slovakia', 'hungary', 'romania', 'bulgaria', 'croatia', 'slovenia', 'estonia', 'latvia', 'lithuania',
  'malta', 'cyprus', 'serbia', 'ukraine', 'liechtenstein', 'monaco',
];

const REGIONS: Record<string, readonly string[]> = {
  'north america': ['united states', 'canada', 'mexico'],
  dach: DACH,
  nordics: NORDICS,
  nordic: NORDICS,
  scandinavia: ['sweden', 'norway', 'denmark'],
  benelux: BENELUX,
  europe: EUROPE,
  eu: EUROPE.filter((c) => !['united kingdom', 'norway', 'iceland', 'switzerland', 'serbia', 'ukraine', 'liechtenstein', 'monaco'].includes(c)),
  'uk and ireland': ['united kingdom', 'ireland'],
  'uk and i': ['united kingdom', 'ireland'],
  anz: ['australia', 'new zealand'],
};

/**
 * Places whose names hold the name of another place they are not in: New South Wales is in
 * Australia, New England in the United States. Matched by whole words, `Sydney, New South
 * Wales` would be in Wales, so in the United Kingdom and Europe (and not outside a UK
 * segment's disqualifier). Each is read as one word before any name is compared, on both
 * sides, so it still matches itself.
 */
const PLACES_NAMED_AFTER_OTHERS = ['new south wales', 'new england'];

/** `Sydney, New South Wales` → `sydney newsouthwales`: the borrowed name no longer a word of its own. */
function withPlacesAsOneWord(text: string): string {
  let normalized = normalizeText(text);
  for (const place of PLACES_NAMED_AFTER_OTHERS) {
    if (containsPhrase(normalized, place)) normalized = ` ${normalized} `.replaceAll(` ${place} `, ` ${place.replaceAll(' ', '')} `).trim();
  }
  return normalized;
}

/** The canonical names a piece of text mentions (`Berlin, Germany` → `germany`); kept per text. */
const placesIn = keptPerText(placesInUncached);

function placesInUncached(text: string): readonly string[] {
  const found = new Set<string>();
  for (const names of ALIASES) {
    if (names.some((name) => containsPhrase(text, name))) found.add(names[0]!);
  }
  const normalized = normalizeText(text);
  if (normalized) found.add(normalized);
  return [...found];
}

/** Whether a company's geography is (in) the ICP's; kept per pair, as every deal asks it of the same few targets. */
export const geographyMatches: (companyGeography: string, icpGeography: string) => boolean = keptPerPair(geographyMatchesUncached);

function geographyMatchesUncached(companyText: string, icpText: string): boolean {
  const companyGeography = withPlacesAsOneWord(companyText);
  const icpGeography = withPlacesAsOneWord(icpText);
  if (phrasesOverlap(companyGeography, icpGeography)) return true;
  // `New York, NY` names its country by its state: read from the text as written, before its comma and capitals are normalised away.
  const companyPlaces = [...placesIn(companyGeography), ...subdivisionPlaces(companyText)];
  const targetPlaces = placesIn(icpGeography);
  if (companyPlaces.some((place) => targetPlaces.some((target) => phrasesOverlap(place, target)))) return true;
  const region = lookup(REGIONS, normalizeText(icpGeography));
  if (!region) return false;
  return companyPlaces.some((place) => region.some((country) => containsPhrase(place, country)));
}
