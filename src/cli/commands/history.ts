import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';
import { typedThread } from './thread-argument.js';

export async function historyCommand(subject: string, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const history = await workspace.history(typedThread(subject, options, workspace.root));
  const normalized = history.subject;
  const lines = history.entries.flatMap((e) => [
    `${pc.dim(e.date.slice(0, 16).replace('T', ' '))} ${pc.yellow(e.commit.slice(0, 10))} ${e.subject}`,
    ...e.changes.map((c) => `    ${c}`),
    ...(e.triggers.length ? [pc.dim(`    triggered by ${e.triggers.join(', ')}`)] : []),
  ]);
  // Outside git there is nothing a sync could record: say so rather than advise one.
  const none = history.repository
    ? `No recorded changes for ${normalized} (threadwork commits carry Threadwork-* trailers; run \`threadwork sync\` to record some).`
    : `No recorded changes for ${normalized}: the workspace is not in a git repository, and the audit trail is its commits. Run \`git init\` and commit the workspace: every threadwork write and sync after that is recorded.`;
  const text = history.entries.length ? lines.join('\n') : none;
  return { json: history, text, exitCode: 0 };
}
