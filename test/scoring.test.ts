import { describe, expect, it } from 'vitest';
import { icpSchema } from '../src/schema/icp.js';
import { segmentSchema } from '../src/schema/canvas.js';
import { dealInputSchema } from '../src/schema/stages.js';
import {
  classifySignal,
  contactFromDealInput,
  geographyMatches,
  icpBand,
  leadBand,
  matchTitle,
  moneyTarget,
  profileFromIcp,
  profileFromSegment,
  prospectFromDealInput,
  readCriterionValue,
  resolveCriterion,
  resolveIcpWeights,
  scoreContact,
  scoreContactRecord,
  scoreDealPriority,
  scoreFit,
  scoreFreshness,
  scoreIcp,
  scoreIntent,
  scoreLead,
  scoreQualification,
  scoreReachability,
  seniorityOf,
  technologyMatches,
  thresholdForStage,
  type CompanyFacts,
  type IcpProfile,
  type LeadInputs,
  type QualificationFramework,
} from '../src/scoring/index.js';

const profile: IcpProfile = {
  industries: ['Fintech', 'SaaS'],
  employees: { min: 100, max: 500 },
  revenue: { min: 5_000_000, max: 50_000_000 },
  geography: ['DACH', 'United Kingdom'],
  technologies: ['Salesforce', 'HubSpot', 'Snowflake', 'AWS'],
  personaTitles: ['CFO', 'VP Engineering', 'Head of Finance Operations'],
};

const idealCompany: CompanyFacts = {
  industry: 'B2B SaaS',
  employees: 250,
  revenue: '$20M',
  geography: 'Berlin, Germany',
  technologies: ['Salesforce', 'HubSpot', 'Snowflake', 'AWS'],
  signals: ['funding'],
};

const fitFactor = (company: CompanyFacts, name: string, target: IcpProfile = profile) =>
  scoreFit(company, target).factors.find((f) => f.name === name)!;

describe('ICP fit: revenue strings', () => {
  it.each([
    { revenue: '$10M', value: 1, status: 'computed' },
    { revenue: '10M-50M', value: 1, status: 'computed' },
    { revenue: '40M-90M', value: 1, status: 'computed' },
    { revenue: '60M-70M', value: 0.5, status: 'computed' },
    { revenue: '$1.5B', value: 0, status: 'computed' },
    { revenue: '€5m', value: 1, status: 'computed' },
    { revenue: '500k', value: 0, status: 'computed' },
    { revenue: '3000000', value: 0.5, status: 'computed' },
    { revenue: 12_000_000, value: 1, status: 'computed' },
    { revenue: '$75M', value: 0.5, status: 'computed' },
    { revenue: '$76M', value: 0, status: 'computed' },
    { revenue: 'USD 40,000,000', value: 1, status: 'computed' },
    { revenue: 'a lot', value: null, status: 'missing' },
    { revenue: null, value: null, status: 'missing' },
  ])('revenue $revenue scores $value ($status)', ({ revenue, value, status }) => {
    expect(fitFactor({ revenue }, 'revenue')).toMatchObject({ value, status });
  });

  it.each([
    { target: { min: '$10M', max: '$50M' }, expected: { min: 10_000_000, max: 50_000_000 } },
    { target: { min: '$10M' }, expected: { min: 10_000_000, max: undefined } },
    { target: { max: 2_000_000 }, expected: { min: undefined, max: 2_000_000 } },
    { target: '10M-50M', expected: { min: 10_000_000, max: 50_000_000 } },
    { target: '$10M+', expected: { min: 10_000_000 } },
    { target: {}, expected: undefined },
    { target: undefined, expected: undefined },
  ])('reads the ICP revenue range $target', ({ target, expected }) => {
    expect(moneyTarget(target)).toEqual(expected);
  });

  it('treats a one-sided ICP range as open on the other side', () => {
    const open: IcpProfile = { ...profile, revenue: moneyTarget({ min: '$10M' }) };
    expect(fitFactor({ revenue: '$1.5B' }, 'revenue', open).value).toBe(1);
  });
});

describe('ICP fit: employees', () => {
  it.each([
    { employees: 100, value: 1 },
    { employees: 500, value: 1 },
    { employees: 60, value: 0.5 },
    { employees: 50, value: 0.5 },
    { employees: 49, value: 0 },
    { employees: 750, value: 0.5 },
    { employees: 751, value: 0 },
  ])('$employees employees against 100–500 scores $value', ({ employees, value }) => {
    expect(fitFactor({ employees }, 'employees')).toMatchObject({ value, status: 'computed' });
  });

  it('marks missing headcount as missing, not 0', () => {
    expect(fitFactor({ employees: null }, 'employees')).toMatchObject({ value: null, status: 'missing' });
  });
});

