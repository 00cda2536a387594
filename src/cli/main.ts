import { resolve } from 'node:path';
import { CommanderError, Option, type Command } from 'commander';
import pc from 'picocolors';
import { ThreadworkError } from '../errors.js';
import { withOk } from '../answer-ok.js';
import type { DealNewFlags } from './commands/deal.js';
import type { CommandOutcome, GlobalOptions } from './outcome.js';
import { packageVersion } from '../version.js';
import { ThreadworkCommand } from './threadwork-command.js';
import { MissingSegment } from './missing-segment.js';
import { showProgress } from './progress-line.js';

/**
 * Wires the commands. Each command is a plain async function returning a
 * CommandOutcome; `run` is the only place that prints results and sets the exit code.
 * Each command's module is imported when it runs: `threadwork sync` never loads the MCP
 * SDK, and `--version` pays for no command (importing them all took 0.3 s of every run).
 */
export function buildProgram(execute: (outcome: () => Promise<CommandOutcome> | CommandOutcome, json: boolean) => Promise<void>): Command {
  const program = new ThreadworkCommand('threadwork')
    .description('Validate, create and keep in sync a go-to-market workspace of Markdown threads.')
    .option('-C, --dir <dir>', 'workspace folder (default: the one containing the current folder)')
    .option('--json', 'print one JSON document on stdout', false)
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    // `--json` and `--dir` are taken by every command: its own help says so (inherited by each subcommand).
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();

  const globals = (cmd: Command): GlobalOptions => {
    const opts = cmd.optsWithGlobals<Partial<GlobalOptions>>();
    return { dir: opts.dir ?? process.cwd(), json: opts.json === true };
  };

  program
    .command('init')
    .argument('[dir]', 'the folder to scaffold (relative to --dir when given; default: --dir, or the current folder)')
    .description('scaffold a workspace: config, the 16 canvas sections, an example goal; git init if needed')
    .option('--company <name>', 'company name used in the scaffold')
    .option('--no-git', 'do not run git init')
    .option('--skills', 'also write the agent skills into .claude/skills/')
    .action((dir: string | undefined, flags: { company?: string; git: boolean; skills?: boolean }, cmd: Command) =>
      // A relative folder is taken in --dir, as `schemas --out` is: never wherever the shell stands.
      execute(async () => (await import('./commands/init.js')).initCommand(dir === undefined ? globals(cmd).dir : cmd.optsWithGlobals<Partial<GlobalOptions>>().dir === undefined ? dir : resolve(globals(cmd).dir, dir), flags), globals(cmd).json),
    );

  program
    .command('check')
    .description('validate every file; diagnostics as path:line:col severity message (rule)')
    .option('--no-cache', 'read and validate every file, ignoring the persistent cache')
    .action((flags: { cache: boolean }, cmd: Command) => execute(async () => (await import('./commands/check.js')).checkCommand(flags, globals(cmd)), globals(cmd).json));

  const deal = program.command('deal').description('deal threads (threads/sales/{deal})');
  deal
    .command('new')
    .argument('<company>', 'the company name, in quotes when it has spaces; the folder is made from it (or --slug)')
    .description('open a deal thread: meta.json and 1-input.md')
    .requiredOption('-s, --segment <segment>', 'segment id from strategy/canvas/04-segments.md')
    .option('--slug <folder-name>', 'the folder name, e.g. acme-japan (default: made from the company name)')
    .option('--title <title>', 'thread title (default: the company name)')
    .option('-g, --goal <goal-id>', 'goal the deal counts towards')
    .option('--subgoal <id>', 'subgoal of that goal')
    .option('--source <source>', 'inbound | outbound | referral | partner | event | campaign:{id} | thread:{path}', 'inbound')
    .option('--date <YYYY-MM-DD>', 'creation date (default: today)')
    .option('--contact <name>', 'contact name')
    .option('--contact-title <title>', 'contact job title')
    .option('--email <email>', 'contact email')
    .option('--domain <domain>', 'company domain')
    .option('--signal <text>', 'what made this a deal worth opening')
    .option('--no-commit', 'write the files but do not commit')
    .action((company: string, flags: DealNewFlags, cmd: Command) => execute(async () => (await import('./commands/deal.js')).dealNewCommand(company, flags, globals(cmd)), globals(cmd).json));

  const campaign = program.command('campaign').description('campaign threads (threads/sales/campaigns/{date}-{name})');
  campaign
    .command('new')
    .argument('<name>', 'the campaign name, in quotes when it has spaces; the folder is {date}-{name made a slug} (or --slug)')
    .description('open a campaign thread: meta.json and 1-input.md')
    .requiredOption('-s, --segment <segment>', 'segment id from strategy/canvas/04-segments.md')
    .option('--date <YYYY-MM-DD>', 'start date, the folder prefix (default: today)')
    .option('--slug <folder-name>', 'the folder name after the date (default: made from the name)')
    .option('-g, --goal <goal-id>', 'goal the campaign counts towards')
    .option('--subgoal <id>', 'subgoal of that goal')
    .option('--no-commit', 'write the files but do not commit')
    .action((name: string, flags: { segment: string; date?: string; slug?: string; goal?: string; subgoal?: string; commit: boolean }, cmd: Command) =>
      execute(async () => (await import('./commands/campaign.js')).campaignNewCommand(name, flags, globals(cmd)), globals(cmd).json),
    );

  campaign
    .command('draft')
    .argument('<campaign>', 'campaign folder (threads/sales/campaigns/2026-09-15-fintech-outbound) or its id (2026-09-15-fintech-outbound)')
    .description('write one draft per prospect and touch into the campaign folder, graded by the quality gate (nothing is ever sent)')
    .option('--force', 'overwrite existing drafts')
    .option('--no-commit', 'write the files but do not commit')
    .action((name: string, flags: { force?: boolean; commit: boolean }, cmd: Command) => execute(async () => (await import('./commands/campaign-outreach.js')).campaignDraftCommand(name, flags, globals(cmd)), globals(cmd).json));
  campaign
    .command('reply')
    .argument('<campaign>', 'campaign folder (threads/sales/campaigns/2026-09-15-fintech-outbound) or its id (2026-09-15-fintech-outbound)')
    .argument('<email>', "the prospect's address, or for a prospect without one their LinkedIn profile or phone")
    .description("record and classify a prospect's reply (<email>: their address, or for a prospect without one their LinkedIn profile or phone): positive opens a deal, nurture sets a revisit date, out-of-office pauses the sequence, unsubscribe suppresses the address")
    .requiredOption('--text <text>', 'the reply as received')
    .option('--date <YYYY-MM-DD>', 'when it arrived (default: today)')
    .option('--no-commit', 'write the files but do not commit')
    .action((name: string, email: string, flags: { text: string; date?: string; commit: boolean }, cmd: Command) => execute(async () => (await import('./commands/campaign-outreach.js')).campaignReplyCommand(name, email, flags, globals(cmd)), globals(cmd).json));
  campaign
    .command('approve')
    .argument('<draft...>', 'one or more draft files (threads/sales/campaigns/{id}/drafts/*.md)')
    .description('mark drafts approved once each passes the autonomy gates (not suppressed or unsubscribed, sequence not stopped, ICP threshold, quality minimum, daily caps per sender); nothing is sent')
    .option('--no-commit', 'write the files but do not commit')
    .action((drafts: string[], flags: { commit: boolean }, cmd: Command) => execute(async () => (await import('./commands/campaign-outreach.js')).campaignApproveCommand(drafts, flags, globals(cmd)), globals(cmd).json));

  program
    .command('due')
    .description('every campaign touch due today (or --date), per prospect, spread over later days past the daily caps; and the follow-ups due: DEFER revisits, nurture revisits, out-of-office returns')
    .option('--date <YYYY-MM-DD>', 'the day to list (default: today)')
    .action((flags: { date?: string }, cmd: Command) => execute(async () => (await import('./commands/due.js')).dueCommand(flags, globals(cmd)), globals(cmd).json));

  program
    .command('advance')
    .argument('<thread>', 'thread folder relative to the workspace (threads/sales/acme-corp), from the current folder with ./, or its bare id (acme-corp)')
    .description("check the current stage is complete, then open the next stage file")
    .option('--no-commit', 'write the files but do not commit')
    .action((thread: string, flags: { commit: boolean }, cmd: Command) => execute(async () => (await import('./commands/advance.js')).advanceCommand(thread, flags, globals(cmd)), globals(cmd).json));

  program
    .command('sync')
    .description('recompute every derived value, write what differs, commit it')
    .option('--dry-run', 'print what would change (before → after) and write nothing')
    .option('--no-commit', 'write the files but do not commit')
    .option('--no-cache', 'derive from every file, ignoring the persistent cache')
    .action((flags: { dryRun?: boolean; commit: boolean; cache: boolean }, cmd: Command) => execute(async () => (await import('./commands/sync.js')).syncCommand(flags, globals(cmd)), globals(cmd).json));

  program
    .command('strategy')
    .argument('[segments...]', 'segment ids of strategy/canvas/04-segments.md (default: every segment)')
    .description('generate ICP, narratives and sales materials per segment (hand-edited files are kept)')
    .option('--force', 'overwrite generated files edited by hand')
    .option('--no-commit', 'write the files but do not commit')
    .action((segments: string[], flags: { force?: boolean; commit: boolean }, cmd: Command) => execute(async () => (await import('./commands/strategy.js')).strategyCommand(segments, flags, globals(cmd)), globals(cmd).json));

  program
    .command('score')
    .argument('[accounts]', 'the account list, a CSV or JSON file (not with --contacts)')
    .description('rank an account list (CSV or JSON) against a segment ICP: score, breakdown, band; or score contacts/leads with --contacts')
    .requiredOption('-s, --segment <segment>', 'segment id from strategy/canvas/04-segments.md')
    .option('--contacts <file>', 'a contact/lead list (CSV or JSON): contact score, lead score and band, data quality, what is missing')
    .addOption(new Option('--md', 'print Markdown').conflicts('json'))
    .action((file: string | undefined, flags: { segment: string; md?: boolean; contacts?: string }, cmd: Command) => execute(async () => (await import('./commands/score.js')).scoreCommand(file, flags, globals(cmd)), globals(cmd).json));

  program
    .command('migrate')
    .argument('[paths...]', 'stage files or folders to migrate (default: every stage file without front matter)')
    .description('write front matter for stage files written as labelled lines (the LeanOS method\'s way), from those lines; the prose is kept byte for byte')
    .option('--dry-run', 'print what would be written and every line that cannot be mapped; write nothing')
    .option('--no-commit', 'write the files but do not commit')
    .action((paths: string[], flags: { dryRun?: boolean; commit: boolean }, cmd: Command) => execute(async () => (await import('./commands/migrate.js')).migrateCommand(paths, flags, globals(cmd)), globals(cmd).json));

  program
    .command('watch')
    .description('sync on every change until interrupted (one line per cycle; JSON lines with --json)')
    .option('--no-commit', 'write derived files but do not commit')
    .option('--no-cache', 'start by reading every file, without the persistent parse cache')
    .action((flags: { commit: boolean; cache: boolean }, cmd: Command) => execute(async () => (await import('./commands/watch.js')).watchCommand(flags, globals(cmd)), globals(cmd).json));

  program
    .command('report')
    .argument('<name>', 'the report: pipeline, winloss, goals, assumptions, forecast or campaigns')
    .description('pipeline | winloss | goals | assumptions | forecast | campaigns: a dashboard in the terminal, --md for Markdown, --json for data')
    .addOption(new Option('--md', 'print Markdown').conflicts('json'))
    .action((name: string, flags: { md?: boolean }, cmd: Command) => execute(async () => (await import('./commands/report.js')).reportCommand(name, flags, globals(cmd)), globals(cmd).json));

  program
    .command('qualify')
    .argument('<deal>', 'deal folder (threads/sales/acme-corp) or its bare id (acme-corp)')
    .description("one deal's ICP fit and qualification (BANT, MEDDIC, …): each criterion met or not, from which file and line, and what to ask next")
    .action((deal: string, _flags: unknown, cmd: Command) => execute(async () => (await import('./commands/qualify.js')).qualifyCommand(deal, globals(cmd)), globals(cmd).json));

  program
    .command('history')
    .argument('<subject>', 'an assumption id (A4), a goal id (g-fintech-beachhead) or a thread (threads/sales/acme-corp, or its bare id)')
    .description('the audit trail of an assumption (A4), a goal (g-…) or a thread (threads/…), from git')
    .action((subject: string, _flags: unknown, cmd: Command) => execute(async () => (await import('./commands/history.js')).historyCommand(subject, globals(cmd)), globals(cmd).json));

  const skills = program.command('skills').description('agent skills (.claude/skills/<name>/SKILL.md) for the method');
  skills
    .command('install')
    .description('write or refresh the skills; ones edited by hand are kept unless --force')
    .option('--force', 'overwrite skills edited by hand')
    .option('--no-commit', 'write the files but do not commit')
    .action((flags: { force?: boolean; commit: boolean }, cmd: Command) => execute(async () => (await import('./commands/skills.js')).skillsInstallCommand(flags, globals(cmd)), globals(cmd).json));

  program
    .command('mcp')
    .description('serve the workspace to AI agents over the Model Context Protocol (stdio): tools for every command, resources for canvas, goals and threads')
    .action((_flags: unknown, cmd: Command) => execute(async () => (await import('./commands/mcp.js')).mcpCommand(globals(cmd)), false));

  program
    .command('demo')
    .description('run the whole lifecycle on a temporary copy of the bundled example workspace (what `npm start` does)')
    .action((_flags: unknown, cmd: Command) => execute(async () => (await import('./commands/demo.js')).demoCommand(globals(cmd).json), globals(cmd).json));

  program
    .command('schemas')
    .description('write the JSON Schemas of every file kind (for editors and agents)')
    .option('--out <dir>', 'folder to write them to (relative to --dir when given)', 'schemas')
    .action((flags: { out: string }, cmd: Command) => execute(async () => (await import('./commands/schemas.js')).schemasCommand(flags.out, globals(cmd).dir), globals(cmd).json));

  return program;
}

