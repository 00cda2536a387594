import { resolve } from 'node:path';
import pc from 'picocolors';
import { initWorkspace } from '../../api.js';
import type { CommandOutcome } from '../outcome.js';

export async function initCommand(dir: string, options: { company?: string; git: boolean }): Promise<CommandOutcome> {
  const result = await initWorkspace(resolve(dir), { ...(options.company ? { company: options.company } : {}), git: options.git });
  const lines = [
    ...result.created.map((f) => `${pc.green('created')} ${f}`),
    ...result.kept.map((f) => `${pc.dim('kept   ')} ${f} ${pc.dim('(already there, left as it was)')}`),
    result.gitInitialized ? `${pc.green('git init')} ${result.root}` : '',
    '',
    `Workspace ready in ${result.root}. Next: fill in strategy/canvas/04-segments.md, then \`threadwork deal new "Company" --segment <id>\`.`,
  ].filter((l, i, all) => l !== '' || i === all.length - 2);
  return { json: result, text: lines.join('\n'), exitCode: 0 };
}