describe('ICP fit: industry, geography, technologies', () => {
  it.each([
    { industry: 'SaaS', value: 1 },
    { industry: 'B2B SaaS', value: 1 },
    { industry: 'fintech', value: 1 },
    { industry: 'Retail', value: 0 },
    { industry: 'Financial Services', value: 0 },
  ])('industry $industry scores $value', ({ industry, value }) => {
    expect(fitFactor({ industry }, 'industry').value).toBe(value);
  });

  it.each([
    { company: 'Berlin, Germany', icp: 'DACH', matches: true },
    { company: 'Zurich, Switzerland', icp: 'DACH', matches: true },
    { company: 'Paris, France', icp: 'DACH', matches: false },
    { company: 'USA', icp: 'United States', matches: true },
    { company: 'United States', icp: 'US', matches: true },
    { company: 'London, UK', icp: 'United Kingdom', matches: true },
    { company: 'UK', icp: 'Europe', matches: true },
    { company: 'Stockholm, Sweden', icp: 'Nordics', matches: true },
    { company: 'Toronto, Canada', icp: 'North America', matches: true },
    { company: 'Latin America', icp: 'United States', matches: false },
    { company: 'Japan', icp: 'Europe', matches: false },
    // A place named after another is not in it: New South Wales is in Australia, New England in the US.
    { company: 'Sydney, New South Wales', icp: 'United Kingdom', matches: false },
    { company: 'New South Wales', icp: 'Europe', matches: false },
    { company: 'Boston, New England', icp: 'England', matches: false },
    { company: 'Sydney, New South Wales', icp: 'New South Wales', matches: true },
    { company: 'Swansea, Wales', icp: 'United Kingdom', matches: true },
    // A city and its state or province, as North American addresses write it, is in that country (and state).
    { company: 'New York, NY', icp: 'United States', matches: true },
    { company: 'Austin, Texas', icp: 'US', matches: true },
    { company: 'Reno, NV 89501', icp: 'North America', matches: true },
    { company: 'San Francisco, CA', icp: 'California', matches: true },
    { company: 'Atlanta, GA', icp: 'United States', matches: true },
    { company: 'Toronto, ON', icp: 'Canada', matches: true },
    { company: 'Montréal, Québec H2X 1Y4', icp: 'Canada', matches: true },
    { company: 'New York, NY', icp: 'Canada', matches: false },
    { company: 'Toronto, ON', icp: 'United States', matches: false },
    { company: 'Tbilisi, Georgia', icp: 'United States', matches: false },
    { company: 'Berlin, in', icp: 'United States', matches: false },
    // A code that is also a country's (ISO 3166) says either: read as both, outside neither.
    { company: 'Tel Aviv, IL', icp: 'Israel', matches: true },
    { company: 'Chicago, IL', icp: 'United States', matches: true },
    { company: 'Berlin, DE', icp: 'DACH', matches: true },
    { company: 'Amsterdam, NL', icp: 'Benelux', matches: true },
    { company: 'Toronto, CA', icp: 'Canada', matches: true },
    { company: 'Tel Aviv, IL', icp: 'Germany', matches: false },
    { company: 'Austin, TX', icp: 'Israel', matches: false },
    { company: 'New York Life', icp: 'United States', matches: false },
  ])('$company against $icp: $matches', ({ company, icp, matches }) => {
    expect(geographyMatches(company, icp)).toBe(matches);
  });

  it.each([
    { technologies: ['Salesforce', 'HubSpot', 'Snowflake', 'AWS'], value: 1 },
    { technologies: ['Salesforce CRM', 'aws', 'Jira'], value: 0.5 },
    { technologies: ['Jira'], value: 0 },
  ])('technologies $technologies score $value', ({ technologies, value }) => {
    expect(fitFactor({ technologies }, 'technologies').value).toBe(value);
  });

  it.each([
    { a: 'Node.js', b: 'nodejs', matches: true },
    { a: 'C++', b: 'C#', matches: false },
    { a: 'Salesforce CRM', b: 'Salesforce', matches: true },
    { a: 'Go', b: 'Google Analytics', matches: false },
  ])('technology $a vs $b: $matches', ({ a, b, matches }) => {
    expect(technologyMatches(a, b)).toBe(matches);
  });
});

describe('ICP fit: missing data renormalises', () => {
  it('averages only the computed factors and says which were missing', () => {
    const result = scoreFit({ industry: 'SaaS', employees: 60 }, profile);
    expect(result.component).toMatchObject({ value: 0.75, status: 'computed' });
    expect(result.factors.map((f) => [f.name, f.status])).toEqual([
      ['industry', 'computed'],
      ['employees', 'computed'],
      ['revenue', 'missing'],
      ['technologies', 'missing'],
      ['geography', 'missing'],
    ]);
  });

  it('leaves out factors the ICP sets no target for, without calling them missing', () => {
    const sparse: IcpProfile = { industries: ['SaaS'], geography: [], technologies: [], personaTitles: [] };
    const result = scoreFit({ industry: 'SaaS', employees: 10_000 }, sparse);
    expect(result.component.value).toBe(1);
    expect(result.factors.filter((f) => f.status === 'not-applicable').map((f) => f.name)).toEqual([
      'employees',
      'revenue',
      'technologies',
      'geography',
    ]);
  });

  it("takes the caller's answer to whether the revenue is in another currency (scoreIcp asks once per deal), or asks itself", () => {
    const usd: IcpProfile = { ...profile, currency: 'USD' };
    const euro = { revenue: '€20M' };
    const revenue = (result: ReturnType<typeof scoreFit>): string | undefined => result.factors.find((f) => f.name === 'revenue')!.status;
    expect(revenue(scoreFit(euro, usd))).toBe('missing');
    expect(revenue(scoreFit(euro, usd, true))).toBe('missing');
    // Told it is not: compared as written, as a workspace without a currency compares it.
    expect(revenue(scoreFit(euro, usd, false))).toBe('computed');
  });

  it('counts fit 0 when nothing could be computed', () => {
    expect(scoreFit({}, profile).component).toMatchObject({ value: 0, status: 'missing' });
  });
});

describe('ICP intent', () => {
  it.each([
    { signals: ['funding'], value: 0.9 },
    { signals: ['expansion'], value: 0.85 },
    { signals: ['new-product'], value: 0.8 },
    { signals: ['new_product'], value: 0.8 },
    { signals: ['product launch'], value: 0.8 },
    { signals: ['hiring'], value: 0.75 },
    { signals: ['regulatory'], value: 0.7 },
    { signals: ['partnership'], value: 0.65 },
    { signals: ['media'], value: 0.6 },
    { signals: ['media presence'], value: 0.6 },
    { signals: ['Raised a Series B'], value: 0.9 },
    { signals: ['hiring', 'funding'], value: 0.95 },
    { signals: ['media', 'partnership', 'regulatory'], value: 0.8 },
    { signals: ['funding', 'expansion', 'hiring', 'partnership'], value: 1 },
    { signals: ['funding', 'funding'], value: 0.9 },
    { signals: [{ type: 'regulatory', detail: 'DORA', date: '2026-01-10' }], value: 0.7 },
    { signals: [{ type: 'other', detail: 'press release about a new office' }], value: 0.85 },
    { signals: ['weather'], value: 0 },
  ])('signals $signals give intent $value', ({ signals, value }) => {
    expect(scoreIntent(signals).component.value).toBe(value);
  });

  it('marks no signals as missing', () => {
    const result = scoreIntent([]);
    expect(result.component).toMatchObject({ value: 0, status: 'missing' });
    expect(result.factors[0]).toMatchObject({ name: 'signals', status: 'missing' });
  });

  it('lists an unknown signal type as not counted', () => {
    expect(scoreIntent(['weather', 'hiring']).factors.map((f) => f.status)).toEqual(['not-applicable', 'computed']);
    expect(classifySignal('weather')).toBeUndefined();
  });
});

