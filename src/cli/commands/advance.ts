import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { STAGES } from '../../schema/stages.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function advanceCommand(thread: string, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.advance(thread);
  return {
    json: result,
    text: `${pc.green('created')} ${result.created}\n${result.thread}: stage ${result.from} (${STAGES[result.from - 1]}) → ${result.to} (${STAGES[result.to - 1]}).`,
    exitCode: 0,
  };
}
