import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJson } from './helpers/cli.js';
import { md, testdir } from './helpers/testdir.js';
import { SEGMENTS, workspace } from './helpers/workspace.js';

/*
 * A CRM used in another language exports its headers in that language (`Firmenname;Branche;
 * Anzahl Mitarbeiter;Jahresumsatz;Land`). Read only in English, every row of such an export
 * was refused for having no `name` column. Each list is scored by the real CLI, against
 * the same accounts with English headers: the scores must be the same.
 */

interface Ranked {
  name: string;
  score: number;
  components: Record<string, number>;
  factors: unknown[];
  missing: string[];
  dataQuality: number;
  leftOut: unknown[];
}
interface Ranking {
  ranked: Ranked[];
  rejected: { row: number; error: string }[];
  ignoredColumns: unknown;
}

const TODAY = '2026-11-22';

/** Text as Excel's "CSV" saves it on a German Windows: Windows-1252, the euro sign as byte 0x80. */
const windows1252 = (text: string): Buffer => Buffer.from(text.replace(/€/g, '\x80'), 'latin1');

async function score(file: string, dir: string, flags: readonly string[] = []): Promise<Ranking> {
  const result = await runJson<Ranking>(['score', ...flags, file, '--segment', 'mid-market-fintech', '--dir', dir], { env: { THREADWORK_TODAY: TODAY } });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result.json;
}

/** What a ranking says of each account, but for the columns it did not read (those are named as the file writes them). */
const scores = (ranking: Ranking) => ranking.ranked.map(({ name, score: total, components, factors, missing, dataQuality, leftOut }) => ({ name, total, components, factors, missing, dataQuality, leftOut }));

describe('score reads CRM exports with localised headers', () => {
  let dir: string;
  let list: string;
  beforeAll(() => {
    // A German team's workspace counts in euros: the lists' revenue is compared with the ICP's, not left out as another currency.
    dir = workspace({
      'strategy/canvas/11-pricing.md': md('title: Pricing\ncurrency: EUR', '\n# Pricing\n'),
      'strategy/canvas/04-segments.md': SEGMENTS.replace('{min: "$20M", max: "$500M"}', '{min: "€20M", max: "€500M"}'),
    });
    list = testdir();
  });

  it('scores a German Windows-1252 export (`;`, `1.250.000 €`, `1.850`) as the same accounts with English headers', async () => {
    writeFileSync(
      `${list}/kunden.csv`,
      windows1252(
        'Firmenname;Branche;Anzahl Mitarbeiter;Jahresumsatz;Land;Webseite;Ansprechpartner;Position;E-Mail\r\n' +
          'Zahlwerk GmbH;payments;1.850;45.000.000 €;Germany;zahlwerk.de;Jürgen Weiß;CFO;j.weiss@zahlwerk.de\r\n' +
          'Kreditpunkt AG;lending;201-500;1.250.000 €;Deutschland;kreditpunkt.de;Anna Schön;Leiterin Finanzen;anna@kreditpunkt.de\r\n',
      ),
    );
    writeFileSync(
      `${list}/accounts.csv`,
      'Company Name,Industry,Number of Employees,Annual Revenue,Country,Website,Contact,Title,Email\n' +
        'Zahlwerk GmbH,payments,"1,850","€45,000,000",Germany,zahlwerk.de,Jürgen Weiß,CFO,j.weiss@zahlwerk.de\n' +
        'Kreditpunkt AG,lending,201-500,"€1,250,000",Deutschland,kreditpunkt.de,Anna Schön,Leiterin Finanzen,anna@kreditpunkt.de\n',
    );
    const [german, english] = await Promise.all([score(`${list}/kunden.csv`, dir), score(`${list}/accounts.csv`, dir)]);
    expect(german.rejected).toEqual([]);
    expect(german.ranked.map((a) => a.name).sort()).toEqual(['Kreditpunkt AG', 'Zahlwerk GmbH']);
    expect(scores(german)).toEqual(scores(english));
    // The firmographics were read: nothing of the company is missing but what the file does not have.
    expect(german.ranked.flatMap((a) => a.missing).filter((m) => /revenue|employees|industry|geography/.test(m))).toEqual([]);
  });

  it('reads the same German export as a contact list: the contact person, position and email', async () => {
    writeFileSync(`${list}/ansprechpartner.csv`, windows1252('Firmenname;Anzahl Mitarbeiter;Ansprechpartner;Position;E-Mail\r\nZahlwerk GmbH;1.850;Jürgen Weiß;CFO;j.weiss@zahlwerk.de\r\n'));
    const contacts = (await score(`${list}/ansprechpartner.csv`, dir, ['--contacts'])) as unknown as { ranked: { name: string; title: string; email: string; company: string }[]; rejected: unknown[] };
    expect(contacts.rejected).toEqual([]);
    expect(contacts.ranked.map(({ name, title, email, company }) => ({ name, title, email, company }))).toEqual([{ name: 'Jürgen Weiß', title: 'CFO', email: 'j.weiss@zahlwerk.de', company: 'Zahlwerk GmbH' }]);
  });

  const ROW = ['Acme Pay', 'payments', '480', '45000000', 'United Kingdom', 'acmepay.com'];
  it.each([
    ['German (HubSpot)', "Name des Unternehmens;Branche;Anzahl der Mitarbeiter;Jahresumsatz;Land/Region;Domain-Name des Unternehmens"],
    ['German (a sheet)', 'Firma;Industrie;Unternehmensgröße;Umsatz;Land;Homepage'],
    ['French', "Nom de l'entreprise;Secteur d'activité;Nombre d'employés;Chiffre d'affaires annuel;Pays/région;Site web"],
    ['Spanish', 'Nombre de la empresa;Sector;Número de empleados;Ingresos anuales;País/región;Sitio web'],
    ['Spanish, accents dropped', 'Nombre de la empresa;Sector;Numero de empleados;Ingresos anuales;Pais;Sitio web'],
    ['Spanish, saved by a Mac (accents as combining marks)', 'Nombre de la empresa;Sector;Número de empleados;Ingresos anuales;País/región;Sitio web'.normalize('NFD')],
    ['Dutch', 'Bedrijfsnaam;Branche;Aantal medewerkers;Jaaromzet;Land/regio;Website'],
    ['Italian', "Nome dell'azienda;Settore;Numero di dipendenti;Fatturato annuo;Paese/regione;Sito web"],
    ['Portuguese', 'Nome da empresa;Setor;Número de funcionários;Faturamento anual;País/região;Site da empresa'],
    ['Polish', 'Nazwa firmy;Branża;Liczba pracowników;Roczny przychód;Kraj/region;Strona WWW'],
  ])('reads a %s export as the same account with English headers', async (language, header) => {
    const file = `${list}/${language.replace(/\W+/g, '-')}.csv`;
    const text = `${header}\r\n${ROW.join(';')}\r\n`;
    // Polish needs letters Windows-1252 has not (ż), a Mac's text combining marks: saved as UTF-8, as Excel's "CSV UTF-8" does.
    writeFileSync(file, /^Polish|Mac/.test(language) ? text : windows1252(text));
    writeFileSync(`${list}/english.csv`, `Company Name,Industry,Number of Employees,Annual Revenue,Country,Website\n${ROW.join(',')}\n`);
    const [localised, english] = await Promise.all([score(file, dir), score(`${list}/english.csv`, dir)]);
    expect(localised.rejected).toEqual([]);
    expect(localised.ignoredColumns).toEqual(english.ignoredColumns);
    expect(scores(localised)).toEqual(scores(english));
  });
});