describe('ICP reachability', () => {
  it.each([
    { status: 'verified', value: 1, state: 'computed' },
    { status: 'Valid', value: 1, state: 'computed' },
    { status: 'unverified', value: 0.7, state: 'computed' },
    { status: 'catch-all', value: 0.6, state: 'computed' },
    { status: 'accept_all', value: 0.6, state: 'computed' },
    { status: 'risky', value: 0.5, state: 'computed' },
    { status: 'unknown', value: 0.5, state: 'computed' },
    { status: 'invalid', value: 0, state: 'computed' },
    { status: true, value: 1, state: 'computed' },
    { status: false, value: 0.7, state: 'computed' },
    { status: undefined, value: 0.7, state: 'defaulted' },
    { status: '', value: 0.7, state: 'defaulted' },
    { status: 'carrier pigeon', value: 0.7, state: 'defaulted' },
    { status: 'constructor', value: 0.7, state: 'defaulted' },
  ])('email status $status reads $value ($state)', ({ status, value, state }) => {
    expect(scoreReachability(status).component).toMatchObject({ value, status: state });
  });
});

describe('ICP freshness', () => {
  it.each([
    { date: '2026-04-01', value: 1, status: 'computed' },
    { date: '2026-02-15', value: 0.5, status: 'computed' },
    { date: '2026-01-01', value: 0, status: 'computed' },
    { date: '2025-06-01', value: 0, status: 'computed' },
    // A day after passes (a list gathered east of here is already on the next day); later is no date data was gathered on.
    { date: '2026-04-02', value: 1, status: 'computed' },
    { date: '2026-05-01', value: 0.8, status: 'defaulted' },
    { date: '2026-03-02T09:30:00Z', value: 0.667, status: 'computed' },
    { date: null, value: 0.8, status: 'defaulted' },
    { date: 'last week', value: 0.8, status: 'defaulted' },
    { date: '2026-02-30', value: 0.8, status: 'defaulted' },
  ])('data dated $date reads $value ($status) as of 2026-04-01', ({ date, value, status }) => {
    expect(scoreFreshness(date, '2026-04-01').component).toMatchObject({ value, status });
  });

  it('does not count a data date still to come as fresh, and says why', () => {
    // It scored 1, the freshest data there is, for what is most often a typo (2027 for 2026).
    expect(scoreFreshness('2027-03-20', '2026-04-01').component).toEqual({
      value: 0.8,
      status: 'defaulted',
      detail: 'data date 2027-03-20 is after 2026-04-01, the day scored as of: no data is gathered on a day to come (a typo?); default 0.8',
    });
  });

  it('refuses an unreadable asOf instead of reading the clock', () => {
    expect(() => scoreFreshness('2026-01-01', 'today')).toThrow(/asOf/);
  });

  it('accepts asOf as a Date', () => {
    expect(scoreFreshness('2026-02-15', new Date(Date.UTC(2026, 3, 1))).component.value).toBe(0.5);
  });
});

describe('ICP composite score', () => {
  const asOf = '2026-04-01';

  it.each([
    {
      name: 'an ideal, fresh, verified prospect is strong',
      prospect: { company: idealCompany, emailStatus: 'verified', dataDate: '2026-04-01' },
      score: 0.965,
      band: 'strong',
      missing: [],
    },
    {
      name: 'an empty record is poor and lists everything missing',
      prospect: { company: {} },
      score: 0.22,
      band: 'poor',
      missing: [
        'fit.industry',
        'fit.employees',
        'fit.revenue',
        'fit.technologies',
        'fit.geography',
        'intent.signals',
        'reachability.email_status',
        'freshness.date',
      ],
    },
    {
      name: 'missing email status and date fall back to their defaults',
      prospect: { company: idealCompany },
      score: 0.885,
      band: 'strong',
      missing: ['reachability.email_status', 'freshness.date'],
    },
    {
      name: 'a good fit with no intent is only good',
      prospect: { company: { ...idealCompany, signals: [] }, emailStatus: 'verified', dataDate: '2026-03-02' },
      score: 0.617,
      band: 'good',
      missing: ['intent.signals'],
    },
  ])('$name', ({ prospect, score, band, missing }) => {
    const result = scoreIcp(prospect, profile, { asOf });
    expect(result).toMatchObject({ score, band, missing });
  });

  it('reports each component with its status and weight', () => {
    const result = scoreIcp({ company: idealCompany }, profile, { asOf });
    expect(result.components).toEqual({
      fit: expect.objectContaining({ value: 1, status: 'computed', weight: 0.35 }),
      intent: expect.objectContaining({ value: 0.9, status: 'computed', weight: 0.35 }),
      reachability: expect.objectContaining({ value: 0.7, status: 'defaulted', weight: 0.2 }),
      freshness: expect.objectContaining({ value: 0.8, status: 'defaulted', weight: 0.1 }),
    });
  });

  it('takes weights and thresholds from the ICP file', () => {
    const icp = icpSchema.parse({
      segment: 'fintech',
      name: 'Fintech',
      firmographics: { industry: ['Fintech'], revenue: { min: '$10M', max: '$50M' }, employees: { min: 100, max: 500 } },
      technographics: { required: ['Salesforce'], preferred: ['Snowflake'] },
      buyer_personas: { economic_buyer: { title: 'CFO' } },
      scoring: { weights: { fit: 1, intent: 0, reachability: 0, freshness: 0 }, thresholds: { strong: 0.95 } },
    });
    const result = scoreIcp({ company: { industry: 'Fintech', employees: 60, revenue: '10M-50M' } }, profileFromIcp(icp), { asOf });
    expect(result.score).toBe(0.833);
    expect(result.band).toBe('good');
  });

  it('lets the caller override the profile weights', () => {
    const result = scoreIcp({ company: idealCompany }, profile, { asOf, weights: { fit: 0, intent: 0, reachability: 1, freshness: 0 } });
    expect(result.score).toBe(0.7);
  });

  it.each([
    { overrides: {}, expected: { fit: 0.35, intent: 0.35, reachability: 0.2, freshness: 0.1 } },
    { overrides: { fit: 0.55 }, expected: { fit: 0.4583, intent: 0.2917, reachability: 0.1667, freshness: 0.0833 } },
    { overrides: { fit: 0, intent: 0, reachability: 0, freshness: 0 }, expected: { fit: 0.35, intent: 0.35, reachability: 0.2, freshness: 0.1 } },
  ])('scales weights $overrides to sum to 1', ({ overrides, expected }) => {
    const weights = resolveIcpWeights(overrides);
    for (const [key, value] of Object.entries(expected)) expect(weights[key as keyof typeof weights]).toBeCloseTo(value, 4);
  });

  it.each([
    { score: 1, band: 'strong' },
    { score: 0.75, band: 'strong' },
    { score: 0.749, band: 'good' },
    { score: 0.6, band: 'good' },
    { score: 0.599, band: 'weak' },
    { score: 0.4, band: 'weak' },
    { score: 0.399, band: 'poor' },
    { score: 0, band: 'poor' },
  ])('score $score is $band', ({ score, band }) => {
    expect(icpBand(score)).toBe(band);
  });

  it('reads a deal input file', () => {
    const input = dealInputSchema.parse({
      date: '2026-03-02',
      contact: { name: 'Ada', title: 'CFO', email: 'ada@acme.test', email_status: 'verified' },
      company: { industry: 'SaaS', employees: 250, revenue: '$20M', signals: ['hiring'] },
    });
    const prospect = prospectFromDealInput(input);
    expect(prospect).toMatchObject({ emailStatus: 'verified', dataDate: '2026-03-02' });
    expect(contactFromDealInput(input)).toMatchObject({ title: 'CFO', emailStatus: 'verified' });
    expect(scoreIcp(prospect, profile, { asOf }).components.reachability.status).toBe('computed');
  });

  it('builds a profile from a canvas segment', () => {
    const segment = segmentSchema.parse({
      id: 'fintech',
      name: 'Fintech',
      filters: { industry: ['Fintech'], employees: { min: 50 }, tech_stack: ['AWS'] },
      personas: { economic_buyer: { title: 'CFO' }, end_user: { title: 'Controller' } },
    });
    expect(profileFromSegment(segment)).toEqual({
      industries: ['Fintech'],
      employees: { min: 50, max: undefined },
      revenue: undefined,
      geography: [],
      technologies: ['AWS'],
      personaTitles: ['CFO', 'Controller'],
      disqualifiers: ["Fewer than 25 employees (half the segment's minimum of 50)", 'Industry outside Fintech'],
      triggers: [],
    });
  });
});

