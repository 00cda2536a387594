import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { SkillsResult } from '../../skills/install.js';
import type { SyncResult } from '../../engine/transaction.js';
import { committedLine, type CommandOutcome, type GlobalOptions } from '../outcome.js';

export async function skillsInstallCommand(flags: { force?: boolean; commit: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.installSkills({ force: flags.force === true, commit: flags.commit });
  return { json: { root: workspace.root, ...result }, text: describeSkills(result, flags.commit), exitCode: 0 };
}

/**
 * The skill files, then — like every write command — the derived files its sync moved and
 * the uncommitted edits of yours its commit carried, before the commit line (committedLine).
 */
export function describeSkills(result: SkillsResult & { sync: SyncResult | null }, commit: boolean): string {
  const label: Record<string, string> = { created: pc.green('created'), updated: pc.green('updated'), overwritten: pc.yellow('overwritten'), unchanged: pc.dim('unchanged'), 'kept-edited': pc.yellow('kept') };
  const lines = result.files.map((f) => `${label[f.action] ?? f.action} ${f.path}${f.action === 'kept-edited' ? pc.dim(' (edited by hand; --force to overwrite)') : ''}`);
  lines.push(...committedLine(result.commit, commit ? { sync: result.sync, own: result.written } : undefined));
  lines.push(`Agents that read .claude/skills (Claude Code) now know the method; connect them to \`threadwork mcp\` for the tools.`);
  return lines.join('\n');
}
