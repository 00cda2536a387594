import { VERDICT_OPENINGS, WINNER_OPENING } from '../outreach/experiment-analysis.js';
import { experimentShown } from './render-experiments.js';
import { NO_RULE_FIRES, TARGET_COLUMN, type BlockSummary } from './summaries.js';

/**
 * What a managed block showed, read back from its Markdown, as the summary its values
 * would have had (summaries.ts): for a block whose summary this checkout never recorded —
 * a fresh clone, a new worktree, a pull, an edit by hand. The block on disk is then the
 * committed one, and a sync names only the values that moved, each with the before the
 * commit held, not `? → value` for every value the block shows.
 *
 * Only what the block shows can be read: an assumption's confidence, status and n (not the
 * digests of its other cells, which describeAssumptionChange compares only when recorded).
 * undefined for a block that is not one of these tables any more (scribbled over): its
 * before is unknown.
 */
export function readBackSummary(name: string, shown: string): BlockSummary | undefined {
  const text = shown.replace(/\r\n/g, '\n');
  const summary = name === 'metrics' ? metrics(text) : name === 'assumptions' ? assumptions(text) : name === 'state' ? goalState(text) : name === 'results' ? campaignResults(text) : name === 'experiments' ? experiments(text) : {};
  return Object.keys(summary).length > 0 ? summary : undefined;
}

/** Each row's overall figure (by its label), its target and each segment's: the columns as rendered. */
function metrics(text: string): BlockSummary {
  const summary: BlockSummary = {};
  const found = tablesOf(text).find((t) => t.header[0] === 'metric' && t.header[1] === 'overall' && t.header[2] === 'target');
  for (const row of found?.rows ?? []) {
    const label = row[0]!;
    summary[label] = row[1]!;
    summary[`${TARGET_COLUMN}: ${label}`] = row[2]!;
    for (let i = 3; i < row.length; i++) summary[`${found!.header[i]}: ${label}`] = row[i]!;
  }
  return summary;
}

/**
 * A campaign's figures, by their labels; its rules only when none fires (a rule's line is
 * its advice, which does not name the rule): an unknown before is left out, never guessed.
 */
function campaignResults(text: string): BlockSummary {
  const summary: BlockSummary = {};
  const found = tablesOf(text).find((t) => t.header[0] === 'rate' && t.header[1] === 'value');
  for (const row of found?.rows ?? []) summary[row[0]!] = row[1]!;
  if (found && text.includes('No rule fires on these results.')) summary.rules = NO_RULE_FIRES;
  return summary;
}

/**
 * Per experiment, its outcome and the result it counts as (render-experiments.ts,
 * experimentsSummary): read from its `**name** —` heading, the verdict line under its table
 * and its `Counts as **…** for …` line.
 */
function experiments(text: string): BlockSummary {
  const summary: BlockSummary = {};
  for (const section of text.split(/^(?=\*\*[^*\n]+\*\* — )/m)) {
    const name = /^\*\*([^*\n]+)\*\* — /.exec(section)?.[1];
    if (name === undefined) continue;
    const lines = section.split('\n');
    const winner = lines.map((line) => WINNER_OPENING.exec(line)?.[1]).find((w) => w !== undefined);
    const opened = (Object.keys(VERDICT_OPENINGS) as (keyof typeof VERDICT_OPENINGS)[]).find((status) => lines.some((l) => l.startsWith(VERDICT_OPENINGS[status])));
    const outcome = winner ? `${winner} wins` : (opened ?? 'no-results');
    const counts = /^Counts as \*\*(\w+)\*\* for (\S+)\.$/m.exec(section);
    summary[name] = experimentShown(outcome, counts ? { result: counts[1]!, assumption: counts[2]! } : null);
  }
  return summary;
}

/** Per assumption `confidence|status|n`: the figures of its row. */
function assumptions(text: string): BlockSummary {
  const summary: BlockSummary = {};
  const found = tablesOf(text).find((t) => t.header[0] === 'id' && t.header[3] === 'confidence' && t.header[4] === 'status');
  for (const row of found?.rows ?? []) {
    const n = /^\d+/.exec(row[5]!)?.[0];
    if (n !== undefined) summary[row[0]!] = `${row[3]}|${row[4]}|${n}`;
  }
  return summary;
}

/** A goal's status line, its metrics, forecast and subgoals tables. */
function goalState(text: string): BlockSummary {
  const summary: BlockSummary = {};
  const status = /^\*\*Status:\*\* (\S+) · \*\*Trajectory:\*\* (\S+) \(.*\) · as of (\S+)$/m.exec(text);
  if (status) Object.assign(summary, { status: status[1], trajectory: status[2], 'as-of date': status[3] });
  const deadline = /^\*\*Status:\*\* .* of the time to (\d{4}-\d{2}-\d{2})\) · as of /m.exec(text);
  if (deadline) summary.deadline = deadline[1]!;
  const openDeals = /\(Monte Carlo over ([\d,]+) open deals?,/.exec(text);
  if (openDeals) summary['forecast open deals'] = openDeals[1]!.replace(/,/g, '');
  const settings = / ([\d,]+) draws, seed (\d+), as of /.exec(text);
  if (settings) Object.assign(summary, { 'forecast draws': settings[1], 'forecast seed': settings[2] });
  for (const { header, rows } of tablesOf(text)) {
    for (const row of rows) {
      if (header[0] === 'metric' && header[1] === 'current') {
        summary[`metric ${row[0]}`] = row[1]!;
        summary[`target ${row[0]}`] = row[2]!;
        // The bar's percent (`██████░░░░ 56%`), or `—` for a target in another currency.
        const progress = /(\d+%)$/.exec(row[4] ?? '');
        summary[`progress ${row[0]}`] = progress ? progress[1]! : '—';
      }
      else if (header[0] === 'metric' && header[2] === 'chance') {
        summary[`chance ${row[0]}`] = row[2]!;
        summary[`${row[0]} P10/P50/P90`] = row.slice(3, 6).join('/');
      } else if (header[0] === 'subgoal' && header[2] === 'progress') {
        summary[`subgoal ${row[0]}`] = row[2]!;
        summary[`subgoal ${row[0]} status`] = row[3]!;
        summary[`subgoal ${row[0]} threads`] = linkedNames(row[4]!);
        summary[`subgoal ${row[0]} title`] = row[1]!;
      }
    }
  }
  return summary;
}

/** The thread names a cell links to, as summaries.ts writes them: `acme, globex and 3 more`, `—` for none. */
function linkedNames(cell: string): string {
  const names = [...cell.matchAll(/\[([^\]]*)\]\(/g)].map((m) => m[1]);
  if (names.length === 0) return cell;
  const more = / and (\d+) more$/.exec(cell);
  return `${names.join(', ')}${more ? ` and ${more[1]} more` : ''}`;
}

interface Table {
  header: string[];
  /** The rows with as many cells as the header: a row whose cells cannot be told apart is left out. */
  rows: string[][];
}

/** The Markdown tables of a block as format.ts renders them: `| a | b |`, a separator line, the rows. */
function tablesOf(text: string): Table[] {
  const tables: Table[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length >= 2) {
      const [header, , ...rows] = lines.map(cellsOf);
      tables.push({ header: header!, rows: rows.filter((r) => r.length === header!.length) });
    }
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('|') && line.trimEnd().endsWith('|')) lines.push(line.trimEnd());
    else flush();
  }
  flush();
  return tables;
}

/** A row's cells, split at the bars `cell` did not escape. */
function cellsOf(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}
