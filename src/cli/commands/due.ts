import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { isRealDate, today } from '../../clock.js';
import { listDueTouches } from '../../campaigns/due.js';
import { ThreadworkError } from '../../errors.js';
import { columns } from '../../report/terminal.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function dueCommand(flags: { date?: string }, options: GlobalOptions): Promise<CommandOutcome> {
  const date = flags.date ?? today();
  if (!isRealDate(date)) throw new ThreadworkError(`Invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD`, 'invalid-date');
  const workspace = await openWorkspace(options.dir);
  const due = listDueTouches(await workspace.load(), date);
  const text = due.length
    ? columns(
        [['due', 'campaign', 'prospect', 'touch', 'channel', 'template'].map((h) => pc.dim(h)), ...due.map((d) => [d.overdue ? pc.yellow(d.due) : d.due, d.campaign.split('/').pop()!, `${d.prospect.name} <${d.prospect.email}> (${d.prospect.company})`, `#${d.touch} day ${d.day}`, d.channel, d.template])],
        ['l', 'l', 'l', 'l', 'l', 'l'],
      ).join('\n')
    : `Nothing due on ${date}.`;
  return { json: { date, due }, text, exitCode: 0 };
}
