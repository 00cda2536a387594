import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { fingerprint } from '../src/engine/fingerprint.js';
import { runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { workspace } from './helpers/workspace.js';

const ENV = { THREADWORK_TODAY: '2026-11-20' };
const OVERRIDE = '.threadwork/templates/strategy/narrative/problem-narrative.md.hbs';

interface CheckJson {
  ok: boolean;
  diagnostics: Diagnostic[];
}

const renderErrors = (json: CheckJson): string[] => json.diagnostics.filter((d) => d.rule === 'strategy-render').map((d) => `${d.path}:${d.line}:${d.column} ${d.severity} ${d.message}`);

describe('check reports a strategy template override that cannot render', () => {
  it('as sync does, for each generated segment, and no more once the override is fixed, through the stored check', async () => {
    const dir = exampleWorkspaceCopy();
    // Stored for the workspace before the override: it must not hide the broken one.
    const before = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    expect(renderErrors(before.json)).toEqual([]);
    mkdirSync(join(dir, '.threadwork/templates/strategy/narrative'), { recursive: true });
    // An `{{#if}}` never closed: every segment's problem narrative fails to render.
    writeFileSync(join(dir, OVERRIDE), '# Problem\n\n{{#if segment}}\nOpen block\n');

    const sync = await runJson<CheckJson>(['sync', '--dry-run', '--dir', dir], { env: ENV });
    const expected = renderErrors(sync.json).sort();
    expect(expected).toHaveLength(2);
    expect(expected[0]).toMatch(/^strategy\/canvas\/04-segments\.md:1:1 error Cannot generate the strategy of segment ecommerce-finance: Template .*problem-narrative\.md\.hbs/);

    const check = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    expect(check.code).not.toBe(0);
    expect(check.json.ok).toBe(false);
    expect(renderErrors(check.json).sort()).toEqual(expected);
    const again = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    expect(renderErrors(again.json).sort()).toEqual(expected);

    // Not an error of what a write command writes: deal new goes through.
    const opened = await runCli(['deal', 'new', 'Sweep Co', '--segment', 'mid-market-fintech', '--no-commit', '--dir', dir], { env: ENV });
    expect(opened.code, opened.stdout + opened.stderr).toBe(0);

    rmSync(join(dir, OVERRIDE));
    const fixed = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    expect(renderErrors(fixed.json)).toEqual([]);
    expect(fixed.json.ok).toBe(before.json.ok);
  });

  /* The fourth review: `{{nonexistent_var}}` read `"nonexistent_var" not defined in [object Object] - 3:18`. */
  it('names a value the template is not given in plain words, with the names it is given', async () => {
    const dir = exampleWorkspaceCopy();
    mkdirSync(join(dir, '.threadwork/templates/strategy/narrative'), { recursive: true });
    writeFileSync(join(dir, OVERRIDE), '# Problem\n\nFor {{segment.name}}: {{nonexistent_var}}\n');
    const check = await runJson<CheckJson>(['check', '--dir', dir], { env: ENV });
    const [first] = renderErrors(check.json);
    expect(first).toMatch(/problem-narrative\.md\.hbs:3:\d+: `\{\{nonexistent_var\}\}` names no value this template is given: expected one of .*\bsegment\b.* \(or a field of one, such as segment\.name\)$/);
    expect(first).not.toContain('[object Object]');
  });

  it('in the folder the config names as templates_dir: an override written there moves the stored check\'s key', async () => {
    const dir = workspace();
    appendFileSync(join(dir, 'threadwork.config.yaml'), 'templates_dir: team/templates\n');
    const before = (await fingerprint(dir)).digest;
    mkdirSync(join(dir, 'team/templates/strategy/narrative'), { recursive: true });
    writeFileSync(join(dir, 'team/templates/strategy/narrative/problem-narrative.md.hbs'), '# Problem\n\n{{#if segment}}\nOpen block\n');
    const written = (await fingerprint(dir)).digest;
    expect(written).not.toBe(before);
    // Edited again (another size): the key moves again.
    writeFileSync(join(dir, 'team/templates/strategy/narrative/problem-narrative.md.hbs'), '# Problem\n');
    expect((await fingerprint(dir)).digest).not.toBe(written);
  });
});
