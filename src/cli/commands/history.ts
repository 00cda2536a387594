import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { outsideFileOf, type History } from '../../history/history.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';
import { typedThread } from './thread-argument.js';

/** The outside commits listed under a history, newest first; --json has every one. */
const OUTSIDE_SHOWN = 10;

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
  const outside = history.outside.length
    ? [
        `${history.outside.length === 1 ? '1 commit' : `${history.outside.length} commits`} outside threadwork changed ${where(history)} (not described above: ${history.outside.length === 1 ? 'it carries' : 'they carry'} no Threadwork-* trailers):`,
        ...history.outside.slice(0, OUTSIDE_SHOWN).map((c) => `    ${pc.dim(c.date.slice(0, 16).replace('T', ' '))} ${pc.yellow(c.commit.slice(0, 10))} ${c.subject}`),
        ...(history.outside.length > OUTSIDE_SHOWN ? [pc.dim(`    … and ${history.outside.length - OUTSIDE_SHOWN} older (--json lists each)`)] : []),
      ]
    : [];
  const renamed = history.formerly?.length ? [pc.dim(`${normalized}, formerly ${history.formerly.join(', ')}: the trail of each name`)] : [];
  const text = [...renamed, ...(history.entries.length ? lines : [none]), ...outside].join('\n');
  return { json: history, text, exitCode: 0 };
}

/** The file (or folder) the outside commits changed, as `readOutsideCommits` looks at it. */
function where(history: History): string {
  const file = outsideFileOf(history.kind, history.subject);
  return history.kind === 'assumption' ? `${history.subject} in ${file}` : file;
}
