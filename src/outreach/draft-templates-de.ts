/**
 * The German touch templates: the same ten names, channels and rules as
 * draft-templates.ts (text from the canvas introduced by a colon, optional sentences
 * dropped first), written in the formal Sie a German, Austrian or Swiss buyer expects.
 * The signal hooks and the why-now sentence are English prose (signal-hooks.ts), so a
 * German draft leaves them out rather than mix languages: the person adds the opener.
 */

import type { Channel } from './sequences.js';
import type { DraftContext } from './draft-context.js';
import { pickSubject, type DraftTemplate, type Sentence, type TemplateOutput } from './draft-templates.js';

const opt = (text: string | undefined | null): Sentence => (text ? { optional: text } : null);
const email = (subject: string, paragraphs: Sentence[][]): TemplateOutput => ({ kind: 'email', subject, paragraphs });
/** `Unternehmen wie Müller & Söhne`: the industry is left out, as German would need its case and article. */
const peers = (c: DraftContext): string => `Unternehmen wie ${c.company}`;
const painLine = (c: DraftContext): Sentence => c.pain && `Ein Problem, das wir bei ${peers(c)} oft hören: ${c.pain}.`;
const uvpLine = (c: DraftContext): Sentence => c.uvp && `Was wir${c.us ? ` bei ${c.us}` : ''} tun: ${c.uvp}.`;
const pilotLine = (c: DraftContext): string =>
  `Ein risikoarmer Weg, das bei ${c.company} zu testen: ein kurzer Pilot${c.pilotFee ? ` (${c.pilotFee})` : ''} mit Ihren eigenen Daten, mit Ergebnissen vor jeder größeren Entscheidung.`;

/** The greeting of a German email: the full name, as a formal email addresses someone whose gender it does not know. */
export function germanGreeting(c: Pick<DraftContext, 'fullName' | 'first'>): string {
  return c.first ? `Guten Tag ${c.fullName},` : 'Guten Tag,';
}

export const DRAFT_TEMPLATES_DE: Readonly<Record<string, DraftTemplate>> = {
  'cold-1-problem': {
    channel: 'email',
    render: (c) => email(pickSubject(`Eine Frage zu ${c.company}`, 'Eine kurze Frage'), [
      [painLine(c), uvpLine(c)],
      [`Wäre ein 20-minütiges Gespräch nächste Woche sinnvoll, um zu sehen, ob das auf ${c.company} zutrifft?`],
    ]),
  },
  'cold-2-insight': {
    channel: 'email',
    render: (c) => email(pickSubject(`Eine Idee für ${c.company}`, 'Eine Idee'), [
      [c.pain && `Ein Muster, das wir bei ${peers(c)} immer wieder sehen: ${c.pain}.`, opt(c.uvp && `Was wir tun: ${c.uvp}.`)],
      ['Hätten Sie Interesse an einem kurzen Austausch?'],
    ]),
  },
  'cold-3-case-study': {
    channel: 'email',
    render: (c) => email(pickSubject(`Ein Ergebnis für ${c.company}`, 'Ein Ergebnis, das sich lohnt'), [
      c.proof ? [`Ein Ergebnis bei einem Unternehmen ähnlich wie ${c.company}: ${c.proof}.`, `Ich denke, ${c.company} könnte Ähnliches erreichen.`] : [uvpLine(c)],
      [c.proof ? 'Sind Ihnen 20 Minuten wert, um durchzugehen, wie sie es gemacht haben?' : `Sind Ihnen 20 Minuten wert, um zu sehen, wie das bei ${c.company} aussehen könnte?`],
    ]),
  },
  'cold-4-value': {
    channel: 'email',
    render: (c) => email(pickSubject(`Ein risikoarmer Pilot für ${c.company}`, 'Ein risikoarmer Pilot'), [
      [pilotLine(c)],
      [opt(c.uvp && `Was Sie testen würden: ${c.uvp}.`), opt(c.secondProof && `Ein anderes Unternehmen hat Folgendes erreicht: ${c.secondProof}.`)],
      ['Hätten Sie diese Woche Zeit für ein Gespräch, um den Umfang abzustecken?'],
    ]),
  },
  'cold-5-breakup': {
    channel: 'email',
    render: (c) => email(pickSubject(`Zum Abschluss: ${c.company}`, 'Zum Abschluss'), [
      [c.pain && `Ich habe Ihnen einige Male zu einem Problem bei ${c.company} geschrieben: ${c.pain}.`],
      ['Da ich nichts von Ihnen gehört habe, gehe ich davon aus, dass der Zeitpunkt nicht passt, und schließe das Thema ab.'],
      ['Sollte sich das ändern, antworten Sie einfach auf diese Nachricht.'],
    ]),
  },
  'follow-up-1-recap': {
    channel: 'email',
    render: (c) => email(pickSubject(`Kurze Zusammenfassung für ${c.company}`, 'Kurze Zusammenfassung'), [
      [`Kurz zusammengefasst, warum ich mich bei ${c.company} gemeldet habe.`],
      [c.pain && `Das Problem: ${c.pain}.`, c.uvp && `Was wir tun: ${c.uvp}.`, opt(c.proof && `Der Beleg: ${c.proof}.`)],
      ['Würde ein kurzes Gespräch diese Woche helfen zu entscheiden, ob es sich lohnt?'],
    ]),
  },
  'follow-up-2-call': { channel: 'call', render: (c) => callScript(c) },
  'follow-up-3-value': {
    channel: 'email',
    render: (c) => email(pickSubject(`Etwas Nützliches für ${c.company}`, 'Etwas Nützliches'), [
      [c.proof ? `Etwas, das für ${c.company} nützlich sein könnte: ${c.proof}.` : uvpLine(c)],
      [opt(c.pain && `Es betrifft ein Problem, das wir oft hören: ${c.pain}.`)],
      ['Können wir nächste Woche 20 Minuten finden, um es durchzugehen?'],
    ]),
  },
  'follow-up-4-linkedin': { channel: 'linkedin', render: (c) => linkedinNote(c) },
  'follow-up-5-breakup': {
    channel: 'email',
    render: (c) => email(pickSubject(`Zum Abschluss: ${c.company}`, 'Zum Abschluss'), [
      [`Ich möchte Ihr Postfach nicht weiter füllen, daher ist dies meine letzte Nachricht zu ${c.company}.`],
      [c.pain && `Wenn das Thema (${c.pain}) Priorität bekommt, antworten Sie gern hier und wir finden einen Termin.`, !c.pain && 'Wenn sich der Zeitpunkt ändert, antworten Sie gern hier und wir finden einen Termin.'],
      ['Vielen Dank fürs Lesen.'],
    ]),
  },
};