describe('contact score', () => {
  it.each([
    { title: 'CEO', level: 'c-level' },
    { title: 'Chief Revenue Officer', level: 'c-level' },
    { title: 'CFO & Co-Founder', level: 'c-level' },
    { title: 'President', level: 'c-level' },
    { title: 'Managing Director', level: 'c-level' },
    { title: 'VP Sales', level: 'vp' },
    { title: 'Vice President of Engineering', level: 'vp' },
    { title: 'SVP, Marketing', level: 'vp' },
    { title: 'Director of IT', level: 'director' },
    { title: 'Head of Data', level: 'director' },
    { title: 'Sr. Director, Finance', level: 'director' },
    { title: 'Chief of Staff', level: 'director' },
    { title: 'Product Manager', level: 'manager' },
    { title: 'Engineering Manager', level: 'manager' },
    { title: 'Team Lead, Support', level: 'manager' },
    { title: 'Software Engineer', level: 'individual-contributor' },
    { title: 'Account Executive', level: 'individual-contributor' },
    { title: 'Executive Assistant to the CEO', level: 'individual-contributor' },
    // The owner of a product, a process or a service is a role in a team, not the owner of the company.
    { title: 'Product Owner', level: 'individual-contributor' },
    { title: 'Senior Product Owner, Payments', level: 'individual-contributor' },
    { title: 'Process Owner, Order-to-Cash', level: 'individual-contributor' },
    { title: 'Owner', level: 'c-level' },
    { title: 'Owner & Managing Director', level: 'c-level' },
    // Spanish and French titles, in both genders: the chief executive, not a director or nobody.
    { title: 'Director General', level: 'c-level' },
    { title: 'Directora General', level: 'c-level' },
    { title: 'Directrice générale', level: 'c-level' },
    { title: 'Consejera Delegada', level: 'c-level' },
    { title: 'Présidente', level: 'c-level' },
    { title: 'Cofundadora y CEO', level: 'c-level' },
    { title: 'PDG', level: 'c-level' },
    { title: 'Vicepresidenta de Operaciones', level: 'vp' },
    { title: 'Vice-présidente Ventes', level: 'vp' },
    { title: 'Directora de Operaciones', level: 'director' },
    { title: 'Directeur des opérations', level: 'director' },
    { title: 'Responsable de Sistemas', level: 'manager' },
    { title: 'Jefa de almacén', level: 'manager' },
    { title: 'Agente de atención al cliente', level: 'individual-contributor' },
  ])('$title is $level', ({ title, level }) => {
    expect(seniorityOf(title)).toBe(level);
  });

  it.each([
    { title: 'VP of Engineering', value: 1, persona: 'VP Engineering' },
    { title: 'Vice President, Engineering', value: 1, persona: 'VP Engineering' },
    { title: 'Chief Financial Officer', value: 1, persona: 'CFO' },
    { title: 'Senior VP Engineering & Operations', value: 0.9, persona: 'VP Engineering' },
    // A leader of another function shares only the level word: no partial match.
    { title: 'VP Sales', value: 0, persona: undefined },
    { title: 'Engineering Manager', value: 0.4, persona: 'VP Engineering' },
    { title: 'Head of Finance', value: 0.533, persona: 'Head of Finance Operations' },
    { title: 'Barista', value: 0, persona: undefined },
  ])('title $title matches persona $persona at $value', ({ title, value, persona }) => {
    expect(matchTitle(title, profile.personaTitles)).toEqual({ value, persona });
  });

  // A segment in Spain or France names its personas in Spanish or French, and a list names
  // a woman in the feminine form of the same title.
  it.each([
    { title: 'Directora General', value: 1, persona: 'Director General' },
    { title: 'Directrice générale', value: 1, persona: 'Directeur général' },
    { title: 'Présidente', value: 1, persona: 'Presidente' },
    { title: 'Jefa de Almacén', value: 1, persona: 'Jefe de almacén' },
  ])('title $title matches persona $persona at $value', ({ title, value, persona }) => {
    expect(matchTitle(title, ['Director General', 'Directeur général', 'Presidente', 'Jefe de almacén'])).toEqual({ value, persona });
  });

  it.each([
    {
      name: 'a verified VP Engineering with LinkedIn',
      contact: { title: 'VP Engineering', email: 'a@b.test', emailStatus: 'verified', linkedin: 'in/a' },
      personas: profile.personaTitles,
      score: 0.97,
      missing: [],
    },
    {
      name: 'an address without a status gets the default, and the status is what is missing',
      contact: { title: 'CFO', email: 'a@b.test' },
      personas: profile.personaTitles,
      score: 0.84,
      missing: ['email_status', 'linkedin'],
    },
    {
      name: 'an unreadable status gets the default, and the status is what is missing',
      contact: { title: 'CFO', email: 'a@b.test', emailStatus: 'probably fine', linkedin: 'in/a' },
      personas: profile.personaTitles,
      score: 0.94,
      missing: ['email_status'],
    },
    {
      name: 'no address and no status: the address is what is missing',
      contact: { title: 'CFO', linkedin: 'in/a' },
      personas: profile.personaTitles,
      score: 0.8,
      missing: ['email'],
    },
    {
      name: 'no title counts 0 for title match and seniority, and names the title once',
      contact: { email: 'a@b.test', emailStatus: 'verified', linkedin: 'in/a' },
      personas: profile.personaTitles,
      score: 0.3,
      missing: ['title'],
    },
    {
      name: 'no personas: title match is left out and the rest renormalised',
      contact: { title: 'VP Sales', emailStatus: 'verified', linkedin: 'in/a' },
      personas: [],
      score: 0.95,
      missing: [],
    },
  ])('$name', ({ contact, personas, score, missing }) => {
    expect(scoreContact(contact, personas)).toMatchObject({ score, missing });
  });
});

