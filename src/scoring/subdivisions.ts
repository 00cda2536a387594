/**
 * The country of a place written as North Americans write an address: a city and its state
 * or province after a comma, without the country (`New York, NY`, `Austin, Texas`,
 * `Toronto, ON`, `Reno, NV 89501`). A founder types a deal's `company.geography` so, and a
 * CRM's location column holds it so; read as no known place, `New York, NY` was
 * "Headquartered outside United States" — an account in Manhattan disqualified from a US
 * segment.
 *
 * Only the part after the last comma is read, so a state's name inside another name (`New
 * York Life`, a street) is never taken for it. A two-letter code counts only in capitals,
 * as addresses write it (`Berlin, in` is not Indiana). Georgia by its name is left out, a
 * country of its own (`Atlanta, GA` is read). A code that is also a country's own code
 * (ISO 3166: `IL` Israel, `IN` India, `DE` Germany, `CA` Canada …) says either, and is read
 * as both: `Chicago, IL` and `Tel Aviv, IL` are each in Illinois and in Israel. Read as the
 * state alone, `Tel Aviv, IL` was outside an Israel segment, and `Berlin, DE` outside a
 * DACH one — a disqualification on a guess; read as both, it is outside neither, while
 * `Toronto, ON` is still outside the United States.
 */

import { normalizeText } from './text.js';

const US_STATES: Record<string, string> = {
  AL: 'alabama', AK: 'alaska', AZ: 'arizona', AR: 'arkansas', CA: 'california', CO: 'colorado', CT: 'connecticut',
  DE: 'delaware', DC: 'district of columbia', FL: 'florida', HI: 'hawaii', ID: 'idaho', IL: 'illinois',
  IN: 'indiana', IA: 'iowa', KS: 'kansas', KY: 'kentucky', LA: 'louisiana', ME: 'maine', MD: 'maryland',
  MA: 'massachusetts', MI: 'michigan', MN: 'minnesota', MS: 'mississippi', MO: 'missouri', MT: 'montana',
  NE: 'nebraska', NV: 'nevada', NH: 'new hampshire', NJ: 'new jersey', NM: 'new mexico', NY: 'new york',
  NC: 'north carolina', ND: 'north dakota', OH: 'ohio', OK: 'oklahoma', OR: 'oregon', PA: 'pennsylvania',
  RI: 'rhode island', SC: 'south carolina', SD: 'south dakota', TN: 'tennessee', TX: 'texas', UT: 'utah',
  VT: 'vermont', VA: 'virginia', WA: 'washington', WV: 'west virginia', WI: 'wisconsin', WY: 'wyoming', GA: 'georgia',
};

const CANADIAN_PROVINCES: Record<string, string> = {
  AB: 'alberta', BC: 'british columbia', MB: 'manitoba', NB: 'new brunswick', NL: 'newfoundland and labrador',
  NS: 'nova scotia', NT: 'northwest territories', NU: 'nunavut', ON: 'ontario', PE: 'prince edward island',
  QC: 'quebec', SK: 'saskatchewan', YT: 'yukon',
};

/** Each code and name of a country's states or provinces, to the state's name and the country's canonical name (as regions.ts names countries). */
function byCodeAndName(subdivisions: Record<string, string>, country: string, namesLeftOut: readonly string[] = []): Map<string, readonly [string, string]> {
  const entries = Object.entries(subdivisions);
  return new Map([
    ...entries.map(([code, name]) => [code, [name, country]] as const),
    ...entries.filter(([, name]) => !namesLeftOut.includes(name)).map(([, name]) => [name, [name, country]] as const),
  ]);
}

const SUBDIVISIONS = new Map([...byCodeAndName(US_STATES, 'united states', ['georgia']), ...byCodeAndName(CANADIAN_PROVINCES, 'canada')]);

/** A ZIP code (`89501`, `89501-1234`) or Canadian postal code (`M5V 2T6`) after the state, as an address ends. */
const POSTAL_CODE = /\s+(?:\d{5}(?:-\d{4})?|[A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d)$/;

/** The state or province `text` ends in after a comma and its country (`Reno, NV` → `nevada`, `united states`); none for anything else. */
export function subdivisionPlaces(text: string): readonly string[] {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return [];
  const tail = text.slice(comma + 1).trim().replace(POSTAL_CODE, '').trim();
  if (/^[A-Z]{2}$/.test(tail)) {
    const state = SUBDIVISIONS.get(tail) ?? [];
    const country = COUNTRIES_SHARING_A_CODE[tail];
    return country === undefined ? state : [...state, country];
  }
  return /^[a-zA-Z]{2}$/.test(tail) ? [] : (SUBDIVISIONS.get(normalizeText(tail)) ?? []);
}

/** The countries whose ISO 3166 code is also a US state's or Canadian province's (the name as regions.ts writes countries). */
const COUNTRIES_SHARING_A_CODE: Record<string, string> = {
  AL: 'albania', AR: 'argentina', AZ: 'azerbaijan', CA: 'canada', CO: 'colombia', DE: 'germany', GA: 'gabon',
  ID: 'indonesia', IL: 'israel', IN: 'india', KY: 'cayman islands', LA: 'laos', MA: 'morocco', MD: 'moldova',
  ME: 'montenegro', MN: 'mongolia', MO: 'macao', MS: 'montserrat', MT: 'malta', NC: 'new caledonia', NE: 'niger',
  NL: 'netherlands', NU: 'niue', PA: 'panama', PE: 'peru', SC: 'seychelles', SD: 'sudan', SK: 'slovakia', TN: 'tunisia',
  VA: 'vatican city',
};

/** The countries whose states or provinces SUBDIVISIONS knows, as a place is written. */
const COUNTRY_AS_WRITTEN: Record<string, string> = { 'united states': 'United States', canada: 'Canada' };

/**
 * A state or province written alone, as a CRM's state column holds it (`Texas`, `TX`,
 * `Ontario`), with its country after a comma (`Texas, United States`), so that the country
 * it is in is read as `New York, NY`'s is. The column says it is a state, so a code in any
 * case counts and Georgia is the US state; anything else (`Bavaria`) comes back as written.
 */
export function stateWithCountry(state: string): string {
  const written = state.trim();
  const known = SUBDIVISIONS.get(written.toUpperCase()) ?? SUBDIVISIONS.get(normalizeText(written)) ?? (normalizeText(written) === 'georgia' ? (['georgia', 'united states'] as const) : undefined);
  return known ? `${written}, ${COUNTRY_AS_WRITTEN[known[1]]}` : written;
}
