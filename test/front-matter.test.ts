import { describe, expect, it } from 'vitest';
import { composeMarkdown } from '../src/markdown/compose.js';
import { bodyOffsetOf, parseFrontMatter } from '../src/markdown/front-matter.js';
import { addFrontMatterScalar, removeFrontMatterScalar, replaceFrontMatter, setFrontMatterFields, setFrontMatterScalar } from '../src/markdown/front-matter-edit.js';
import { YamlLocator } from '../src/markdown/locate.js';

describe('parseFrontMatter', () => {
  it('normalises unquoted dates to the string the yaml package would give', () => {
    const fm = parseFrontMatter('---\ndate: 2026-03-01\nat: 2026-03-01T10:30:00Z\nquoted: "2026-03-02"\n---\nbody\n');
    expect(fm.data).toEqual({ date: '2026-03-01', at: '2026-03-01T10:30:00Z', quoted: '2026-03-02' });
    expect(fm.bodyOffset).toBe('---\ndate: 2026-03-01\nat: 2026-03-01T10:30:00Z\nquoted: "2026-03-02"\n---\n'.length);
  });

  it('reads CRLF files and files with a byte-order mark', () => {
    expect(parseFrontMatter('---\r\ntitle: a\r\n---\r\nbody').data).toEqual({ title: 'a' });
    expect(parseFrontMatter('\uFEFF---\ntitle: b\n---\n').data).toEqual({ title: 'b' });
  });

  it('treats a file without front matter as empty data, body from the start', () => {
    expect(parseFrontMatter('# Just prose\n')).toMatchObject({ data: {}, present: false, bodyOffset: 0 });
  });

  it('reports front matter that is a list instead of a map', () => {
    expect(parseFrontMatter('---\n- a\n- b\n---\n').errors?.[0]).toMatchObject({ rule: 'front-matter-not-object', position: { line: 2 } });
  });

  it('points an unclosed quote at the quote that opened it', () => {
    const fm = parseFrontMatter('---\na: 1\ntitle: "Unclosed\nb: 2\n---\n');
    expect(fm.errors?.[0]).toMatchObject({ rule: 'yaml-syntax', position: { line: 3, column: 8 } });
  });

  /**
   * `tags: [a, b` with no `]`, followed by a key at column 0 or by the closing `---`: the
   * parser calls it a flow sequence not "sufficiently indented", which was said as "a line
   * without `key:`". It is the `[` never closed, said at the `[`.
   */
  it.each([
    ['before the closing ---', '---\nid: x\ntags: [a, b\n---\n', { line: 3, column: 7 }, '`[`', '`]`'],
    ['before the next key', '---\ntags: [a, b\ntitle: x\n---\n', { line: 2, column: 7 }, '`[`', '`]`'],
    ['a map before the closing ---', '---\nid: x\ncompany: {name: A\n---\n', { line: 3, column: 10 }, '`{`', '`}`'],
    // The sibling key after it, read inside the brackets, is no second error (it was said to hold a second key: "quote the value").
    ['before a sibling key whose value holds `: `', '---\nsegments:\n  - id: a\n    name: [Mid-market\n    description: Payments: one ledger\n  - id: b\n---\n', { line: 4, column: 11 }, '`[`', '`]`'],
  ])('says an unclosed bracket %s is never closed, at the bracket', (_name, text, position, opener, closer) => {
    const errors = parseFrontMatter(text).errors ?? [];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: 'yaml-syntax', position });
    expect(errors[0]!.message).toContain(`a ${opener} opened here is never closed: expected ${closer}`);
  });

  it('does not share parsed objects between calls (gray-matter caches without options)', () => {
    const text = '---\nlist: [1]\n---\n';
    const first = parseFrontMatter(text).data as { list: number[] };
    first.list.push(2);
    expect(parseFrontMatter(text).data).toEqual({ list: [1] });
  });
});