describe('lead score', () => {
  const full = { companySize: true, industry: true, geography: true, role: true };

  it.each<{ name: string; inputs: LeadInputs; score: number; band: string }>([
    { name: 'nothing known', inputs: {}, score: 0, band: 'cold' },
    { name: '30 is cold', inputs: { demographic: { companySize: true, industry: true, geography: true } }, score: 30, band: 'cold' },
    { name: '31 is warm', inputs: { demographic: { companySize: true, industry: true, geography: true }, behaviour: { social: { level: 0.1 } } }, score: 31, band: 'warm' },
    { name: '60 is warm', inputs: { demographic: full, behaviour: { website: { level: 1 } } }, score: 60, band: 'warm' },
    { name: '61 is an MQL', inputs: { demographic: full, behaviour: { website: { level: 1 }, social: { level: 0.1 } } }, score: 61, band: 'mql' },
    { name: '80 is an MQL', inputs: { demographic: full, behaviour: { website: 10, content: 3, social: { level: 0.5 } } }, score: 80, band: 'mql' },
    { name: '81 is an SQL', inputs: { demographic: full, behaviour: { website: 10, content: 3, social: { level: 0.6 } } }, score: 81, band: 'sql' },
    { name: 'everything is 100', inputs: { demographic: full, behaviour: { email: 5, website: 10, content: 3, social: 5 } }, score: 100, band: 'sql' },
  ])('$name', ({ inputs, score, band }) => {
    expect(scoreLead(inputs)).toMatchObject({ score, band });
  });

  it.each([
    { score: 30, band: 'cold' },
    { score: 31, band: 'warm' },
    { score: 60, band: 'warm' },
    { score: 61, band: 'mql' },
    { score: 80, band: 'mql' },
    { score: 81, band: 'sql' },
  ])('band of $score is $band', ({ score, band }) => {
    expect(leadBand(score)).toBe(band);
  });

  it.each<{ name: string; behaviour: LeadInputs['behaviour']; behavioural: number }>([
    { name: 'a count earns points up to saturation', behaviour: { email: 1 }, behavioural: 3 },
    { name: 'counts beyond saturation are capped', behaviour: { website: 40 }, behavioural: 20 },
    { name: 'a level is a share of the maximum', behaviour: { content: { level: 0.5 } }, behavioural: 7.5 },
    { name: 'a level above 1 is capped', behaviour: { social: { level: 3 } }, behavioural: 10 },
  ])('$name', ({ behaviour, behavioural }) => {
    expect(scoreLead({ behaviour }).behavioural).toBe(behavioural);
  });

  it('takes demographic levels and lists what is missing', () => {
    const result = scoreLead({ demographic: { companySize: 0.5, industry: false }, behaviour: { email: 0 } });
    expect(result).toMatchObject({ demographic: 5, behavioural: 0 });
    expect(result.missing).toEqual(['geography', 'role', 'website', 'content', 'social']);
  });
});

describe('contact record: what the lead score lacks, by the column to fill in', () => {
  const asOf = '2026-11-22';

  it('names the engagement and company columns, never the lead part (email, website, companySize, role)', () => {
    // An address on file, no engagement counts, no employees, no title.
    const result = scoreContactRecord({ name: 'Ana Ruiz', email: 'ana@acme.com', email_status: 'verified', company: 'Acme', industry: 'SaaS', geography: 'Germany' }, profile, { asOf });
    const lead = result.missing.filter((m) => m.startsWith('lead.'));
    expect(lead).toEqual(['lead.employees', 'lead.title', 'lead.email_engagements', 'lead.website_visits', 'lead.content_downloads', 'lead.social_engagements']);
    // The lead score itself still names its parts: its inputs are LeadInputs, not a list's columns.
    expect(result.lead.missing).toEqual(['companySize', 'role', 'email', 'website', 'content', 'social']);
  });

  it('lists nothing for the lead once every column it reads is filled', () => {
    const result = scoreContactRecord(
      { name: 'Ana Ruiz', title: 'CFO', email: 'ana@acme.com', email_status: 'verified', company: 'Acme', industry: 'SaaS', employees: 250, geography: 'Germany', email_engagements: 1, website_visits: 0, content_downloads: 2, social_engagements: 0 },
      profile,
      { asOf },
    );
    expect(result.missing.filter((m) => m.startsWith('lead.'))).toEqual([]);
  });

  it('leaves out a demographic part the ICP sets no target for: the gap is the ICP\'s, not the row\'s', () => {
    const noGeography: IcpProfile = { ...profile, geography: [] };
    const result = scoreContactRecord({ name: 'Ana Ruiz', title: 'CFO', email: 'ana@acme.com', company: 'Acme', industry: 'SaaS', employees: 250, geography: 'Germany' }, noGeography, { asOf });
    expect(result.lead.missing).toContain('geography');
    expect(result.missing).not.toContain('lead.geography');
  });

  it('names employees when the column holds something that is not a number', () => {
    const result = scoreContactRecord({ name: 'Ana Ruiz', email: 'ana@acme.com', company: 'Acme', employees: 'twelve hundred' }, profile, { asOf });
    expect(result.missing).toContain('lead.employees');
    expect(result.dataQuality.invalid).toContain('employees');
  });
});

