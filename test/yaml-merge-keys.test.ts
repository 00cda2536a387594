import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/markdown/front-matter.js';
import { readYaml } from '../src/markdown/yaml.js';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/**
 * YAML merge keys (`<<: *base`) are YAML 1.1; threadwork reads YAML 1.2, where `<<` would
 * be an ordinary key and the merged values silently missing. They are refused at the `<<`,
 * saying what to write instead (src/markdown/merge-keys.ts).
 */
describe('a YAML merge key', () => {
  it.each([
    {
      name: 'an alias merged into a list item',
      yaml: 'done: &done\n  status: completed\n  owner: Maya\nactions:\n  - <<: *done\n    type: sales:qualify\n',
      at: { line: 6, column: 5 },
      says: 'write `status`, `owner` (from &done) out in this map instead',
    },
    {
      name: 'a list of aliases',
      yaml: 'a: &a {x: 1}\nb: &b {y: 2, x: 3}\nm:\n  <<: [*a, *b]\n  z: 4\n',
      at: { line: 5, column: 3 },
      says: 'write `x`, `y` (from &a, &b) out in this map instead',
    },
    {
      name: 'an inline map',
      yaml: 'm:\n  <<: {status: completed}\n  type: x\n',
      at: { line: 3, column: 3 },
      says: 'write `status` out in this map instead',
    },
    {
      name: 'a flow mapping',
      yaml: 'base: &base {x: 1}\nm: {<<: *base, y: 2}\n',
      at: { line: 3, column: 5 },
      says: 'write `x` (from &base) out in this map instead',
    },
  ])('is refused at its `<<` in front matter: $name', ({ yaml, at, says }) => {
    const fm = parseFrontMatter(`---\n${yaml}---\n\nBody.\n`);
    expect(fm.data).toBeUndefined();
    expect(fm.errors?.[0]).toMatchObject({ rule: 'yaml-merge-key', position: at });
    expect(fm.errors![0]!.message).toMatch(/^Unsupported YAML merge key `<<`: threadwork reads YAML 1\.2, which has no merge keys/);
    expect(fm.errors![0]!.message).toContain(says);
  });

  it('is reported wherever it is, every one in one pass, also where the text has another problem', () => {
    const read = readYaml('a: &a {x: 1}\nm:\n  <<: *a\nn:\n  <<: *a\n  <<: *a\n');
    expect(read.problems?.map((p) => `${p.position.line}:${p.position.column} ${p.rule}`)).toEqual(['3:3 yaml-merge-key', '5:3 yaml-merge-key', '6:3 yaml-merge-key']);
  });

  it.each(['note: a << b\n', 'note: "<<"\n', '"<<": 1\n', "m: {'<<': 1}\n", 'list: [<<]\n'])('is not `<<` written as a value or a quoted key: %s', (yaml) => {
    expect(readYaml(yaml).problems).toBeUndefined();
  });

  it('check and sync report it at file:line:column; sync holds the file and never commits it', async () => {
    const thread = 'threads/sales/acme';
    const dir = workspace({
      [`${thread}/meta.json`]: dealMeta('acme'),
      [`${thread}/1-input.md`]: md('source: inbound\ndate: 2026-03-02\nsignal: Asked for a demo\ncontact:\n  name: Ada\ncompany:\n  name: Acme'),
      [`${thread}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.5'),
    });
    gitInit(dir);
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    const committed = read(dir, `${thread}/2-hypothesis.md`);
    writeFiles(dir, {
      [`${thread}/2-hypothesis.md`]: md('shared: &shared\n  tests: [A2]\n  initial_confidence: 0.4\n<<: *shared'),
      'threadwork.config.yaml': 'company: Testco\nbase: &base {commit: true}\ngit:\n  <<: *base\n',
    });

    const check = await runCli(['check', '--dir', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${thread}/2-hypothesis.md:5:1 error Unsupported YAML merge key \`<<\``);
    expect(check.stdout).toContain('write `tests`, `initial_confidence` (from &shared) out in this map instead (yaml-merge-key)');
    expect(check.stdout).toContain('threadwork.config.yaml:4:3 error Unsupported YAML merge key `<<`');

    const sync = await runJson<{ diagnostics: { path: string; rule: string }[] }>(['sync', '--dir', dir]);
    expect(sync.code).toBe(1);
    expect(sync.json.diagnostics.filter((d) => d.path === `${thread}/2-hypothesis.md`).map((d) => d.rule)).toEqual(['yaml-merge-key', 'derived-held']);
    expect(git(dir, 'show', `HEAD:${thread}/2-hypothesis.md`)).toBe(committed);
    expect(git(dir, 'status', '--porcelain')).toContain(` M ${thread}/2-hypothesis.md`);
  });
});