/**
 * `--` makes the argument after it a value even when it starts with `-`: a company
 * called `-rf` or `--help` is `threadwork deal new -- --help --segment x` (or
 * `deal new --segment x -- --help`). Options may follow the escaped value; repeat `--`
 * before each such value. Escaped values are parsed as placeholders and put back
 * before the command runs.
 */
const ESCAPED = '\u0000threadwork-escaped-';

export function escapeDashValues(argv: readonly string[]): { argv: string[]; values: string[] } {
  const out: string[] = [];
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--' && i + 1 < argv.length) {
      values.push(argv[++i]!);
      out.push(`${ESCAPED}${values.length - 1}`);
    } else out.push(token);
  }
  return { argv: out, values };
}

function unescape(value: unknown, values: readonly string[]): unknown {
  if (typeof value === 'string' && value.startsWith(ESCAPED)) return values[Number(value.slice(ESCAPED.length))] ?? value;
  if (Array.isArray(value)) return value.map((v) => unescape(v, values));
  return value;
}

/** Runs the CLI and returns the exit code (0 success, 1 invalid input or problems found, 2 a bug). */
export async function run(rawArgv: readonly string[]): Promise<number> {
  const { argv, values } = escapeDashValues(rawArgv);
  // --json counts only as an option, not as an escaped value.
  const wantsJson = argv.includes('--json');
  let exitCode = 0;
  let endProgress: () => void = () => {};
  const execute = async (outcome: () => Promise<CommandOutcome> | CommandOutcome, json: boolean): Promise<void> => {
    try {
      let result: CommandOutcome;
      try {
        result = await outcome();
      } finally {
        endProgress();
      }
      if (json && result.json !== undefined) process.stdout.write(`${JSON.stringify(withOk(result.json, result.exitCode === 0), null, 2)}\n`);
      else if (result.text) process.stdout.write(`${result.text}\n`);
      exitCode = result.exitCode;
    } catch (error) {
      exitCode = reportError(error, json);
    }
  };
  const program = buildProgram(execute);
  // Values escaped with `--` go back in place before any action sees them.
  program.hook('preAction', (_root, action) => {
    // A command that ends says what its long steps are doing; watch prints lines of its own, and mcp speaks a protocol.
    if (action.name() !== 'watch' && action.name() !== 'mcp') endProgress = showProgress();
    action.processedArgs = action.processedArgs.map((v: unknown) => unescape(v, values));
    action.args = action.args.map((v) => unescape(v, values) as string);
    for (const [key, value] of Object.entries(action.opts())) if (typeof value === 'string' || Array.isArray(value)) action.setOptionValue(key, unescape(value, values));
  });
  // With --json, stdout carries exactly one JSON document: commander's help and error text are
  // captured, never printed, and become a JSON error below.
  let captured = '';
  if (wantsJson) {
    const capture = (str: string): void => {
      captured += str;
    };
    const configure = (cmd: Command): void => {
      cmd.configureOutput({ writeOut: capture, writeErr: capture, outputError: capture });
      cmd.showHelpAfterError(false);
      for (const sub of cmd.commands) configure(sub);
    };
    configure(program);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof MissingSegment) {
      // Answered with the segments of the workspace --dir names (or the current folder's), read only now.
      const dir = unescape(program.opts<{ dir?: string }>().dir, values);
      const { missingSegmentError } = await import('./missing-segment-answer.js');
      return reportError(await missingSegmentError(error, typeof dir === 'string' ? dir : process.cwd(), rawArgv), wantsJson);
    }
    if (error instanceof CommanderError) {
      if (!wantsJson) return error.exitCode === 0 ? 0 : 1;
      return reportCommanderError(error, String(unescape(captured, values)).replaceAll(ESCAPED, ''));
    }
    return reportError(error, wantsJson);
  }
  return exitCode;
}

