import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { SkillsResult } from '../../skills/install.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function skillsInstallCommand(flags: { force?: boolean; commit: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.installSkills({ force: flags.force === true, commit: flags.commit });
  return { json: { root: workspace.root, ...result }, text: describeSkills(result), exitCode: 0 };
}

export function describeSkills(result: SkillsResult): string {
  const label: Record<string, string> = { created: pc.green('created'), updated: pc.green('updated'), overwritten: pc.yellow('overwritten'), unchanged: pc.dim('unchanged'), 'kept-edited': pc.yellow('kept') };
  const lines = result.files.map((f) => `${label[f.action] ?? f.action} ${f.path}${f.action === 'kept-edited' ? pc.dim(' (edited by hand; --force to overwrite)') : ''}`);
  if (result.commit?.committed) lines.push(`${pc.green('committed')} ${result.commit.commit.slice(0, 10)}`);
  lines.push(`Agents that read .claude/skills (Claude Code) now know the method; connect them to \`threadwork mcp\` for the tools.`);
  return lines.join('\n');
}