export const FALLBACK_TEMPLATES_DE: Readonly<Record<Channel, DraftTemplate>> = {
  email: {
    channel: 'email',
    render: (c) => email(pickSubject(`Eine Frage zu ${c.company}`, 'Eine kurze Frage'), [
      [painLine(c), uvpLine(c)],
      [`Wäre ein 20-minütiges Gespräch nächste Woche für ${c.company} sinnvoll?`],
    ]),
  },
  call: { channel: 'call', render: (c) => callScript(c) },
  linkedin: { channel: 'linkedin', render: (c) => linkedinNote(c) },
};

function callScript(c: DraftContext): TemplateOutput {
  const hi = c.first ? `Guten Tag ${c.fullName}` : 'Guten Tag';
  const who = c.title ? `${c.fullName}, ${c.title} bei ${c.company}` : `${c.fullName} bei ${c.company}`;
  const lines = [
    `Gesprächsleitfaden: ${who}`,
    '',
    `1. Einstieg: "${hi}, hier ist ${c.us ?? 'unser Team'} wegen einer Nachricht, die ich an ${c.company} geschickt habe. Haben Sie zwei Minuten?"`,
    `2. Anlass: fragen, was sich bei ${c.company} in diesem Quartal ändert.`,
    `3. Bedarf: das Problem bestätigen${c.pain ? ` (${c.pain})` : ''}, wie es heute gelöst wird und was es kostet.`,
    `4. Nutzen: ${c.uvp ? `${c.uvp}.` : 'was wir tun, in einem Satz.'}${c.proof ? ` Beleg: ${c.proof}.` : ''}`,
    '5. Abschluss: "Können wir diese Woche 20 Minuten vereinbaren, um es uns genauer anzusehen?"',
    '',
    `Mailbox: "${hi}, hier ist ${c.us ?? 'unser Team'} wegen meiner Nachricht an ${c.company}. Ich melde mich per E-Mail."`,
  ];
  return { kind: 'text', subject: pickSubject(`Anruf: ${c.fullName}, ${c.company}`, `Anruf: ${c.company}`, 'Anruf'), text: lines.join('\n') };
}

const LINKEDIN_NOTE_LIMIT = 300;

function linkedinNote(c: DraftContext): TemplateOutput {
  const hi = c.first ? `Guten Tag ${c.fullName},` : 'Guten Tag,';
  const close = `Ich habe Ihnen zu ${c.company} geschrieben und würde mich freuen, mich auch hier zu vernetzen.`;
  const work = `${c.us ? `Bei ${c.us} arbeiten wir` : 'Wir arbeiten'} mit Unternehmen wie ${c.company}.`;
  const candidates = [[work, close], [close]].map((parts) => `${hi}\n${parts.join(' ')}`);
  const text = candidates.find((t) => t.length <= LINKEDIN_NOTE_LIMIT) ?? candidates[candidates.length - 1]!;
  return { kind: 'text', subject: pickSubject(`Vernetzen mit ${c.company}`, 'Vernetzen'), text };
}
