/**
 * A value each tool argument takes, for the refusal of a wrong one (argument-problems.ts):
 * an agent told `"stage": 2` retries with a number, where "expected number" left it to guess
 * the shape. By argument name; an argument two tools spell alike but take differently
 * (`name`: a report's, a campaign's) is listed under its tool. test/mcp-argument-terms.test.ts
 * checks that every argument of every tool has one, and that each is a value the tool takes.
 */
const BY_ARGUMENT: Record<string, unknown> = {
  thread: 'acme-corp',
  deal: 'acme-corp',
  campaign: '2026-09-15-fintech-controller-outbound',
  stage: 2,
  front_matter: { statement: 'Controllers at 200-person fintechs lose a week a month to reconciliation', initial_confidence: 0.6 },
  remove: ['contact.title'],
  body: '# Hypothesis — Acme Corp\n\nWhat we believe and why.\n',
  version: 'c72ee60b28c8e482',
  sync: false,
  commit: false,
  dry_run: true,
  force: true,
  company: 'Acme Corp',
  slug: 'acme-corp',
  segment: 'mid-market-fintech',
  segments: ['mid-market-fintech'],
  title: 'Acme Corp — reconciliation',
  goal: 'g-arr-500k-2026',
  subgoal: 'SG1',
  source: 'referral',
  date: '2026-03-02',
  created: '2026-03-02',
  contact_name: 'Ada Lovelace',
  contact_title: 'VP Finance',
  contact_email: 'ada@acme.com',
  domain: 'acme.com',
  signal: 'Asked for a demo after the webinar',
  type: 'sales-deal',
  status: 'open',
  subject: 'A4',
  accounts: [{ name: 'Acme Corp', domain: 'acme.com', industry: 'payments', employees: 400 }],
  contacts: [{ name: 'Ada Lovelace', title: 'VP Finance', email: 'ada@acme.com', company: 'Acme Corp' }],
  file: 'research/accounts.csv',
  email: 'ada@acme.com',
  text: 'Thanks, happy to talk next week',
  paths: ['threads/sales/acme-corp/2-hypothesis.md'],
  drafts: ['threads/sales/campaigns/2026-09-15-fintech-controller-outbound/drafts/ada-lovelace-1.md'],
};

const BY_TOOL: Record<string, Record<string, unknown>> = {
  report: { name: 'pipeline' },
  create_campaign: { name: 'Fintech controller outbound', slug: 'fintech-controller-outbound' },
};

/** A value `tool`'s argument `name` takes; undefined for one no example is written for. */
export function argumentExample(tool: string, name: string): unknown {
  return BY_TOOL[tool]?.[name] ?? BY_ARGUMENT[name];
}
