import { describe, expect, it } from 'vitest';
import { readYaml } from '../src/markdown/yaml.js';
import { runCli, runJson } from './helpers/cli.js';
import { git, gitInit } from './helpers/git.js';
import { md, read, writeFiles } from './helpers/testdir.js';
import { dealMeta, workspace } from './helpers/workspace.js';

/**
 * A key that is a list or a map (`? [a, b]` then `: value`, `[a, b]: value`) was read as
 * text nobody wrote ("a,b", "[object Object]"), and a `__proto__` key's value was dropped by
 * the schema's copy: both silently, the value the person wrote never read. Each is an error at
 * the key now, as a merge key is (src/markdown/unreadable-keys.ts).
 */
describe('a YAML key threadwork cannot read as written', () => {
  it('is reported at file:line:column by check, and sync holds the file and never commits it', async () => {
    const thread = 'threads/sales/tokyo-logistics';
    const dir = workspace({
      [`${thread}/meta.json`]: dealMeta('tokyo-logistics'),
      [`${thread}/1-input.md`]: md('source: inbound\ndate: 2026-03-02\nsignal: 問い合わせフォーム\ncompany:\n  name: 東京ロジスティクス'),
      [`${thread}/2-hypothesis.md`]: md('tests: [A1]\ninitial_confidence: 0.5'),
      [`${thread}/3-implication.md`]: md('arr_potential: 36000\nstrategic_value: high'),
      [`${thread}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\ncriteria:\n  budget: 36000'),
    });
    gitInit(dir);
    expect((await runCli(['sync', '--dir', dir])).code).toBe(0);
    const committed = read(dir, `${thread}/4-decision.md`);
    writeFiles(dir, {
      [`${thread}/1-input.md`]: md('source: inbound\ndate: 2026-03-02\nsignal: 問い合わせフォーム\n? [Tanaka, Sato]\n: beide im Termin\n__proto__: {notiz: wichtig}\ncompany:\n  name: 東京ロジスティクス'),
      [`${thread}/4-decision.md`]: md('decision: QUALIFY\nframework: BANT\ncriteria:\n  budget: 36000\n  ? {need: yes}\n  : confirmed'),
    });

    const check = await runCli(['check', '--dir', dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${thread}/1-input.md:5:3 error Invalid YAML key \`[Tanaka, Sato]\`: a list as a key is read as the text "Tanaka,Sato", which nobody wrote, and the value under it is never read: expected a plain key such as \`name:\``);
    expect(check.stdout).toContain(`${thread}/1-input.md:7:1 error Invalid YAML key \`__proto__\``);
    expect(check.stdout).toContain(`${thread}/4-decision.md:6:5 error Invalid YAML key \`{need: yes}\`: a map as a key is read as the text "[object Object]"`);

    const sync = await runJson<{ diagnostics: { path: string; rule: string }[] }>(['sync', '--dir', dir]);
    expect(sync.code).toBe(1);
    expect(sync.json.diagnostics.filter((d) => d.path === `${thread}/4-decision.md`).map((d) => d.rule)).toEqual(['yaml-syntax', 'derived-held']);
    expect(git(dir, 'show', `HEAD:${thread}/4-decision.md`)).toBe(committed);
  });

  it.each(['q: "is it?"\n', 'x: "[a]: b"\n', 'k: __proto__\n', '? plain\n: value\n', 'list: [a, b]\nmap: {a: 1}\n'])('is not a question mark, a bracket or `__proto__` in a value, nor a plain `?` key: %s', (yaml) => {
    expect(readYaml(yaml).problems).toBeUndefined();
  });
});