describe('qualification criterion values', () => {
  // Readings of a text are kept (a check reads the same few words 60,000 times): a caller that changes the one it got changes no other's.
  it('gives each caller its own reading of a text read before', () => {
    const first = readCriterionValue('confirmed by the CFO');
    first.score = 0;
    first.reading = 'changed';
    expect(readCriterionValue('confirmed by the CFO')).toMatchObject({ score: 1, reading: 'confirmed' });
  });

  it.each([
    { value: true, score: 1, status: 'scored' },
    { value: false, score: 0, status: 'scored' },
    { value: 50_000, score: 1, status: 'scored' },
    { value: 0.6, score: 0.6, status: 'scored' },
    { value: 0, score: 0, status: 'scored' },
    { value: null, score: 0, status: 'missing' },
    { value: '', score: 0, status: 'missing' },
    { value: 'confirmed', score: 1, status: 'scored' },
    { value: 'Yes', score: 1, status: 'scored' },
    { value: 'approved', score: 1, status: 'scored' },
    { value: 'signed', score: 1, status: 'scored' },
    { value: 'Confirmed - CFO signed off on $50k', score: 1, status: 'scored' },
    { value: 'engaged', score: 0.8, status: 'scored' },
    { value: 'identified', score: 0.7, status: 'scored' },
    { value: 'known', score: 0.7, status: 'scored' },
    { value: 'partial', score: 0.5, status: 'scored' },
    { value: 'in progress', score: 0.5, status: 'scored' },
    { value: 'In-progress', score: 0.5, status: 'scored' },
    { value: 'exploring', score: 0.5, status: 'scored' },
    { value: 'unknown', score: 0.2, status: 'unknown' },
    { value: 'TBD', score: 0.2, status: 'unknown' },
    { value: '?', score: 0.2, status: 'unknown' },
    { value: 'not sure', score: 0.2, status: 'unknown' },
    { value: 'none', score: 0, status: 'scored' },
    { value: 'no', score: 0, status: 'scored' },
    { value: 'missing', score: 0, status: 'scored' },
    { value: 'No budget this year', score: 0, status: 'scored' },
    { value: 'Q1 2026', score: 0.8, status: 'scored' },
    { value: '2026-03-31', score: 0.8, status: 'scored' },
    { value: 'H2 2026', score: 0.8, status: 'scored' },
    { value: 'March 2026', score: 0.8, status: 'scored' },
    { value: 'end of quarter', score: 0.8, status: 'scored' },
    { value: 'within 6 weeks', score: 0.8, status: 'scored' },
    { value: '$50k', score: 1, status: 'scored' },
    { value: '0.4', score: 0.4, status: 'scored' },
    { value: '75%', score: 0.75, status: 'scored' },
    { value: 'marketing 2026 plan', score: 0.6, status: 'scored' },
    { value: 'Jane, Head of Ops, wants this fixed', score: 0.6, status: 'scored' },
    { value: 'x', score: 0.2, status: 'unknown' },
    { value: 'n/a', score: 0.2, status: 'unknown' },
    { value: 'TBD Q1', score: 0.2, status: 'unknown' },
    { value: 'maybe Q3', score: 0.5, status: 'scored' },
    { value: 'low', score: 0.2, status: 'scored' },
    { value: '31/03/2026', score: 0.8, status: 'scored' },
    { value: 'EOY', score: 0.8, status: 'scored' },
    { value: 'Jane (CFO) – confirmed', score: 0.6, status: 'scored' },
    { value: ['security review', 'SSO'], score: 0.6, status: 'scored' },
    { value: [], score: 0, status: 'missing' },
    { value: { status: 'approved', amount: 50_000 }, score: 1, status: 'scored' },
    { value: { score: 0.3 }, score: 0.3, status: 'scored' },
    { value: { notes: 'talked to finance' }, score: 0.6, status: 'scored' },
    // The answers in German, French, Spanish, Portuguese, Japanese and Chinese read as in English.
    { value: 'ja', score: 1, status: 'scored' },
    { value: 'Ja, 40k freigegeben', score: 1, status: 'scored' },
    { value: 'bestätigt', score: 1, status: 'scored' },
    { value: 'oui', score: 1, status: 'scored' },
    { value: 'sí', score: 1, status: 'scored' },
    { value: 'nein', score: 0, status: 'scored' },
    { value: 'Non, pas de budget', score: 0, status: 'scored' },
    { value: 'não', score: 0, status: 'scored' },
    { value: 'keine Ahnung', score: 0.2, status: 'unknown' },
    { value: 'offen', score: 0.2, status: 'unknown' },
    { value: 'à définir', score: 0.2, status: 'unknown' },
    { value: 'vielleicht', score: 0.5, status: 'scored' },
    { value: 'はい', score: 1, status: 'scored' },
    { value: 'はい、予算あり', score: 1, status: 'scored' },
    { value: 'いいえ', score: 0, status: 'scored' },
    { value: '未定', score: 0.2, status: 'unknown' },
    { value: '没有', score: 0, status: 'scored' },
    { value: '是的', score: 1, status: 'scored' },
    { value: '有限公司の部長', score: 0.6, status: 'scored' },
  ])('$value reads $score ($status)', ({ value, score, status }) => {
    expect(readCriterionValue(value)).toMatchObject({ score, status });
  });
});

