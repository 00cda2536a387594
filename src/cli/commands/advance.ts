import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { STAGES } from '../../schema/stages.js';
import { committedLine, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { typedThread } from './thread-argument.js';

export async function advanceCommand(thread: string, flags: { commit?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.advance(typedThread(thread, options, workspace.root), { commit: flags.commit !== false });
  return {
    json: result,
    text: [`${pc.green('created')} ${result.created}`, `${result.thread}: stage ${result.from} (${STAGES[result.from - 1]}) → ${result.to} (${STAGES[result.to - 1]}).`, ...committedLine(result.commit, { sync: result.sync, own: [result.created] })].join('\n'),
    exitCode: 0,
  };
}