describe('bodyOffsetOf', () => {
  it('finds the body where parseFrontMatter does, without parsing the YAML', () => {
    const texts = [
      '---\ntitle: A\n---\nbody\n',
      '---\ntitle: A\n---',
      '---\r\ntitle: A\r\n---\r\nbody\r\n',
      '\uFEFF---\ntitle: A\n...\nbody\n',
      '---\ntitle: [unclosed\n---\nbody\n', // broken YAML: the delimiters still place the body
      '---\ntitle: A\nno closing line\n', // unclosed: the body is empty
      'no front matter\n---\n',
      '',
    ];
    for (const text of texts) expect([text, bodyOffsetOf(text)]).toEqual([text, parseFrontMatter(text).bodyOffset]);
    expect(bodyOffsetOf('---\ntitle: A\n---\nbody\n')).toBe('---\ntitle: A\n---\n'.length);
  });
});

describe('composeMarkdown', () => {
  it('writes front matter the reader reads back as given, and the body as given', () => {
    const data = { status: 'draft', date: '2026-03-01', n: 3, yes: 'yes', empty: '', colon: 'a: b', lines: 'one\ntwo', list: ['x', '#y'], nested: { title: null } };
    const body = '---\nA body that opens with a rule, not front matter.\n';
    const text = composeMarkdown(data, body);
    const read = parseFrontMatter(text);
    expect(read.data).toEqual(data);
    expect(text.slice(read.bodyOffset)).toBe(body);
    expect(text.startsWith('---\nstatus: draft\ndate: 2026-03-01\n')).toBe(true);
  });

  it('ends the file with one line break, and keeps an empty block for no data', () => {
    expect(composeMarkdown({ a: 1 }, '')).toBe('---\na: 1\n---\n');
    expect(composeMarkdown({ a: 1 }, 'Body')).toBe('---\na: 1\n---\nBody\n');
    expect(composeMarkdown({}, 'Body\n')).toBe('---\n---\nBody\n');
    expect(composeMarkdown({ a: 1, gone: undefined }, '\nBody\n')).toBe('---\na: 1\n---\n\nBody\n');
  });

  it('keeps the blank lines a last multi-line value ends with (gray-matter trims its engine output)', () => {
    for (const value of ['text\n\n', 'a\n\n\n', 'line\n', '\n\nx', 'two\nlines']) {
      const text = composeMarkdown({ first: 1, last: { nested: value } }, 'Body\n');
      expect([value, parseFrontMatter(text).data]).toEqual([value, { first: 1, last: { nested: value } }]);
    }
    // A value that trimming cannot touch keeps its block scalar.
    expect(composeMarkdown({ notes: 'one\ntwo' }, '')).toBe('---\nnotes: |-\n  one\n  two\n---\n');
  });
});

describe('YamlLocator', () => {
  const text = '\nid: x\ncompany:\n  name: Acme\n  signals:\n    - type: funding\n    - type: hiring\nempty:\n';
  it.each([
    { path: ['id'], line: 2, column: 5 },
    { path: ['company', 'name'], line: 4, column: 9 },
    { path: ['company', 'signals', 1, 'type'], line: 7, column: 13 },
    { path: ['company', 'missing'], line: 4, column: 3 },
    { path: ['empty'], line: 8, column: 1 },
    { path: ['company', 'signals', 7], line: 6, column: 5 },
  ])('locates $path at $line:$column', ({ path, line, column }) => {
    expect(new YamlLocator(text).locate(path)).toEqual({ line, column });
  });
});

