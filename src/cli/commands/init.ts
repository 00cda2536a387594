import { resolve } from 'node:path';
import pc from 'picocolors';
import { initWorkspace } from '../../api.js';
import { installSkills } from '../../skills/install.js';
import type { CommandOutcome } from '../outcome.js';

export async function initCommand(dir: string, options: { company?: string; git: boolean; skills?: boolean }): Promise<CommandOutcome> {
  const result = await initWorkspace(resolve(dir), { ...(options.company ? { company: options.company } : {}), git: options.git });
  // The scaffold is not committed (the first commit is the user's), so neither are the skills.
  const skills = options.skills ? await installSkills(result.root, { commit: false }) : undefined;
  const lines = [
    ...result.created.map((f) => `${pc.green('created')} ${f}`),
    ...result.kept.map((f) => `${pc.dim('kept   ')} ${f} ${pc.dim('(already there, left as it was)')}`),
    ...(skills ? skills.written.map((f) => `${pc.green('created')} ${f}`) : []),
    result.gitInitialized ? `${pc.green('git init')} ${result.root}` : '',
    '',
    `Workspace ready in ${result.root}. Next: fill in strategy/canvas/04-segments.md, then \`threadwork deal new "Company" --segment <id>\`.`,
  ].filter((l, i, all) => l !== '' || i === all.length - 2);
  return { json: skills ? { ...result, skills } : result, text: lines.join('\n'), exitCode: 0 };
}
