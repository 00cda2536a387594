import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { SkillsResult } from '../../skills/install.js';
import { committedLine, type CommandOutcome, type GlobalOptions } from '../outcome.js';

export async function skillsInstallCommand(flags: { force?: boolean; commit: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.installSkills({ force: flags.force === true, commit: flags.commit });
  return { json: { root: workspace.root, ...result }, text: describeSkills(result, flags.commit), exitCode: 0 };
}

export function describeSkills(result: SkillsResult, committing: boolean): string {
  const lines = skillsLines(result, committing);
  lines.push(`Agents that read .claude/skills (Claude Code) now know the method; connect them to \`threadwork mcp\` for the tools.`);
  return lines.join('\n');
}

/** Each skill file with what was done to it, then the commit holding them: `skills install`, and `init --skills` after its scaffold's commit. */
export function skillsLines(result: SkillsResult, committing: boolean): string[] {
  const label: Record<string, string> = { created: pc.green('created'), updated: pc.green('updated'), overwritten: pc.yellow('overwritten'), unchanged: pc.dim('unchanged'), 'kept-edited': pc.yellow('kept') };
  const lines = result.files.map((f) => `${label[f.action] ?? f.action} ${f.path}${f.action === 'kept-edited' ? pc.dim(' (edited by hand; --force to overwrite)') : ''}`);
  // The commit line every write command ends with: what the sync moved and carried, then `committed <sha> (N paths)`.
  lines.push(...committedLine(result.commit, committing ? { sync: result.sync, own: result.written } : undefined));
  return lines;
}
