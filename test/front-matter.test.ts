import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/markdown/front-matter.js';
import { YamlLocator } from '../src/markdown/locate.js';

describe('parseFrontMatter', () => {
  it('normalises unquoted dates to the string the yaml package would give', () => {
    const fm = parseFrontMatter('---\ndate: 2026-03-01\nat: 2026-03-01T10:30:00Z\nquoted: "2026-03-02"\n---\nbody\n');
    expect(fm.data).toEqual({ date: '2026-03-01', at: '2026-03-01T10:30:00.000Z', quoted: '2026-03-02' });
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
    expect(parseFrontMatter('---\n- a\n- b\n---\n').error).toMatchObject({ rule: 'front-matter-not-object', position: { line: 2 } });
  });

  it('points an unclosed quote at the quote that opened it', () => {
    const fm = parseFrontMatter('---\na: 1\ntitle: "Unclosed\nb: 2\n---\n');
    expect(fm.error).toMatchObject({ rule: 'yaml-syntax', position: { line: 3, column: 8 } });
  });

  it('does not share parsed objects between calls (gray-matter caches without options)', () => {
    const text = '---\nlist: [1]\n---\n';
    const first = parseFrontMatter(text).data as { list: number[] };
    first.list.push(2);
    expect(parseFrontMatter(text).data).toEqual({ list: [1] });
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
