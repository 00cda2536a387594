import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function historyCommand(subject: string, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const history = await workspace.history(subject);
  const normalized = history.subject;
  const lines = history.entries.flatMap((e) => [
    `${pc.dim(e.date.slice(0, 16).replace('T', ' '))} ${pc.yellow(e.commit.slice(0, 10))} ${e.subject}`,
    ...e.changes.map((c) => `    ${c}`),
    ...(e.triggers.length ? [pc.dim(`    triggered by ${e.triggers.join(', ')}`)] : []),
  ]);
  const text = history.entries.length ? lines.join('\n') : `No recorded changes for ${normalized} (threadwork commits carry Threadwork-* trailers; run \`threadwork sync\` to record some).`;
  return { json: history, text, exitCode: 0 };
}
