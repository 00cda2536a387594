import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { DueReport } from '../../campaigns/due.js';
import { DEFAULT_SENDER } from '../../check/autonomy-gates.js';
import { columns } from '../../report/terminal.js';
import { prospectDetail, prospectId, prospectLabel } from '../../outreach/prospect-id.js';
import { CONTACT_FIELD, type Channel } from '../../schema/sequence.js';
import { servedBy, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { askServer } from '../../serve/client.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';

export async function dueCommand(flags: { date?: string }, options: GlobalOptions): Promise<CommandOutcome> {
  // A process keeping the workspace warm (the MCP server) lists them, when one runs: the same list from its warm state.
  const served = await askServer(findWorkspaceRoot(options.dir), { op: 'due', date: flags.date });
  const report = (served?.value as DueReport | undefined) ?? (await (await openWorkspace(options.dir)).due(flags.date));
  return { json: { ...report, ...servedBy(served) }, text: renderDue(report), exitCode: 0 };
}

/**
 * Where the touch goes: `<dana@northwind.com>`. A prospect with no contact detail (a nurture
 * revisit in a campaign whose sequence asks for none) read `<(no contact detail)>`, leaving
 * the person to guess what to add: it names the field to fill in, in 5-actions.md.
 */
function contactOf(prospect: DueReport['due'][number]['prospect'], channel?: Channel): string {
  if (prospectId(prospect) !== '') return `<${prospectLabel(prospect)}>`;
  const field = channel ? `\`${CONTACT_FIELD[channel]}\`` : '`email`, `linkedin` or `phone`';
  return `(no contact detail: add ${field} to this prospect in 5-actions.md)`;
}

function renderDue({ date, due, followUps, spread, held, heldFollowUps }: DueReport): string {
  const overdue = (when: string, late: boolean): string => (late ? pc.yellow(`${when} overdue`) : when);
  const sections: string[] = [];
  if (due.length) {
    const spreadAny = due.some((d) => d.spread);
    const header = ['due', 'campaign', 'prospect', 'touch', 'channel', 'template', ...(spreadAny ? ['send on'] : [])];
    sections.push(
      columns(
        [header.map((h) => pc.dim(h)), ...due.map((d) => [overdue(d.due, d.overdue), d.campaign.split('/').pop()!, `${d.prospect.name} ${contactOf(d.prospect, d.channel)} (${d.prospect.company})`, `#${d.touch} day ${d.day}`, d.channel, d.template, ...(spreadAny ? [d.sendOn === null ? pc.cyan('none (cap 0)') : d.spread ? pc.cyan(d.sendOn) : d.sendOn] : [])])],
        header.map(() => 'l' as const),
        { headed: true },
      ).join('\n'),
    );
  }
  for (const s of spread) {
    // "Exceed the cap of 0 per day: 3 on <today>" planned sends the approve gate refuses: no day has room.
    if (s.cap === 0) {
      sections.push(`${pc.cyan('spread')} ${s.count} ${s.channel} touch${s.count === 1 ? '' : 'es'} from ${s.sender ?? DEFAULT_SENDER}: the cap is 0 per day, so none can be approved on any day until it is raised (autonomy.daily_caps.${s.channel}; null for no cap)`);
      continue;
    }
    const days = s.days.map((d) => `${d.touches} on ${d.date}`).join(', ');
    sections.push(`${pc.cyan('spread')} ${s.count} ${s.channel} touches from ${s.sender ?? DEFAULT_SENDER} exceed the cap of ${s.cap} per day: ${days} (autonomy.daily_caps.${s.channel})`);
  }
  if (followUps.length) {
    sections.push(
      [
        pc.bold('Follow-ups'),
        columns(
          [['date', 'kind', 'thread', 'who', 'what'].map((h) => pc.dim(h)), ...followUps.map((f) => [overdue(f.date, f.overdue), f.kind, f.thread.split('/').pop()!, followUpPerson(f), f.note])],
          ['l', 'l', 'l', 'l', 'l'],
          { headed: true },
        ).join('\n'),
      ].join('\n'),
    );
  }
  // Each with its first error as check prints it: "has errors" alone sent the person to another command to learn what.
  const heldLines = held.map((h) => `${pc.yellow('held')}  ${h.campaign}: ${h.path}:${h.line}:${h.column} ${pc.red('error')} ${h.message} — nothing is listed for this campaign until it is fixed`);
  const heldFollowUpLines = heldFollowUps.map((h) => `${pc.yellow('held')}  ${h.thread}: ${h.path}:${h.line}:${h.column} ${pc.red('error')} ${h.message} — its follow-up is not listed until it is fixed`);
  return [sections.length ? sections.join('\n\n') : `Nothing due on ${date}.`, ...heldLines, ...heldFollowUpLines].join('\n');
}

/**
 * Whom a follow-up is with. A campaign prospect without a contact detail is told what to add
 * in 5-actions.md; a deal's Stage 1 contact is a person to call back, named alone.
 */
function followUpPerson(f: DueReport['followUps'][number]): string {
  if (!f.prospect) return '—';
  return f.kind === 'defer-revisit' ? personWithDetail(f.prospect) : `${f.prospect.name} ${contactOf(f.prospect)}`;
}

/**
 * A follow-up's person: `Pat Doe <pat@acme.example>`, or the name alone for a deal's contact
 * written with no address, LinkedIn or phone — whom to call back is the name, and
 * `<(no contact detail)>` read as an address gone wrong.
 */
function personWithDetail(person: { name: string } & Parameters<typeof prospectDetail>[0]): string {
  const detail = prospectDetail(person);
  return detail === undefined ? person.name : `${person.name} <${detail}>`;
}