describe('addFrontMatterScalar through an alias', () => {
  // A prospect or a subgoal written `- *p` is the map anchored elsewhere: `campaign reply`
  // and the sync that records a subgoal reached died there, finding no map.
  const text = '---\nfirst: &p {email: ada@example.com}   # the pilot contact\nsecond: &q\n  email: bo@example.com\nprospects:\n  - *p\n  - *q\n---\nBody.\n';

  it('adds the key to the map the alias names, where it is written, and sets it there once added', () => {
    const added = addFrontMatterScalar(addFrontMatterScalar(text, ['prospects', 0], 'status', 'replied'), ['prospects', 1], 'status', 'bounced');
    expect(added).toBe(text.replace('ada@example.com}', 'ada@example.com, status: replied}').replace('  email: bo@example.com\n', '  email: bo@example.com\n  status: bounced\n'));
    expect(parseFrontMatter(added).data).toMatchObject({ prospects: [{ status: 'replied' }, { status: 'bounced' }] });
    expect(addFrontMatterScalar(added, ['prospects', 1], 'status', 'unsubscribed')).toBe(added.replace('status: bounced', 'status: unsubscribed'));
  });
});

describe('replaceFrontMatter', () => {
  const text = '---\n# owner: Maya\nactions:\n  - type: a   # first\n    status: done\n  - type: b\ncriteria:\n  budget: yes\ntests: [A1, A2]  # the close\nkeep: 1 # c\n---\nbody  stays\n';

  it('keeps unchanged keys byte for byte and rewrites a changed one where it stands, in its flow style', () => {
    const out = replaceFrontMatter(text, { actions: [{ type: 'a', status: 'done' }, { type: 'b' }], criteria: { budget: 'yes' }, tests: ['A1', 'A3'], keep: 1 });
    expect(out).toBe(text.replace('tests: [A1, A2]', 'tests: [A1, A3]'));
  });

  it('removes dropped keys with their lines, block values included, and appends new keys', () => {
    const out = replaceFrontMatter(text, { tests: ['A1', 'A2'], keep: 2, extra: { a: [1, 2] } });
    expect(out).toBe('---\n# owner: Maya\ntests: [A1, A2]  # the close\nkeep: 2 # c\nextra:\n  a:\n    - 1\n    - 2\n---\nbody  stays\n');
  });

  // An agent changing one field of a block map (`company.industry`) or of one action rewrote
  // the whole key: every comment inside it gone, `"$14M"` unquoted, the other entries redrawn.
  const nested = '---\ncompany:\n  name: "Fernway Home"\n  employees: 70   # LinkedIn, May\n  revenue: "$14M"\n  industry: null\n  # what they run\n  technologies: [Shopify, Etsy]\nactions:\n  - type: sales:demo   # Jon\n    status: pending\n    due: null\n  - type: sales:close\n    status: pending\n---\nbody\n';
  const data = { company: { name: 'Fernway Home', employees: 70, revenue: '$14M', industry: null, technologies: ['Shopify', 'Etsy'] }, actions: [{ type: 'sales:demo', status: 'pending', due: null }, { type: 'sales:close', status: 'pending' }] };

  it('edits a block map or a list of block maps at the keys that changed: every other byte inside stays', () => {
    const changed = structuredClone(data);
    changed.company.industry = 'retail' as never;
    changed.company.technologies = ['Shopify', 'Etsy', 'Xero'];
    changed.actions[0]!.status = 'completed';
    changed.actions[0]!.due = '2026-12-01' as never;
    expect(replaceFrontMatter(nested, changed)).toBe(
      nested.replace('industry: null', 'industry: retail').replace('[Shopify, Etsy]', '[Shopify, Etsy, Xero]').replace('status: pending\n    due: null', 'status: completed\n    due: 2026-12-01'),
    );
  });

  it('removes a nested key with its line and appends a new one at its map\'s indentation', () => {
    const { employees: _employees, ...company } = data.company;
    const out = replaceFrontMatter(nested, { ...data, company: { ...company, geography: 'United Kingdom' } });
    expect(out).toBe(nested.replace('  employees: 70   # LinkedIn, May\n', '').replace('  technologies: [Shopify, Etsy]\n', '  technologies: [Shopify, Etsy]\n  geography: United Kingdom\n'));
  });

  it("draws a template's empty flow list filled with maps in block style, and one of words in flow", () => {
    const text = '---\ntests: []\ncompany:\n  name: A\n  signals: []\n  technologies: []\n---\n';
    const out = replaceFrontMatter(text, { tests: ['A1'], company: { name: 'A', signals: [{ type: 'funding', date: '2026-11-01' }], technologies: ['Xero'] } });
    expect(out).toBe('---\ntests: [A1]\ncompany:\n  name: A\n  signals:\n    - type: funding\n      date: 2026-11-01\n  technologies: [Xero]\n---\n');
  });

  it('keeps the comment after a one-line value drawn over several lines on its key\'s line', () => {
    const text = '---\nvalidations: []   # after the close\ncompany:\n  signals: [] # from the call\n  name: A\n---\n';
    const out = replaceFrontMatter(text, { validations: [{ assumption: 'A1' }], company: { signals: [{ type: 'funding' }], name: 'A' } });
    expect(out).toBe('---\nvalidations:   # after the close\n  - assumption: A1\ncompany:\n  signals: # from the call\n    - type: funding\n  name: A\n---\n');
  });

  it('rewrites a list whose length changed as a whole, in its block style', () => {
    const out = replaceFrontMatter(nested, { ...data, actions: [data.actions[0]] });
    expect(out).toBe(nested.replace(/actions:[\s\S]*?---/, 'actions:\n  - type: sales:demo\n    status: pending\n    due: null\n---'));
  });

  it('keeps CRLF line endings and handles an empty front matter', () => {
    expect(replaceFrontMatter('---\r\nx: [1, 2]\r\ny: 1\r\n---\r\nbody\r\n', { x: [1, 3], z: 'a b' })).toBe('---\r\nx: [1, 3]\r\nz: a b\r\n---\r\nbody\r\n');
    expect(replaceFrontMatter('---\n---\nbody\n', { a: 1 })).toBe('---\na: 1\n---\nbody\n');
  });
});

