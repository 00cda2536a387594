/**
 * Who buys: the contact titles on won deals, and their seniority (src/scoring/seniority.ts).
 * Counted once per deal, so a deal that lists two CFOs does not make CFOs look twice as
 * common; the share is of won deals.
 */

import { seniorityOf, titleKeywords, type Seniority } from '../scoring/index.js';
import { groupKey } from './win-loss-groups.js';

/**
 * One persona, however its title is spelled: the keywords the title match reads
 * (`Chief Financial Officer` = `CFO`, `VP of Finance` = `VP Finance`), which fold a feminine
 * form to its title (`Directora General` = `Director General`) — a Spanish founder's won
 * deals listed the chief executive twice, once per gender, each at half the share.
 */
function personaKey(title: string): string {
  return [...titleKeywords(title)].join(' ') || groupKey(title);
}

export interface PersonaCount<T extends string = string> {
  value: T;
  deals: number;
  share: number;
}

export interface BuyerPersonas {
  titles: PersonaCount[];
  roles: PersonaCount<Seniority>[];
}

export function buyerPersonas(wonContacts: readonly (readonly { title?: string | null | undefined }[])[]): BuyerPersonas {
  const titles = new Map<string, { value: string; deals: number }>();
  const roles = new Map<Seniority, number>();
  for (const contacts of wonContacts) {
    const dealTitles = new Map<string, string>();
    for (const contact of contacts) {
      const title = typeof contact?.title === 'string' ? contact.title.trim().replace(/\s+/g, ' ') : '';
      if (title && !dealTitles.has(personaKey(title))) dealTitles.set(personaKey(title), title);
    }
    for (const [key, title] of dealTitles) {
      const entry = titles.get(key) ?? { value: title, deals: 0 };
      entry.deals += 1;
      titles.set(key, entry);
    }
    const dealRoles = new Set([...dealTitles.values()].map(seniorityOf).filter((r): r is Seniority => r !== undefined));
    for (const role of dealRoles) roles.set(role, (roles.get(role) ?? 0) + 1);
  }
  const total = wonContacts.length;
  const share = (deals: number): number => (total > 0 ? deals / total : 0);
  const byCount = <T extends string>(a: PersonaCount<T>, b: PersonaCount<T>): number => b.deals - a.deals || a.value.localeCompare(b.value);
  return {
    titles: [...titles.values()].map((t) => ({ value: t.value, deals: t.deals, share: share(t.deals) })).sort(byCount),
    roles: [...roles].map(([value, deals]) => ({ value, deals, share: share(deals) })).sort(byCount),
  };
}