describe('score reads the country as a localised export writes it', () => {
  it('matches `Deutschland`, `Österreich` and `Schweiz` to an ICP geography of DACH, as Germany, Austria and Switzerland are', async () => {
    const dir = workspace({ 'strategy/canvas/04-segments.md': SEGMENTS.replace('      revenue: {min: "$20M", max: "$500M"}', '      geography: [DACH]') });
    const list = testdir();
    writeFileSync(`${list}/kunden.csv`, windows1252('Firmenname;Branche;Anzahl Mitarbeiter;Land\r\nZahlwerk GmbH;payments;480;Deutschland\r\nWiener Kredit AG;lending;480;Österreich\r\nZüri Pay AG;payments;480;Schweiz\r\nLyon Paiements;payments;480;Frankreich\r\n'));
    type Geography = { ranked: { name: string; disqualified: { field: string }[]; factors: { name: string; value: number | null }[] }[] };
    const ranking = (await score(`${list}/kunden.csv`, dir)) as unknown as Geography;
    const geography = Object.fromEntries(ranking.ranked.map((a) => [a.name, [a.factors.find((f) => f.name === 'geography')?.value, a.disqualified.map((d) => d.field)]]));
    expect(geography).toEqual({
      'Zahlwerk GmbH': [1, []],
      'Wiener Kredit AG': [1, []],
      'Züri Pay AG': [1, []],
      'Lyon Paiements': [0, ['geography']],
    });
  });
});

// A founder in Spain keeps the buying signals of a list in a column of their own, headed in
// Spanish (`Señales`), as a French one writes `Signaux`: named as not read, every account's
// intent was 0 where the same sheet headed `Signals` matched the segment's triggers.
describe('score reads a localised signals column', () => {
  it.each([
    ['Spanish', 'Nombre de la empresa;Sector;Número de empleados;País;Señales'],
    ['French', "Nom de l'entreprise;Secteur;Effectif;Pays;Signaux"],
    ['German', 'Firmenname;Branche;Anzahl Mitarbeiter;Land;Signale'],
  ])('reads the %s signals header as signals', async (language, header) => {
    const dir = workspace();
    const list = testdir();
    const row = 'Zahlwerk GmbH;payments;480;United States;Hiring a controller';
    writeFileSync(`${list}/${language}.csv`, windows1252(`${header}\r\n${row}\r\n`));
    writeFileSync(`${list}/english.csv`, `Company Name;Industry;Number of Employees;Country;Signals\r\n${row}\r\n`);
    const [localised, english] = await Promise.all([score(`${list}/${language}.csv`, dir), score(`${list}/english.csv`, dir)]);
    expect(localised.ignoredColumns).toEqual([]);
    expect(scores(localised)).toEqual(scores(english));
    expect(localised.ranked[0]!.missing).not.toContain('intent.signals');
  });
});
