import { resolve } from 'node:path';
import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { formatFixed, table } from '../../derive/format.js';
import { bar, box, columns } from '../../report/terminal.js';
import { readAccounts } from '../../accounts/read.js';
import type { AccountRankingData } from '../../accounts/rank.js';
import type { CommandOutcome, GlobalOptions } from '../outcome.js';

export async function scoreCommand(file: string, flags: { segment: string; md?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const rows = readAccounts(resolve(process.cwd(), file));
  const ranking = await workspace.scoreAccounts(flags.segment, rows);
  return { json: ranking, text: flags.md ? renderMarkdown(ranking) : renderTerminal(ranking), exitCode: 0 };
}

const COMPONENTS = ['fit', 'intent', 'reachability', 'freshness'];

function renderMarkdown(r: AccountRankingData): string {
  return [
    `## Accounts ranked against ${r.segment}${r.icpFile ? '' : ' (segment filters; no ICP file generated yet)'}`,
    '',
    table(['#', 'account', 'score', 'band', ...COMPONENTS, 'missing'], ['r', 'l', 'r', 'l', 'r', 'r', 'r', 'r', 'l'], r.ranked.map((a) => [String(a.rank), a.name, formatFixed(a.score), a.band, ...COMPONENTS.map((c) => formatFixed(a.components[c])), a.missing.join(', ') || '—'])),
    '',
    ...(r.rejected.length ? ['### Rows skipped', '', ...r.rejected.map((x) => `- row ${x.row}: ${x.error}`), ''] : []),
  ].join('\n');
}

function renderTerminal(r: AccountRankingData): string {
  const band = (b: string): string => (b === 'strong' ? pc.green(b) : b === 'good' ? pc.cyan(b) : b === 'weak' ? pc.yellow(b) : pc.dim(b));
  const rows = columns(
    [['#', 'account', 'score', '', 'band', 'fit', 'intent', 'reach', 'fresh'].map((h) => pc.dim(h)), ...r.ranked.map((a) => [String(a.rank), a.name, formatFixed(a.score), bar(a.score, 1, 10), band(a.band), ...COMPONENTS.map((c) => formatFixed(a.components[c]))])],
    ['r', 'l', 'r', 'l', 'l', 'r', 'r', 'r', 'r'],
  );
  const skipped = r.rejected.map((x) => `${pc.yellow('skipped')} row ${x.row}: ${x.error}`);
  return [box(`Accounts vs ${r.segment} ICP · ${r.ranked.length} ranked`, rows), ...skipped].join('\n');
}