describe('a front matter rewritten whole (a key set that is not there yet)', () => {
  // A file saved by a Windows editor with a byte-order mark: the rewrite starts at `---`
  // and must not drop the mark before it, nor its line endings.
  const text = '\uFEFF---\r\nstatus: draft\r\n---\r\n\r\n# Notes\r\n';
  it.each([
    ['setFrontMatterScalar', () => setFrontMatterScalar(text, ['owner'], 'ana')],
    ['setFrontMatterFields', () => setFrontMatterFields(text, { owner: 'ana' })],
  ])('%s keeps the byte-order mark and CRLF', (_name, edit) => {
    const after = edit();
    expect(after).toBe('\uFEFF---\r\nstatus: draft\r\nowner: ana\r\n---\r\n\r\n# Notes\r\n');
  });
});

describe('removeFrontMatterScalar', () => {
  const head = '---\nprospects:\n';
  const tail = '---\n\nBody\n';
  it.each([
    ['the last entry of a flow map', '  - {name: A, revisit: 2027-03-01}  # hot\n', '  - {name: A}  # hot\n'],
    ['a middle entry of a flow map', '  - {name: A, revisit: 2027-03-01, status: nurture}\n', '  - {name: A, status: nurture}\n'],
    ['the first entry of a flow map', '  - {revisit: 2027-03-01,  name: A}\n', '  - {name: A}\n'],
    ['a block entry with its comment', '  - name: A\n    revisit: 2027-03-01   # March\n    status: nurture\n', '  - name: A\n    status: nurture\n'],
    ['the last block entry', '  - name: A\n    revisit: 2027-03-01\n', '  - name: A\n'],
    ["a list item's first key, keeping its dash", '  - revisit: 2027-03-01\n    name: A\n', '  - name: A\n'],
  ])('removes %s, every other byte as written', (_what, before, after) => {
    expect(removeFrontMatterScalar(`${head}${before}${tail}`, ['prospects', 0], 'revisit')).toBe(`${head}${after}${tail}`);
  });

  it('returns the text as it is when the key is not there', () => {
    const text = `${head}  - {name: A}\n${tail}`;
    expect(removeFrontMatterScalar(text, ['prospects', 0], 'revisit')).toBe(text);
  });
});