/** A commander error, help or version request under --json: one JSON error document, exit 1. */
function reportCommanderError(error: CommanderError, text: string): number {
  const shown = error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version';
  const message = shown
    ? `${error.code === 'commander.version' ? '--version' : '--help'} prints text, not JSON; run it without --json to read it`
    : commanderMessage(error);
  const body: Record<string, unknown> = { code: 'invalid-arguments', message, commander: error.code };
  if ('missingArguments' in error) body.missingArguments = error.missingArguments;
  if ('known' in error) body.known = error.known;
  if (shown) body.text = text.trimEnd();
  process.stdout.write(`${JSON.stringify({ ok: false, error: body }, null, 2)}\n`);
  return 1;
}

/**
 * Commander's message, on one line. An unknown option or command commander found a near one for
 * (`--dryrun`) names it; one nothing is near may be a value that starts with a dash (a
 * company named `-rf`), and is told where such a value goes.
 */
function commanderMessage(error: CommanderError): string {
  const message = error.message.replace(/^error: /, '');
  const near = /\n\(Did you mean (.+)\?\)$/.exec(message);
  if (near) return `${message.slice(0, near.index)} (did you mean ${near[1]}?)`;
  if (error.code === 'commander.unknownOption' && 'known' in error && Array.isArray(error.known)) {
    // `--md is an option of …`, on commander's second line, is said after what this command takes.
    const [unknown, elsewhere] = message.split(/\n\((.+)\)$/);
    return `${unknown} (expected one of ${error.known.join(', ')}${elsewhere ? `; ${elsewhere}` : ''})`;
  }
  return message + (error.code === 'commander.unknownOption' ? ' (a value that starts with - goes after --, e.g. `threadwork deal new -- -rf --segment x`)' : '');
}

function reportError(error: unknown, json: boolean): number {
  const known = error instanceof ThreadworkError;
  const message = error instanceof Error ? error.message : String(error);
  if (json) {
    const body = known ? { code: error.code, message, ...error.details } : { code: 'internal', message };
    process.stdout.write(`${JSON.stringify({ ok: false, error: body }, null, 2)}\n`);
  } else {
    // `error:` as commander writes its usage errors: one prefix for every error a command prints.
    process.stderr.write(`${pc.red('error:')} ${message}\n`);
    if (!known && error instanceof Error && error.stack) process.stderr.write(`${pc.dim(error.stack)}\n`);
  }
  return known ? 1 : 2;
}