describe('qualification frameworks', () => {
  it.each<{ framework: QualificationFramework; key: string; criterion: string | undefined }>([
    { framework: 'MEDDIC', key: 'Economic Buyer', criterion: 'economic_buyer' },
    { framework: 'MEDDIC', key: 'EB', criterion: 'economic_buyer' },
    { framework: 'MEDDIC', key: 'pain', criterion: 'identify_pain' },
    { framework: 'MEDDPICC', key: 'Paper Process', criterion: 'paper_process' },
    { framework: 'MEDDPICC', key: 'competitors', criterion: 'competition' },
    { framework: 'BANT', key: 'pain', criterion: 'need' },
    { framework: 'BANT', key: 'decision-maker', criterion: 'authority' },
    { framework: 'BANT', key: 'Timing', criterion: 'timeline' },
    { framework: 'SPIN', key: 'Need-Payoff', criterion: 'need_payoff' },
    { framework: 'SANDLER', key: 'pain', criterion: 'pain' },
    { framework: 'CHALLENGER', key: 'Take Control', criterion: 'take_control' },
    { framework: 'BANT', key: 'champion', criterion: undefined },
  ])('$framework reads $key as $criterion', ({ framework, key, criterion }) => {
    expect(resolveCriterion(framework, key)?.key).toBe(criterion);
  });

  it('takes the framework in any case, as the files and the CLI do, and names the frameworks for one it does not know', () => {
    // From plain JavaScript: a name as a person writes it, which the type would refuse.
    const byName = scoreQualification as (framework: string, criteria: Record<string, unknown>) => ReturnType<typeof scoreQualification>;
    expect(byName('Sandler', { pain: 'confirmed' })).toMatchObject({ framework: 'SANDLER', criteria: [{ key: 'pain', status: 'scored' }, { key: 'budget' }, { key: 'decision' }] });
    expect(byName(' meddic ', {}).criteria).toHaveLength(6);
    expect(() => byName('Miller Heiman', {})).toThrow(new TypeError('scoreQualification: unknown framework "Miller Heiman"; expected one of BANT, MEDDIC, MEDDPICC, SPIN, SANDLER, CHALLENGER (any case)'));
  });

  it.each<{ framework: QualificationFramework; keys: string[] }>([
    { framework: 'BANT', keys: ['budget', 'authority', 'need', 'timeline'] },
    { framework: 'MEDDIC', keys: ['metrics', 'economic_buyer', 'decision_criteria', 'decision_process', 'identify_pain', 'champion'] },
    {
      framework: 'MEDDPICC',
      keys: ['metrics', 'economic_buyer', 'decision_criteria', 'decision_process', 'paper_process', 'identify_pain', 'champion', 'competition'],
    },
    { framework: 'SPIN', keys: ['situation', 'problem', 'implication', 'need_payoff'] },
    { framework: 'SANDLER', keys: ['pain', 'budget', 'decision'] },
    { framework: 'CHALLENGER', keys: ['teach', 'tailor', 'take_control'] },
  ])('$framework scores its criteria $keys', ({ framework, keys }) => {
    expect(scoreQualification(framework, {}).criteria.map((c) => c.key)).toEqual(keys);
  });

  it.each<{ name: string; framework: QualificationFramework; criteria: Record<string, unknown>; total: number }>([
    { name: 'booleans', framework: 'BANT', criteria: { budget: true, authority: true, need: true, timeline: false }, total: 0.75 },
    { name: 'numbers', framework: 'BANT', criteria: { budget: 80_000, authority: 0.5, need: 1, timeline: 0 }, total: 0.625 },
    {
      name: 'descriptive values',
      framework: 'MEDDIC',
      criteria: { metrics: 'identified', 'Economic Buyer': 'engaged', decision_criteria: 'partial', decision_process: 'unknown', pain: 'confirmed', champion: 'none' },
      total: 0.533,
    },
    { name: 'a missing criterion counts 0', framework: 'SANDLER', criteria: { pain: 'yes', budget: 'yes' }, total: 0.667 },
  ])('totals $name as the mean of criteria', ({ framework, criteria, total }) => {
    expect(scoreQualification(framework, criteria).total).toBe(total);
  });

  it('keeps the better answer when two keys name one criterion, and lists unknown keys', () => {
    const result = scoreQualification('MEDDIC', { pain: 'confirmed', identify_pain: null, mood: 'great' });
    expect(result.criteria.find((c) => c.key === 'identify_pain')).toMatchObject({ score: 1, writtenAs: 'pain' });
    expect(result.unrecognised).toEqual(['mood']);
  });
});

