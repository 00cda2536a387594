import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../src/markdown/front-matter.js';
import { MCP_TOOLS } from '../src/mcp-tool-catalog.js';
import { segmentSchema } from '../src/schema/canvas.js';
import { stageSchemas } from '../src/schema/stages.js';
import { buildProgram } from '../src/cli/main.js';
import { SKILLS } from '../src/skills/install.js';
import { dueOutput } from '../src/cli/json-output/outreach.js';
import { REPO_ROOT, runCli, runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { commitCount, git } from './helpers/git.js';
import { read, testdir, writeFiles } from './helpers/testdir.js';

const skillPath = (name: string): string => `.claude/skills/${name}/SKILL.md`;
type Install = { files: { path: string; action: string }[]; written: string[]; commit: { committed: boolean } | null };

/** The commands the CLI really has, as `deal new`, `check`, … */
function cliCommands(): Set<string> {
  const program = buildProgram(async () => undefined);
  const names = new Set<string>();
  for (const command of program.commands) {
    names.add(command.name());
    for (const sub of command.commands) names.add(`${command.name()} ${sub.name()}`);
  }
  return names;
}

describe('agent skills', () => {
  it('installs the seven skills with valid front matter, idempotently, in one commit', async () => {
    const dir = exampleWorkspaceCopy();
    // The example carries its installed skills: start from a workspace without them.
    rmSync(join(dir, '.claude'), { recursive: true, force: true });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'without skills');
    const before = commitCount(dir);
    const first = await runJson<Install>(['skills', 'install', '--dir', dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json.files.map((f) => f.path).sort()).toEqual(SKILLS.map(skillPath).sort());
    expect(first.json.files.every((f) => f.action === 'created')).toBe(true);
    for (const name of SKILLS) {
      const text = read(dir, skillPath(name));
      const fm = parseFrontMatter(text);
      expect(fm.errors, name).toBeUndefined();
      expect(fm.data?.name).toBe(name);
      expect(String(fm.data?.description).length, name).toBeGreaterThan(80);
      expect(fm.data?.description, name).toMatch(/Use (when|after|to)/);
      // No handlebars expression survived rendering (the quality gate's `{{variables}}` is prose).
      expect(text.replace(/`\{\{variables\}\}`/g, ''), name).not.toMatch(/\{\{[#/^>!]?[a-z]|\{\{\{/);
    }
    expect(commitCount(dir)).toBe(before + 1);

    const second = await runJson<Install>(['skills', 'install', '--dir', dir]);
    expect(second.json.written).toEqual([]);
    expect(second.json.files.every((f) => f.action === 'unchanged')).toBe(true);
    expect(commitCount(dir)).toBe(before + 1);
  });

  it('prints its commit as every write command does: the hash and how many paths it holds', async () => {
    const dir = exampleWorkspaceCopy();
    rmSync(join(dir, '.claude'), { recursive: true, force: true });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'without skills');
    const result = await runCli(['skills', 'install', '--dir', dir]);
    expect(result.code, result.stderr).toBe(0);
    const head = git(dir, 'rev-parse', 'HEAD').trim();
    expect(result.stdout).toContain(`\ncommitted ${head.slice(0, 10)} (${SKILLS.length} paths)\n`);
  });

  it('keeps a skill edited by hand, and overwrites it with --force', async () => {
    const dir = exampleWorkspaceCopy();
    await runJson(['skills', 'install', '--dir', dir, '--force']);
    const path = skillPath('sales-narrative');
    const edited = `${read(dir, path)}\n## Our own rule\n\nAlways open with the customer's words.\n`;
    writeFiles(dir, { [path]: edited });
    const kept = await runJson<Install>(['skills', 'install', '--dir', dir]);
    expect(kept.json.files.find((f) => f.path === path)?.action).toBe('kept-edited');
    expect(read(dir, path)).toBe(edited);
    const forced = await runJson<Install>(['skills', 'install', '--dir', dir, '--force']);
    expect(forced.json.files.find((f) => f.path === path)?.action).toBe('overwritten');
    expect(read(dir, path)).not.toContain('Our own rule');
  });

  it('takes a workspace override of a skill template', async () => {
    const dir = exampleWorkspaceCopy();
    writeFiles(dir, { '.threadwork/templates/skills/icp-generator/SKILL.md.hbs': '---\nname: icp-generator\ndescription: Our ICP process for {{company}}. Use when the ICP changes.\n---\n\nAsk Maya first.\n' });
    await runJson(['skills', 'install', '--dir', dir, '--force']);
    expect(read(dir, skillPath('icp-generator'))).toMatch(/Our ICP process for Ledgerline[\s\S]*Ask Maya first\./);
  });

  // strategy commits the override a generated file came from; skills install left it
  // untracked, so HEAD held a skill its own templates did not give and sync warned each run.
  it('commits the template override a skill was rendered from with the skill', async () => {
    const dir = exampleWorkspaceCopy();
    const override = '.threadwork/templates/skills/icp-generator/SKILL.md.hbs';
    writeFiles(dir, { [override]: '---\nname: icp-generator\ndescription: Our ICP process for {{company}}. Use when the ICP changes.\n---\n\nAsk Maya first.\n' });
    const result = await runJson<Install>(['skills', 'install', '--dir', dir, '--force']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.commit?.committed).toBe(true);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git(dir, 'show', '--name-only', '--format=', 'HEAD')).toContain(override);
  });

  // The segment list written at install went stale: "Segments: none yet" for good after
  // `init --skills`. Skills now point at 04-segments.md: the same with or without segments.
  it('do not depend on the segments, so adding one leaves them current', async () => {
    const dir = testdir();
    expect((await runJson(['init', dir, '--skills', '--company', 'Ledgerline'])).code).toBe(0);
    for (const name of SKILLS) {
      const text = read(dir, skillPath(name));
      expect(text, name).not.toMatch(/none yet/);
      expect(text, name).toBe(read(REPO_ROOT, skillPath(name)));
    }
  });

  it('init --skills scaffolds a workspace with its skills', async () => {
    const dir = testdir();
    const result = await runJson<{ created: string[]; skills: Install }>(['init', dir, '--skills', '--company', 'Acme Analytics']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json.skills.written.sort()).toEqual(SKILLS.map(skillPath).sort());
    expect(read(dir, skillPath('sales-prospect-research'))).toContain('Acme Analytics');
    expect((await runJson<{ ok: boolean }>(['check', '--dir', dir])).json.ok).toBe(true);
  });

  it('names only real tools, real commands and real stage fields', () => {
    const tools = new Set(Object.keys(MCP_TOOLS));
    const commands = cliCommands();
    const fieldsOf = (type: 'sales-deal' | 'sales-campaign', stage: number): Set<string> => new Set(Object.keys((stageSchemas[type][stage - 1] as unknown as { shape: Record<string, unknown> }).shape));
    const mentionedTools = new Set<string>();
    for (const name of SKILLS) {
      const text = read(REPO_ROOT, skillPath(name));
      // Every `snake_case` name followed by an argument object or in a tool position is a tool.
      // A `snake_case` name given arguments (`x` with {…}) is a tool call.
      for (const [, tool] of text.matchAll(/`([a-z]+_[a-z_]+)`(?= (?:with|\{|`\{))/g)) expect(tools, `${name}: unknown tool ${tool}`).toContain(tool);
      for (const [, word] of text.matchAll(/`([a-z_]+)`/g)) if (tools.has(word!)) mentionedTools.add(word!);
      for (const [, tool] of text.matchAll(/(?:call|Call) `([a-z_]+)`/g)) expect(tools, `${name}: unknown tool ${tool}`).toContain(tool);
      for (const [, command] of text.matchAll(/`threadwork ([a-z]+(?: [a-z]+)?)/g)) {
        const [first, second] = command!.split(' ');
        expect(commands.has(`${first} ${second}`) || commands.has(first!), `${name}: unknown command threadwork ${command}`).toBe(true);
      }
      // The field tables: each row's field must exist in the stage's schema.
      for (const table of text.split('Fields of `').slice(1)) {
        const file = table.slice(0, table.indexOf('`'));
        const stage = Number(file[0]);
        const rows = [...table.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]!);
        expect(rows.length, `${name}: ${file}`).toBeGreaterThan(0);
        // Deal and campaign stages share file names; a field must exist in one of them.
        const known = new Set([...fieldsOf('sales-deal', stage), ...fieldsOf('sales-campaign', stage)]);
        for (const field of rows) expect(known, `${name}: ${file} field ${field}`).toContain(field);
      }
    }
    // Between them, the skills use the tools an agent needs to work a deal and a campaign end to end.
    for (const tool of ['create_deal', 'write_stage', 'advance', 'read_thread', 'generate_strategy', 'score_accounts', 'draft_campaign', 'due_touches', 'record_reply']) expect(mentionedTools, tool).toContain(tool);
  });

  // The skill said a segment's filters were `… geography, technologies`; the schema reads
  // `tech_stack`, so a segment written the skill's way had an ICP with no technographics.
  it('icp-generator names exactly the segment filter keys the canvas schema reads', () => {
    const text = read(REPO_ROOT, skillPath('icp-generator'));
    const item = text.slice(text.indexOf('`filters`'), text.indexOf('\n2. '));
    const named = new Set([...item.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!).filter((k) => k !== 'filters' && k !== 'technologies'));
    const filters = Object.keys((segmentSchema.shape.filters.unwrap() as unknown as { shape: Record<string, unknown> }).shape);
    expect([...named].sort()).toEqual([...filters].sort());
  });

  // Statements a review found untrue of the real JSON and files: `derived` has no threshold
  // and no `icp` key, docs/ is not in a user's workspace, rows had nothing to say, a
  // campaign's Stage 2 spoke of "the deal".
  it('says only what the output and the installed package hold', () => {
    const facts = read(REPO_ROOT, 'src/derive/thread-facts.ts');
    for (const name of SKILLS) {
      const text = read(REPO_ROOT, skillPath(name));
      expect(text, `${name}: docs/ is not in an installed workspace`).not.toMatch(/docs\/[a-z-]+\.md/);
      for (const [, key] of text.matchAll(/`derived\.([A-Za-z]+)`/g)) expect(facts, `${name}: derived.${key}`).toMatch(new RegExp(`^  ${key}: `, 'm'));
      expect(text, name).not.toMatch(/`derived`; `check` warns|derived `icp` score|shows missing inputs/);
      for (const [row] of text.matchAll(/^\| `[a-z_]+` \|.*$/gm)) expect(row, `${name}: a row with nothing to write`).not.toMatch(/\|\s*\|$/);
      for (const table of text.split('Fields of `').slice(1)) {
        if (!/^2-/.test(table) || !/campaign/i.test(name)) continue;
        expect(table.slice(0, table.indexOf('\n\n', table.indexOf('| ---'))), name).not.toMatch(/\bdeal\b/);
      }
    }
  });

  // due leaves out what sync holds and names it in held / heldFollowUps: an agent that
  // reads only `due` and the files would work out a held campaign's touches itself.
  it('the outreach skill reads due\'s held and heldFollowUps, and never sends for them', () => {
    const text = read(REPO_ROOT, skillPath('sales-outreach-sequencing'));
    const step = text.slice(text.indexOf('6. Each day: `due_touches`'), text.indexOf('7. When a prospect answers'));
    for (const key of Object.keys(dueOutput.shape).filter((k) => k.startsWith('held'))) expect(step, key).toContain(`\`${key}\``);
    expect(step).toMatch(/never\s+send one/i);
    expect(step).toMatch(/line\s+and\s+column/);
  });

  it('the bundled example carries its skills, current with the templates', async () => {
    for (const name of SKILLS) expect(existsSync(join(REPO_ROOT, skillPath(name))), name).toBe(true);
    const dir = exampleWorkspaceCopy();
    const result = await runJson<Install>(['skills', 'install', '--dir', dir, '--no-commit']);
    expect(result.json.written, 'run `threadwork skills install` at the repository root after changing a skill template').toEqual([]);
    expect(readFileSync(join(dir, skillPath('icp-generator')), 'utf8')).toBe(read(REPO_ROOT, skillPath('icp-generator')));
  });
});
