import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../src/api.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { md } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

async function diagnostics(extra: Record<string, string>): Promise<Diagnostic[]> {
  const ws = await openWorkspace(workspace(extra));
  return (await ws.check()).diagnostics;
}

const at = (d: Diagnostic): string => `${d.path}:${d.line}:${d.column} ${d.rule}`;

describe('check', () => {
  it('passes a valid workspace', async () => {
    const ws = await openWorkspace(workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', { goal_id: 'g-first-customers' }), 'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01') }));
    const result = await ws.check();
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.threads).toBe(1);
  });

  it.each([
    {
      name: 'a wrong type, at the value',
      file: 'threads/sales/acme/1-input.md',
      text: md('source: inbound\ncompany:\n  name: Acme\n  employees: many\n'),
      expected: 'threads/sales/acme/1-input.md:5:14 schema',
      message: /`company\.employees`: expected a whole number of 0 or more, without separators, or a band as LinkedIn and CRMs give it, such as 201-500 or 10,001\+ \(got "many"\)/
    },
    {
      name: 'an out-of-range number inside a list',
      file: 'strategy/canvas/10-assumptions.md',
      text: md('assumptions:\n  - id: A1\n    statement: x\n    prior: 1.5\n'),
      expected: 'strategy/canvas/10-assumptions.md:5:12 schema',
      message: /`assumptions\[0\]\.prior`: expected a number from 0 to 1 \(got 1\.5\)/,
    },
    {
      name: 'a missing required key, at the map that lacks it',
      file: 'goals/g-first-customers.md',
      text: md('id: g-first-customers\ntitle: First\ncreated: 2026-03-01\nmetrics:\n  - name: won_count\n    target: 3\n'),
      expected: 'goals/g-first-customers.md:2:1 schema',
      message: /Missing `deadline`/,
    },
    {
      name: 'an enum value in meta.json',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal",\n  "title": "Acme",\n  "source": "carrier-pigeon",\n  "created": "2026-03-01"\n}\n',
      expected: 'threads/sales/acme/meta.json:5:13 schema',
      message: /`source`/,
    },
    ...['2026-02-30', '2026-02-29', '2026-04-31', '"2026-02-31"', "'2026-06-31'"].map((date) => ({
      name: `closed: ${date}, no such day`,
      file: 'threads/sales/acme/6-learning.md',
      text: md(`outcome: closed-won\nclosed: ${date}`),
      expected: 'threads/sales/acme/6-learning.md:3:9 schema',
      message: /`closed`: expected a real calendar date/,
    })),
    {
      name: 'created: 2026-09-31, no such day',
      file: 'threads/sales/acme/meta.json',
      text: dealMeta('acme', { created: '2026-09-31' }),
      expected: 'threads/sales/acme/meta.json:7:14 schema',
      message: /`created`: expected a real calendar date/,
    },
    // A time of day that is none (`T99:99`, `T::`) passed as a date: the form allowed any digits and colons after the day.
    ...['2026-03-01T99:99:99', '2026-03-01T::', '2026-03-01 24:00', '2026-03-01T10:60'].map((created) => ({
      name: `created: ${created}, no such time of day`,
      file: 'threads/sales/acme/meta.json',
      text: dealMeta('acme', { created }),
      expected: 'threads/sales/acme/meta.json:7:14 schema',
      message: /`created`: expected a real time of day, from 00:00 to 23:59:59, after the date/,
    })),
    ...[
      { written: 'lots', message: /`arr_potential`: expected an amount such as 36000 or "\$36k", or a range/ },
      { written: '"-$5k"', message: /`arr_potential`: expected an amount of 0 or more \(got "-\$5k"\)/ },
      { written: '"$36k-$1"', message: /`arr_potential`: expected the lower amount first: this reads as 36000 to 1/ },
    ].map(({ written, message }) => ({ name: `arr_potential: ${written}`, file: 'threads/sales/acme/3-implication.md', text: md(`arr_potential: ${written}`), expected: 'threads/sales/acme/3-implication.md:2:16 schema', message })),
    {
      name: 'arr_potential min above max, at max',
      file: 'threads/sales/acme/3-implication.md',
      text: md('arr_potential:\n  min: 50000\n  max: 10000'),
      expected: 'threads/sales/acme/3-implication.md:4:8 schema',
      message: /`arr_potential\.max`: expected a max of at least the min \(50000\)/,
    },
    {
      name: 'arr_potential min "-$5k", at min',
      file: 'threads/sales/acme/3-implication.md',
      text: md('arr_potential:\n  min: "-$5k"\n  max: 10000'),
      expected: 'threads/sales/acme/3-implication.md:3:8 schema',
      message: /`arr_potential\.min`: expected an amount of 0 or more/,
    },
    {
      name: 'broken YAML, at the syntax error',
      file: 'threads/sales/acme/1-input.md',
      text: md('source: inbound\ncompany:\n  name: "Acme\n  employees: 4\n'),
      expected: 'threads/sales/acme/1-input.md:4:9 yaml-syntax',
      message: /Invalid YAML/,
    },
    {
      name: 'a file saved half-way (front matter never closed)',
      file: 'threads/sales/acme/1-input.md',
      text: '---\nsource: inbound\ncompany:\n  na',
      expected: 'threads/sales/acme/1-input.md:1:1 front-matter-unclosed',
      message: /saved half-way/,
    },
    {
      name: 'an unparseable meta.json',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal",\n',
      expected: 'threads/sales/acme/meta.json:4:1 json-syntax',
      message: /Invalid JSON/,
    },
    {
      // JSON.parse says where for most mistakes, but not for a bare word: it was reported at the
      // end of the file, with a snippet of the file spread over two lines as its message.
      name: 'a value without quotes in meta.json, at the value',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal",\n  "title": "Acme",\n  "segment": mid-market-fintech,\n  "source": "inbound",\n  "created": "2026-03-01"\n}\n',
      expected: 'threads/sales/acme/meta.json:5:14 json-syntax',
      message: /^Invalid JSON: a value without quotes \(`mid-market-fintech`\): expected text in double quotes \("mid-market-fintech"\), a number, true, false or null$/,
    },
    {
      name: 'a misspelt true in meta.json, at the word',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal",\n  "title": "Acme",\n  "segment": "mid-market-fintech",\n  "source": "inbound",\n  "created": "2026-03-01",\n  "x": tru}\n',
      expected: 'threads/sales/acme/meta.json:8:8 json-syntax',
      message: /^Invalid JSON: a value without quotes \(`tru`\): expected text in double quotes \("tru"\), a number, true, false or null$/,
    },
    {
      name: 'a key twice in meta.json, at the 2nd',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal",\n  "title": "Acme",\n  "segment": "ecommerce-finance",\n  "segment": "mid-market-fintech",\n  "source": "inbound",\n  "created": "2026-03-01"\n}\n',
      expected: 'threads/sales/acme/meta.json:6:3 json-syntax',
      message: /^Invalid JSON: duplicate key "segment" \(first on line 5\)/,
    },
    {
      // A meta.json saved half-way: JSON.parse says only "Unexpected end of JSON input".
      name: 'a meta.json cut short, at its end, saying what is missing',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-de',
      expected: 'threads/sales/acme/meta.json:3:20 json-syntax',
      message: /^Invalid JSON: the file ends before its JSON does \(was it saved half-way\?\): expected the rest of the object, up to its closing `}`$/,
    },
    {
      // The comma left after the last entry, JSON.parse's "Expected double-quoted property name" at the `}`.
      name: 'a comma after the last entry of meta.json, at the comma',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal",\n  "title": "Acme",\n  "source": "inbound",\n  "created": "2026-03-01",\n}\n',
      expected: 'threads/sales/acme/meta.json:6:26 json-syntax',
      message: /^Invalid JSON: a comma after the last entry: expected another "key": value after it, or no comma before the closing `}`$/,
    },
    // Written by hand as JavaScript or YAML would have it: JSON.parse named each in its grammar's
    // terms ("Expected double-quoted property name", "Expected ',' or '}' after property value").
    {
      name: 'a comment in meta.json, at the comment',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal",\n  // opened at the fair\n  "title": "Acme",\n  "source": "inbound",\n  "created": "2026-03-01"\n}\n',
      expected: 'threads/sales/acme/meta.json:4:3 json-syntax',
      message: /^Invalid JSON: a comment \(`\/\/ opened at the fair`\): JSON has none — delete it, or keep the note as a key of your own \("note": "…"\)$/,
    },
    {
      name: 'a key in single quotes in meta.json, at the key',
      file: 'threads/sales/acme/meta.json',
      text: "{\n  \"id\": \"acme\",\n  'type': \"sales-deal\",\n  \"title\": \"Acme\",\n  \"source\": \"inbound\",\n  \"created\": \"2026-03-01\"\n}\n",
      expected: 'threads/sales/acme/meta.json:3:3 json-syntax',
      message: /^Invalid JSON: text in single quotes \(`'type'`\): expected double quotes \("type"\)$/,
    },
    {
      name: 'a key without quotes in meta.json, at the key',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  type: "sales-deal",\n  "title": "Acme",\n  "source": "inbound",\n  "created": "2026-03-01"\n}\n',
      expected: 'threads/sales/acme/meta.json:3:3 json-syntax',
      message: /^Invalid JSON: a key without quotes \(`type`\): expected it in double quotes \("type"\)$/,
    },
    {
      name: 'a comma left out between two entries of meta.json, after the first',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal"\n  "title": "Acme",\n  "source": "inbound",\n  "created": "2026-03-01"\n}\n',
      expected: 'threads/sales/acme/meta.json:3:23 json-syntax',
      message: /^Invalid JSON: a comma missing between two entries: expected `,` after this value, before the next one$/,
    },
    {
      // A control character inside a string (a tab or escape code pasted in): JSON.parse's
      // "Bad control character in string literal" said neither which nor what to write.
      name: 'a control character inside a string of meta.json, at the character',
      file: 'threads/sales/acme/meta.json',
      text: '{\n  "id": "acme",\n  "type": "sales-deal",\n  "title": "Ac\u001bme",\n  "source": "inbound",\n  "created": "2026-03-01"\n}\n',
      expected: 'threads/sales/acme/meta.json:4:15 json-syntax',
      message: /^Invalid JSON: a control character \(U\+001B\) inside a string: expected text — delete it, or write it escaped \(\\n for a line break, \\t for a tab\)$/,
    },
    {
      name: 'an empty meta.json',
      file: 'threads/sales/acme/meta.json',
      text: '',
      expected: 'threads/sales/acme/meta.json:1:1 json-syntax',
      message: /^Invalid JSON: the file is empty: expected an object `\{ … \}`; an empty file is often a save cut short$/,
    },
    {
      // White space only was reported at the line after it, and said nothing of what was expected.
      name: 'a meta.json of blank lines, at its start',
      file: 'threads/sales/acme/meta.json',
      text: '  \n\n',
      expected: 'threads/sales/acme/meta.json:1:1 json-syntax',
      message: /^Invalid JSON: the file is empty: expected an object `\{ … \}`; an empty file is often a save cut short$/,
    },
  ])('points at $name', async ({ file, text, expected, message }) => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound'),
      [file]: text,
    });
    const match = found.find((d) => at(d) === expected);
    expect(match, `expected ${expected} among:\n${found.map(at).join('\n')}`).toBeDefined();
    expect(match!.message).toMatch(message);
    expect(match!.severity).toBe('error');
  });

  // `""` was told "expected text, not empty" — an amount is no text — and then again as no amount.
  it.each([
    ['threads/sales/acme/3-implication.md', 'arr_potential: ""', 'arr_potential', /^Invalid `arr_potential`: expected an amount such as 36000 or "\$36k", or a range/],
    ['threads/sales/acme/1-input.md', 'source: inbound\ncompany:\n  name: Acme\n  revenue: ""', 'company.revenue', /^Invalid `company\.revenue`: expected an amount such as "\$45M", a range such as "10M-50M", or a band with one bound/],
    ['threads/sales/acme/3-implication.md', 'arr_potential: {min: "", max: 50000}', 'arr_potential.min', /^Invalid `arr_potential\.min`: expected an amount/],
  ])('reports an amount left as "" once, as no amount: %s %s', async (file, front, field, message) => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound'),
      [file]: md(front),
    });
    const there = found.filter((d) => d.path === file && d.rule === 'schema');
    expect(there.map((d) => [d.field, d.message])).toEqual([[field, expect.stringMatching(message)]]);
  });

  it.each(['yesterday', '2026/03/01', '"soon"'])('reports closed: %s once, as no date at all, not also as no calendar day', async (date) => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound'),
      'threads/sales/acme/6-learning.md': md(`outcome: closed-won\nclosed: ${date}`),
    });
    const there = found.filter((d) => d.path === 'threads/sales/acme/6-learning.md' && d.line === 3);
    expect(there.map((d) => d.message)).toEqual([expect.stringMatching(/`closed`: expected a date such as 2026-03-01/)]);
  });

  it.each([
    { name: 'an unknown assumption in tests[]', file: '2-hypothesis.md', text: md('tests: [A1, A9]'), expected: 'threads/sales/acme/2-hypothesis.md:2:13 unknown-assumption', message: /Unknown assumption `A9`.*expected one of A1, A2, A3/ },
    { name: 'an unknown assumption in validations[]', file: '2-hypothesis.md', text: md('tests: [A1]'), extra: { 'threads/sales/acme/3-implication.md': md('arr_potential: 1'), 'threads/sales/acme/4-decision.md': md('decision: QUALIFY'), 'threads/sales/acme/5-actions.md': md('actions: []'), 'threads/sales/acme/6-learning.md': md('outcome: closed-won\nvalidations:\n  - assumption: Z7\n    result: validated\n    evidence: yes') }, expected: 'threads/sales/acme/6-learning.md:4:17 unknown-assumption', message: /Unknown assumption `Z7`/ },
    { name: 'a stage without its predecessor', file: '3-implication.md', text: md('arr_potential: 40000'), expected: 'threads/sales/acme/3-implication.md:1:1 stage-order', message: /expected 2-hypothesis\.md/ },
  ])('reports $name', async ({ file, text, expected, message, extra }) => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound'),
      [`threads/sales/acme/${file}`]: text,
      ...extra,
    });
    const match = found.find((d) => at(d) === expected);
    expect(match, `expected ${expected} among:\n${found.map(at).join('\n')}`).toBeDefined();
    expect(match!.message).toMatch(message);
  });

  it.each([
    { name: 'an unknown segment', meta: { segment: 'space-agencies' }, expected: 'threads/sales/acme/meta.json:5:14 unknown-segment' },
    { name: 'an unknown goal', meta: { goal_id: 'g-nope' }, expected: 'threads/sales/acme/meta.json:8:14 unknown-goal' },
    { name: 'an unknown subgoal', meta: { goal_id: 'g-first-customers', subgoal: 'SG9' }, expected: 'threads/sales/acme/meta.json:9:14 unknown-subgoal' },
    { name: 'a subgoal without a goal', meta: { subgoal: 'SG1' }, expected: 'threads/sales/acme/meta.json:8:14 subgoal-without-goal' },
    { name: 'an id that is not the folder', meta: { id: 'other' }, expected: 'threads/sales/acme/meta.json:2:9 thread-id-folder' },
    { name: 'a type that does not fit the folder', meta: { type: 'sales-campaign' }, expected: 'threads/sales/acme/meta.json:3:11 thread-type-folder' },
  ])('reports $name in meta.json at its value', async ({ meta, expected }) => {
    const found = await diagnostics({ 'threads/sales/acme/meta.json': dealMeta('acme', meta), 'threads/sales/acme/1-input.md': md('source: inbound') });
    expect(found.map(at)).toContain(expected);
  });

  it('lists only valid ids as expected, not one its own row refuses (a lower-case a2, a segment Retail)', async () => {
    const found = await diagnostics({
      'strategy/canvas/10-assumptions.md': md('assumptions:\n  - {id: A1, statement: x, prior: 0.5}\n  - {id: a2, statement: y, prior: 0.5}\n  - {id: A3, statement: z, prior: 0.5}\n'),
      'strategy/canvas/04-segments.md': md('segments:\n  - {id: mid-market-fintech, name: Fintech}\n  - {id: Retail, name: Retail}\n'),
      'threads/sales/acme/meta.json': dealMeta('acme', { segment: 'retail' }),
      'threads/sales/acme/1-input.md': md('source: inbound'),
      'threads/sales/acme/2-hypothesis.md': md('tests: [A9]'),
    });
    const message = (rule: string): string | undefined => found.find((d) => d.rule === rule)?.message;
    expect(message('unknown-assumption')).toBe('Unknown assumption `A9` (not in 10-assumptions.md): expected one of A1, A3');
    expect(message('unknown-segment')).toBe('Unknown segment `retail` (not in 04-segments.md): expected one of mid-market-fintech');
    // The rows themselves are the schema's errors, at their ids.
    expect(found.filter((d) => d.rule === 'schema').map(at)).toEqual(['strategy/canvas/04-segments.md:4:10 schema', 'strategy/canvas/10-assumptions.md:4:10 schema']);
  });

  // Written under a slip of the list's key, the segments and assumptions are read as none, and
  // each thread naming one was told "none are defined yet" beside the list it had written.
  it('names the misspelt list key when a thread names a segment or assumption and none is read', async () => {
    const found = await diagnostics({
      'strategy/canvas/10-assumptions.md': md('assumption:\n  - {id: A1, statement: x, prior: 0.5}\n'),
      'strategy/canvas/04-segments.md': md('segmentz:\n  - {id: mid-market-fintech, name: Fintech}\n'),
      'threads/sales/acme/meta.json': dealMeta('acme', { segment: 'mid-market-fintech' }),
      'threads/sales/acme/1-input.md': md('source: inbound'),
      'threads/sales/acme/2-hypothesis.md': md('tests: [A1]'),
    });
    const message = (rule: string): string | undefined => found.find((d) => d.rule === rule)?.message;
    expect(message('unknown-segment')).toBe('Unknown segment `mid-market-fintech` (not in 04-segments.md): none is read: `segmentz:` at strategy/canvas/04-segments.md:2:1 looks like `segments:`, the key threadwork reads — rename it');
    expect(message('unknown-assumption')).toBe('Unknown assumption `A1` (not in 10-assumptions.md): none is read: `assumption:` at strategy/canvas/10-assumptions.md:2:1 looks like `assumptions:`, the key threadwork reads — rename it');
  });

  it('reports duplicate ids of segments, assumptions and subgoals at the second one', async () => {
    const found = await diagnostics({
      'strategy/canvas/10-assumptions.md': md('assumptions:\n  - id: A1\n    statement: x\n    prior: 0.5\n  - id: A1\n    statement: y\n    prior: 0.5\n'),
      'goals/g-two.md': md('id: g-two\ntitle: Two\ndeadline: 2026-12-31\ncreated: 2026-01-01\nmetrics:\n  - name: won_count\n    target: 1\nsubgoals:\n  - {id: SG1, title: a, metric: won_count, target: 1}\n  - {id: SG1, title: b, metric: won_count, target: 1}\n'),
    });
    expect(found.map(at)).toEqual(expect.arrayContaining(['strategy/canvas/10-assumptions.md:6:9 duplicate-id', 'goals/g-two.md:11:10 duplicate-id']));
  });

  // The message said "already used by assumptions[0]": an index into the list, to count by hand.
  it('names the line and column of a duplicate id and of its first use', async () => {
    const found = await diagnostics({
      'strategy/canvas/10-assumptions.md': md('assumptions:\n  - id: A1\n    statement: x\n    prior: 0.5\n  - id: A1\n    statement: y\n    prior: 0.5\n'),
      'strategy/canvas/04-segments.md': md('segments:\n  - {id: fintech, name: Fintech}\n  - {id: retail, name: Retail}\n  - {id: fintech, name: Fintech again}\n'),
    });
    const messages = found.filter((d) => d.rule === 'duplicate-id').map((d) => `${at(d)}: ${d.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      'strategy/canvas/10-assumptions.md:6:9 duplicate-id: Duplicate assumption id `A1` on line 6, column 9: first used on line 3, column 9; expected each assumption to have its own id',
      'strategy/canvas/04-segments.md:5:10 duplicate-id: Duplicate segment id `fintech` on line 5, column 10: first used on line 3, column 10; expected each segment to have its own id',
    ]));
  });

  it('warns where a written decision contradicts the qualification score, and only there', async () => {
    const strong = 'framework: BANT\ncriteria:\n  budget: 76000\n  authority: confirmed - the CFO signs\n  need: strong\n  timeline: Q4 2026\nreasoning: x';
    const weak = 'framework: BANT\ncriteria:\n  budget: unknown\n  authority: unknown\n  need: weak\n  timeline: unknown\nreasoning: x';
    const deal = (id: string, decision: string, criteria: string): Record<string, string> => ({
      [`threads/sales/${id}/meta.json`]: dealMeta(id),
      [`threads/sales/${id}/1-input.md`]: md('source: inbound\ndate: 2026-03-01'),
      [`threads/sales/${id}/4-decision.md`]: md(`decision: ${decision}\n${criteria}`),
    });
    const found = (await diagnostics({ ...deal('rejected-strong', 'REJECT', strong), ...deal('qualified-weak', 'QUALIFY', weak), ...deal('qualified-strong', 'QUALIFY', strong), ...deal('rejected-weak', 'REJECT', weak) })).filter(
      (d) => d.rule === 'decision-contradicts-score',
    );
    expect(found.map(at).sort()).toEqual(['threads/sales/qualified-weak/4-decision.md:2:11 decision-contradicts-score', 'threads/sales/rejected-strong/4-decision.md:2:11 decision-contradicts-score']);
    expect(found.find((d) => d.path.includes('rejected-strong'))?.message).toMatch(/^REJECT although the BANT score \d\.\d\d clears the \w+ threshold/);
    expect(found.find((d) => d.path.includes('qualified-weak'))?.message).toMatch(/^QUALIFY although the BANT score \d\.\d\d is below the \w+ threshold/);
  });

  // 0.698 shown to two decimals read "the BANT score 0.70 is below the qualification threshold 0.70".
  it('shows a total just under the threshold with the decimal that puts it under, never as the threshold itself', async () => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01'),
      'threads/sales/acme/4-decision.md': md('decision: QUALIFY\nframework: BANT\ncriteria:\n  budget: 69%\n  authority: 0.7\n  need: 0.7\n  timeline: 0.7\nreasoning: x'),
    });
    const message = found.find((d) => d.rule === 'decision-contradicts-score')?.message;
    expect(message).toMatch(/^QUALIFY although the BANT score 0\.69\d is below the qualification threshold 0\.70: Defer: BANT total 0\.69\d is below the 0\.70 threshold/);
  });

  // A criterion is weak under 0.5; to one decimal 0.46 and 0.49 both read "(0.5)", the bar itself.
  it('shows a weak criterion just under 0.5 with the decimal that puts it under, never as 0.5', async () => {
    // By hand: (0.46 + 0.49 + 1 + 0.8) / 4 = 0.6875, to three decimals 0.688 (0.69 in the
    // message), under the 0.70 qualification bar; budget and authority are under 0.5: weak.
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01'),
      'threads/sales/acme/4-decision.md': md('decision: QUALIFY\nframework: BANT\ncriteria:\n  budget: 0.46\n  authority: 0.49\n  need: 1\n  timeline: 0.8\nreasoning: x'),
    });
    const message = found.find((d) => d.rule === 'decision-contradicts-score')?.message;
    expect(message).toContain('Defer: BANT total 0.69 is below the 0.70 threshold for the qualified stage. Weak: budget (0.46) and authority (0.49).');
  });

  // An empty or broken 6-learning.md read as missing: the won deal was judged open at negotiation's threshold.
  it('does not judge a decision against a stage the thread may no longer be at: a later stage file in error', async () => {
    const weak = 'framework: BANT\ncriteria:\n  budget: unknown\n  authority: unknown\n  need: weak\n  timeline: unknown\nreasoning: x';
    const deal = (id: string, learning: string | undefined): Record<string, string> => ({
      [`threads/sales/${id}/meta.json`]: dealMeta(id),
      [`threads/sales/${id}/1-input.md`]: md('source: inbound\ndate: 2026-03-01'),
      [`threads/sales/${id}/4-decision.md`]: md(`decision: QUALIFY\n${weak}`),
      [`threads/sales/${id}/5-actions.md`]: md('actions:\n  - {type: sales:demo, status: completed, completed: 2026-03-20}'),
      ...(learning === undefined ? {} : { [`threads/sales/${id}/6-learning.md`]: learning }),
    });
    const found = await diagnostics({ ...deal('open', undefined), ...deal('won', md('outcome: closed-won\nclosed: 2026-05-01\narr: 42000')), ...deal('emptied', ''), ...deal('broken', '---\noutcome: [closed-won\n---\n') });
    const judged = found.filter((d) => d.rule === 'decision-contradicts-score').map((d) => d.path);
    // Judged where the stage is known (these criteria fall short of every stage's threshold); not where a later stage is in error.
    expect(judged.sort()).toEqual(['threads/sales/open/4-decision.md', 'threads/sales/won/4-decision.md']);
    expect(found.filter((d) => d.path.endsWith('/6-learning.md')).map((d) => `${d.path} ${d.rule}`).sort()).toEqual(['threads/sales/broken/6-learning.md yaml-syntax', 'threads/sales/emptied/6-learning.md file-empty']);
  });

  it('warns at a criterion key the framework does not have, which the qualification score leaves out', async () => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme'),
      'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01'),
      'threads/sales/acme/4-decision.md': md('decision: DEFER\nframework: MEDDIC\ncriteria:\n  champion: confirmed\n  budget: confirmed\n  Economic Buyer: identified\n  chmapion: Dana\nreasoning: x'),
    });
    const unrecognised = found.filter((d) => d.rule === 'criterion-unrecognised');
    expect(unrecognised.map(at)).toEqual(['threads/sales/acme/4-decision.md:6:11 criterion-unrecognised', 'threads/sales/acme/4-decision.md:8:13 criterion-unrecognised']);
    expect(unrecognised[0]!.severity).toBe('warning');
    expect(unrecognised[0]!.message).toBe('`budget` is not a MEDDIC criterion, so the qualification score leaves it out: expected one of metrics, economic_buyer, decision_criteria, decision_process, identify_pain, champion');
  });

  // `deal new --source thread:threads/marketing/close-in-four-day` (a typo) was taken and
  // passed check, while the same typo in a campaign: source is a warning.
  it('warns at the source of a deal whose thread: source names no thread, as it does for campaign:', async () => {
    const found = await diagnostics({
      'threads/marketing/close-in-four-days/meta.json': JSON.stringify({ id: 'close-in-four-days', type: 'marketing', title: 'Close', source: 'inbound', created: '2026-03-01' }),
      'threads/marketing/close-in-four-days/1-input.md': md('source: inbound'),
      'threads/sales/acme/meta.json': dealMeta('acme', { source: 'thread:threads/marketing/close-in-four-day' }),
      'threads/sales/acme/1-input.md': md('source: inbound'),
      'threads/sales/globex/meta.json': dealMeta('globex', { source: 'thread:threads/marketing/close-in-four-days' }),
      'threads/sales/globex/1-input.md': md('source: inbound'),
    });
    const unknown = found.filter((d) => d.rule === 'unknown-source-thread');
    expect(unknown.map(at)).toEqual(['threads/sales/acme/meta.json:6:13 unknown-source-thread']);
    expect(unknown[0]).toMatchObject({ severity: 'warning', field: 'source', message: 'Unknown thread `threads/marketing/close-in-four-day` in `source`: no thread folder there; expected the path of one (threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug})' });
  });

  // A deal copied from another, or a slip of the path, named itself as what led to it: taken in silence.
  it('warns at the source of a thread whose thread: source names the thread itself', async () => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme', { source: 'thread:threads/sales/acme' }),
      'threads/sales/acme/1-input.md': md('source: inbound'),
    });
    const own = found.filter((d) => d.rule === 'unknown-source-thread');
    expect(own.map(at)).toEqual(['threads/sales/acme/meta.json:6:13 unknown-source-thread']);
    expect(own[0]).toMatchObject({ severity: 'warning', field: 'source', message: 'Unexpected `source`: `threads/sales/acme` is this thread itself; expected the path of the thread it came from (threads/sales/{deal}, threads/sales/campaigns/{campaign} or threads/marketing/{slug}), or how it came (inbound, outbound, referral, partner, event)' });
  });

  it('reports a thread folder without meta.json, and goes on with the other threads', async () => {
    const found = await diagnostics({
      'threads/sales/orphan/1-input.md': md('source: inbound'),
      'threads/sales/acme/meta.json': dealMeta('acme', { segment: 'nope' }),
    });
    expect(found.map(at)).toEqual(expect.arrayContaining(['threads/sales/orphan/meta.json:1:1 thread-meta-missing', 'threads/sales/acme/meta.json:5:14 unknown-segment']));
  });

  it('reports every problem in one pass across many files', async () => {
    const found = await diagnostics({
      'threads/sales/a/meta.json': '{',
      'threads/sales/b/meta.json': dealMeta('b', { segment: 'nope' }),
      'threads/sales/c/meta.json': dealMeta('c'),
      'threads/sales/c/1-input.md': '---\ndate: [\n---\n',
      'goals/g-bad.md': md('id: g-bad\ntitle: x'),
    });
    const files = new Set(found.filter((d) => d.severity === 'error').map((d) => d.path));
    expect([...files].sort()).toEqual(['goals/g-bad.md', 'threads/sales/a/meta.json', 'threads/sales/b/meta.json', 'threads/sales/c/1-input.md']);
  });

  it('keeps unknown front-matter keys instead of rejecting them', async () => {
    const ws = await openWorkspace(workspace({ 'threads/sales/acme/meta.json': dealMeta('acme', { crm_id: 'SF-123' }), 'threads/sales/acme/1-input.md': md('source: inbound\nmy_notes: call back\ncompany:\n  name: Acme\n  hq_city: Berlin') }));
    const model = await ws.load();
    expect(model.diagnostics).toEqual([]);
    expect(model.files.get('threads/sales/acme/1-input.md')!.value).toMatchObject({ my_notes: 'call back', company: { hq_city: 'Berlin' } });
    expect(model.files.get('threads/sales/acme/meta.json')!.value).toMatchObject({ crm_id: 'SF-123' });
  });

  it('ignores editor swap, backup and temp files', async () => {
    const found = await diagnostics({
      'threads/sales/acme/meta.json': dealMeta('acme', { goal_id: 'g-first-customers' }),
      'threads/sales/acme/1-input.md': md('source: inbound\ndate: 2026-03-01'),
      'threads/sales/acme/.1-input.md.swp': 'garbage',
      'threads/sales/acme/1-input.md~': '---\nbroken: [\n',
      'goals/.#g-first-customers.md': 'lock',
      'threads/sales/.hidden/meta.json': '{',
    });
    expect(found).toEqual([]);
  });
});