describe('qualification thresholds and recommendations', () => {
  it.each([
    { stage: 'lead', level: 'discovery', threshold: 0.5, known: true },
    { stage: 'qualified', level: 'qualification', threshold: 0.7, known: true },
    { stage: 'discovery', level: 'qualification', threshold: 0.7, known: true },
    { stage: 'proposal', level: 'proposal', threshold: 0.85, known: true },
    { stage: 'negotiation', level: 'negotiation', threshold: 0.9, known: true },
    { stage: 'closed-won', level: 'negotiation', threshold: 0.9, known: true },
    { stage: 'qualification', level: 'qualification', threshold: 0.7, known: true },
    { stage: 'pilot', level: 'qualification', threshold: 0.7, known: false },
    { stage: 'constructor', level: 'qualification', threshold: 0.7, known: false },
  ])('stage $stage uses the $level threshold $threshold', ({ stage, level, threshold, known }) => {
    expect(thresholdForStage(stage)).toMatchObject({ level, threshold, known });
  });

  it('takes threshold overrides by level', () => {
    expect(thresholdForStage('proposal', { proposal: 0.8 }).threshold).toBe(0.8);
  });

  const bant = (budget: unknown, authority: unknown, need: unknown, timeline: unknown) => ({ budget, authority, need, timeline });

  it.each([
    {
      name: 'qualifies a complete deal',
      criteria: bant('confirmed', 'identified', 'yes', 'Q1 2026'),
      stage: 'qualified',
      recommendation: 'QUALIFY',
      reason: 'Qualify: BANT total 0.88 meets the 0.70 threshold for the qualified stage.',
    },
    {
      name: 'the same deal is deferred at negotiation, where the bar is higher',
      criteria: bant('confirmed', 'identified', 'yes', 'Q1 2026'),
      stage: 'negotiation',
      recommendation: 'DEFER',
      reason: 'Defer: BANT total 0.88 is below the 0.90 threshold for the negotiation stage.',
    },
    {
      name: 'qualifies at lead with a gap and names it',
      criteria: bant('yes', 'yes', 'partial', null),
      stage: 'lead',
      recommendation: 'QUALIFY',
      reason: 'Qualify: BANT total 0.63 meets the 0.50 threshold for the lead stage. Still missing: timeline.',
    },
    {
      name: 'defers and names the missing criteria',
      criteria: bant('yes', null, 'yes', null),
      stage: 'qualified',
      recommendation: 'DEFER',
      reason: 'Defer: BANT total 0.50 is below the 0.70 threshold for the qualified stage. Missing: authority and timeline. Find out authority and timeline before deciding.',
    },
    {
      name: 'defers a far-off deal while criteria are unknown',
      criteria: bant('tbd', 'no', 'unknown', 'no'),
      stage: 'qualified',
      recommendation: 'DEFER',
      reason: 'Defer: BANT total 0.10 is below the 0.70 threshold for the qualified stage. Unknown: budget and need. Weak: authority (0.0) and timeline (0.0). Find out budget and need before deciding.',
    },
    {
      name: 'rejects when every criterion is answered and the total is far off',
      criteria: bant('none', 'no', 'partial', 'never'),
      stage: 'qualified',
      recommendation: 'REJECT',
      reason: 'Reject: BANT total 0.13 is more than 0.2 below the 0.70 threshold for the qualified stage, with every criterion answered. Weak: budget (0.0), authority (0.0) and timeline (0.0).',
    },
    {
      name: 'defers within 0.2 of the threshold even when all answered',
      criteria: bant('yes', 'partial', 'partial', 'partial'),
      stage: 'qualified',
      recommendation: 'DEFER',
      reason: 'Defer: BANT total 0.63 is below the 0.70 threshold for the qualified stage.',
    },
    {
      name: 'an empty template defers and asks for everything',
      criteria: bant(null, null, null, null),
      stage: 'lead',
      recommendation: 'DEFER',
      reason: 'Defer: BANT total 0.00 is below the 0.50 threshold for the lead stage. Missing: budget, authority, need and timeline. Find out budget, authority, need and timeline before deciding.',
    },
  ])('$name', ({ criteria, stage, recommendation, reason }) => {
    const result = scoreQualification('BANT', criteria, { stage });
    expect(result.recommendation).toBe(recommendation);
    expect(result.reason).toBe(reason);
  });

  it('lists missing, unknown and weak criteria by key', () => {
    const result = scoreQualification('MEDDPICC', { metrics: 'yes', eb: 'tbd', champion: 'low', competition: 'none' });
    expect(result.missing).toEqual(['decision_criteria', 'decision_process', 'paper_process', 'identify_pain']);
    expect(result.unknown).toEqual(['economic_buyer']);
    expect(result.weak).toEqual(['champion', 'competition']);
  });

  it('carries its reason as a field wherever the result goes: JSON, a copy, a structured clone', () => {
    const result = scoreQualification('BANT', bant('yes', null, 'yes', null), { stage: 'qualified' });
    const reason = 'Defer: BANT total 0.50 is below the 0.70 threshold for the qualified stage. Missing: authority and timeline. Find out authority and timeline before deciding.';
    expect(Object.keys(result).at(-1)).toBe('reason');
    expect(JSON.parse(JSON.stringify(result)).reason).toBe(reason);
    expect({ ...result }.reason).toBe(reason);
    expect(structuredClone(result).reason).toBe(reason);
    expect(result.reason).toBe(reason);
  });

  it('defaults to the qualification threshold', () => {
    expect(scoreQualification('SPIN', {}).stage).toMatchObject({ level: 'qualification', threshold: 0.7 });
  });
});

describe('deal priority', () => {
  it.each([
    { name: 'great fit, big deal, strategic', icpFit: 0.9, arrPotential: 100_000, strategicValue: 'high', score: 0.96, priority: 'high' },
    { name: 'good fit, typical deal, medium', icpFit: 0.8, arrPotential: '$50k', strategicValue: 'medium', score: 0.62, priority: 'medium' },
    { name: 'a range counts by its midpoint', icpFit: 0.8, arrPotential: { min: '$40k', max: '$60k' }, strategicValue: 'medium', score: 0.62, priority: 'medium' },
    { name: 'poor fit, small, low', icpFit: 0.3, arrPotential: '10k', strategicValue: 'low', score: 0.155, priority: 'low' },
    { name: 'no fit score: the rest renormalised', icpFit: null, arrPotential: 100_000, strategicValue: 'high', score: 1, priority: 'high' },
    { name: 'only fit known', icpFit: 0.5, arrPotential: null, strategicValue: null, score: 0.5, priority: 'medium' },
  ])('$name', ({ icpFit, arrPotential, strategicValue, score, priority }) => {
    expect(scoreDealPriority({ icpFit, arrPotential, strategicValue, referenceDealSize: 50_000 })).toMatchObject({ score, priority });
  });

  it('leaves value out without a reference deal size and says so', () => {
    const result = scoreDealPriority({ icpFit: 0.8, arrPotential: 60_000, referenceDealSize: null, strategicValue: 'high' });
    expect(result.missing).toEqual(['value']);
    expect(result.score).toBe(0.877);
  });

  it('has no priority when nothing is known', () => {
    expect(scoreDealPriority({ icpFit: null, arrPotential: null, referenceDealSize: 50_000, strategicValue: null })).toEqual({
      priority: null,
      score: null,
      parts: { fit: null, value: null, strategic: null },
      missing: ['fit', 'value', 'strategic'],
    });
  });
});

// The score breakdown a person reads (`score --json`, the factors) counted "1 day(s) old",
// "1 engagement(s)", "1 further type(s)": counts in words, as every other count.
describe('score details count in words', () => {
  it('says "1 day old", "1 engagement", "1 further type", and the plural for more', () => {
    expect(scoreFreshness('2026-11-30', '2026-12-01').component.detail).toBe('1 day old');
    expect(scoreFreshness('2026-11-29', '2026-12-01').component.detail).toBe('2 days old');
    expect(scoreLead({ behaviour: { email: 1 } }).parts.find((p) => p.name === 'email')?.detail).toBe('1 engagement; full points at 5');
    expect(scoreLead({ behaviour: { email: 3 } }).parts.find((p) => p.name === 'email')?.detail).toBe('3 engagements; full points at 5');
    expect(scoreIntent([{ type: 'funding', detail: 'Series B' }, { type: 'hiring', detail: 'two accountants' }]).component.detail).toMatch(/ × 1 further type, capped at 1$/);
  });
});

