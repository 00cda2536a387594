import * as z from 'zod';

/**
 * Building blocks of the `--json` outputs. Objects are described by the keys they always
 * carry; the generated JSON Schemas allow more (see generate.ts), so a new field is not
 * a breaking change for anyone validating against them.
 */
export const diagnosticOutput = z.object({
  path: z.string(),
  line: z.number().int().min(1).describe('where the problem starts (1-based)'),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1).describe('where it ends, exclusive (1-based); equal to line/column when only a point is known'),
  endColumn: z.number().int().min(1),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  rule: z.string().describe('a rule id: yaml-syntax, schema, unknown-segment, … (every rule is in docs/rules.md)'),
  field: z.string().optional().describe('for a rule that points at a key: the offending field as a data path (`contact.email`, `actions[2].status`)'),
});

const ignoredOutput = z.array(z.string()).optional().describe('files written (workspace-relative) but left out of the commit because git ignores them (a .gitignore, info/exclude): never forced in; `git add -f` commits one');

export const commitOutput = z
  .union([
    z.object({ committed: z.literal(true), commit: z.string().regex(/^[0-9a-f]{40}$/), paths: z.array(z.string()), warning: z.string().optional().describe('committed, but something to know: a detached HEAD, paths left out beyond a symbolic link or because git ignores them (`ignored`), an index that could not be refreshed yet'), ignored: ignoredOutput }),
    z.object({ committed: z.literal(false), reason: z.enum(['not-a-repository', 'merge-in-progress', 'rebase-in-progress', 'nothing-to-commit', 'changed-meanwhile', 'source-held']), message: z.string(), ignored: ignoredOutput }),
  ])
  .nullable()
  .describe('the commit holding the change, why there is none, or null when nothing was to be committed');

export const derivedChangeOutput = z.object({
  subject: z.string().describe('an assumption id, a goal id, a thread path, `metrics`'),
  kind: z.enum(['assumption', 'goal', 'thread', 'metrics', 'marketing', 'strategy', 'suppression']),
  description: z.string().describe('before → after, as in the commit body'),
  at: z.string().describe('what the line describes: a managed block (`strategy/canvas/13-metrics.md#metrics`), a thread\'s meta.json, a subgoal\'s reached record (`goals/<id>.md#reached/<subgoal>`), a file regenerated or a thread opened (its path)'),
});

export const createdThreadOutput = z.object({
  path: z.string(),
  id: z.string(),
  type: z.enum(['sales-deal', 'sales-campaign', 'marketing']),
  files: z.array(z.string()),
  version: z.string().describe("1-input.md's version (a hash of its bytes), as read_thread gives it: the `version` of the first write_stage (MCP) to it"),
});

/** An item of `gate-refused`'s `failures`: one draft an autonomy gate stopped. */
const gateFailureOutput = z.object({
  path: z.string().describe('the draft file'),
  gate: z.enum(['do-not-contact', 'sequence-stopped', 'not-due', 'icp', 'quality', 'daily-cap', 'approved-text']),
  rule: z.string().describe('the rule of `threadwork check` the approval would have broken (approved-below-quality, …)'),
  message: z.string().describe('why, with its figures'),
});

/**
 * The refusal every command prints with --json, and an MCP tool error's structuredContent.
 * Each detail any error can carry is described here: test/error-schema.test.ts makes real
 * refusals and turns red on a key this does not name.
 */
export const errorOutput = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string().describe('machine-readable: unknown-thread, stage-incomplete, path-refused, … or internal (a bug); every code is in docs/rules.md'),
    message: z.string().describe('what is wrong and what was expected, in the words of the command (of the tools, through MCP); may hold several lines'),
    missingArguments: z.array(z.string()).optional().describe('invalid-arguments with a required argument missing (its message says what it expects), more than one required input missing, or `--segment` missing: each, arguments by name (`company`) then options by long flag (`--segment`); from an MCP tool, every required argument left out, by name (`thread`)'),
    arguments: z
      .array(
        z.object({
          argument: z.string().describe('the argument (`stage`), or an item of a list argument (`segments[1]`)'),
          given: z.unknown().optional().describe('the value sent; absent when a required argument was left out'),
          expected: z.string().describe('what the argument takes, in words (`a whole number from 1 to 6`, `one of "open", "deferred", …`)'),
          example: z.unknown().describe('a value it takes, as the arguments would send it'),
        }),
      )
      .optional()
      .describe('MCP only, invalid-arguments answered before the tool ran: each argument the input schema refused — what was sent, what it takes and an example to retry with'),
    commander: z.string().optional().describe('invalid-arguments refused by the command line parser: its own code (commander.unknownOption, commander.missingArgument, …)'),
    tool: z.string().optional().describe('MCP only, invalid-arguments answered before the tool ran (its input schema refused them), unknown-tool and engine-replaced: the tool named in the call'),
    running: z.string().optional().describe('engine-replaced (MCP): the engine the server runs, its version and the hash of its files'),
    installed: z.string().optional().describe('engine-replaced (MCP): the engine installed on disk now, which a restarted server runs'),
    meant: z.string().optional().describe('unknown-thread: the one thread the name given is near (another case, a campaign without its date, the first word of a deal), to retry with; absent when none or several are near (the message names them). unknown-segment, unknown-goal, unknown-subgoal: the id the one given is a slip of (another case, a typing slip or two). path-refused: the thread folder a thread argument written relative to threads/ (`sales/acme`) names'),
    path: z.string().optional().describe('the file, folder or thread the error is about: as given, or relative to the workspace when threadwork found it; stage-incomplete: the stage file whose `missing` fields are at `line`:`column`; stage-not-written: the stage file advance opened, to write; stage-order: the current stage file of the thread, the one to complete first; last-stage: its 6-learning.md'),
    line: z.number().int().min(1).optional().describe('csv-syntax, json-syntax: where in `path` the list stops parsing (1-based); absent when the parser gives no place. decision-not-to-act: where `decision` is written in `path` (4-decision.md)'),
    column: z.number().int().min(1).optional().describe('csv-syntax, json-syntax, decision-not-to-act: the column on `line` (1-based)'),
    thread: z.string().optional().describe('stage-incomplete, stage-not-written, stage-order, last-stage, invalid-meta, thread-in-error: the thread folder, relative to the workspace'),
    stage: z.number().int().min(1).max(6).optional().describe('stage-incomplete: the stage that is not complete; stage-not-written: the stage nothing is written in yet; stage-order: the stage that was to be written'),
    missing: z
      .array(
        z.object({
          field: z.string().describe('the front matter field (a data path)'),
          hint: z.string().describe('what to fill in'),
          line: z.number().int().optional().describe('where the field stands in the stage file, when it is written with no value (`decision:`, as the template leaves it); absent when the field is not written at all'),
          column: z.number().int().optional().describe('with `line`: the column of the field'),
          misspelt: z.object({ key: z.string(), line: z.number().int(), column: z.number().int() }).optional().describe('a key one slip off the field (`decison:`), where it is: rename it'),
        }),
      )
      .optional()
      .describe('stage-incomplete, stage-not-written: each required field that is absent, blank or an empty list, and each open action'),
    diagnostics: z
      .array(diagnosticOutput)
      .optional()
      .describe('stage-invalid, write-invalid, invalid-meta, thread-in-error, suppression-invalid, experiment-invalid, front-matter-unreadable: each problem, as `threadwork check` reports it; nothing was written. unknown-segment: the errors of strategy/canvas/04-segments.md when it is broken (`known` then lists the ids of its last valid version, which commands read until it is fixed), or, with none read from it, the `key-misspelt` warning of its key that is a slip of `segments` (`segmentz:`)'),
    known: z.array(z.string()).optional().describe('unknown-segment, unknown-goal, unknown-report and the like: the ids the workspace or the command does have; invalid-arguments for a command group given no command (`threadwork deal`): its commands; for an unknown option near none of the command: the options it takes; invalid-arguments for a missing `--segment` (deal new, campaign new, score): the segment ids of 04-segments.md; (MCP) invalid-arguments for an argument the tool does not take: the arguments it takes; for a value outside one argument\'s choices (`type`, `status`): those choices; stage-incomplete, stage-not-written with `tests` among `missing`: the assumption ids of strategy/canvas/10-assumptions.md'),
    segment: z.string().optional().describe('unknown-segment, and invalid-arguments for a segment id with a control character: the segment id given'),
    campaign: z.string().optional().describe('unknown-campaign: the campaign folder name given (`--source campaign:{id}`)'),
    goal: z.string().optional().describe('unknown-goal, and invalid-arguments for a goal id with a control character: the goal id given'),
    subgoal: z.string().optional().describe('unknown-subgoal, and invalid-arguments for a subgoal id with a control character: the subgoal id given'),
    assumption: z.string().optional().describe('unknown-assumption: the assumption id given'),
    name: z.string().optional().describe('invalid-name: the company or campaign name (or --slug) refused, as given'),
    email: z.string().optional().describe('invalid-email: the contact address refused, as given; unknown-prospect: the address (or profile, or phone) given, which no prospect of `path` has — `known` lists theirs'),
    title: z.string().optional().describe('thread-exists: the title of the other company or campaign whose folder the name makes'),
    suggestedSlug: z.string().optional().describe('thread-exists: a free folder name to retry with (--slug, the `slug` argument)'),
    meta: z.record(z.string(), z.unknown()).optional().describe('thread-exists for a folder without meta.json (stage files written before threadwork): the meta.json to write there, as the command would have'),
    rejected: z
      .array(z.object({ row: z.number().int().min(1).describe('the row, from 1'), error: z.string().describe('why it was refused') }))
      .optional()
      .describe('nothing-scored: every row of the list and why it was refused; empty when the list had no rows'),
    files: z.array(z.string()).optional().describe('goals-not-threadwork: the files of goals/ that are not threadwork goals, workspace-relative'),
    waiting: z.array(z.string()).optional().describe('not-a-draft, given a folder: the drafts under it waiting for approval, to name instead'),
    failures: z.array(gateFailureOutput).optional().describe('gate-refused: each draft an autonomy gate stopped'),
    date: z.string().optional().describe('reply-before-start: the date of the reply given'),
    start: z.string().optional().describe('reply-before-start: the day the campaign started for that prospect'),
    template: z.string().optional().describe('template-error, template-invalid: the template file'),
    field: z.string().optional().describe('derived-field (MCP `write_stage`): the first field given that sync derives. unknown-field, field-conflict (MCP `write_stage`): the field path given in `remove` (`contact.title`); `known` lists the field paths the front matter holds'),
    fields: z.array(z.string()).optional().describe('derived-field (MCP `write_stage`): each field given that sync derives into meta.json'),
    expected: z.string().optional().describe('stage-changed: the version the write was given (read_thread\'s `version` of the stage)'),
    version: z.string().nullable().optional().describe('stage-changed: the version of the stage file now, to read again; null when it was deleted. stage-incomplete, stage-not-written, front-matter-unreadable: the version of `path`, to give write_stage (MCP) when writing it'),
    frontMatter: z.string().optional().describe('front-matter-unreadable (MCP `write_stage`): the front matter block of `path` as written, `---` lines included — what a write over it would have lost'),
    errno: z.string().optional().describe('write-failed: the system code of the refusal (EACCES, EROFS, ENOSPC, …)'),
    lock: z.string().optional().describe('lock-compromised: the lock file'),
    pid: z.number().int().optional().describe('lock-timeout, watcher-running: the process id of the threadwork process holding the workspace'),
    hostname: z.string().optional().describe('lock-timeout: the machine that process runs on'),
    host: z.string().optional().describe('watcher-running: the machine the running watcher runs on'),
    started: z.string().optional().describe('watcher-running: when the running watcher started (ISO 8601)'),
    root: z.string().optional().describe('watcher-running: the workspace folder it watches (absolute)'),
  }).describe('code and message always; further details by code (docs/rules.md)'),
});

export const syncResultShape = {
  dryRun: z.boolean(),
  written: z.array(z.string()),
  edits: z.array(z.object({ path: z.string(), created: z.boolean() })),
  changes: z.array(derivedChangeOutput),
  diagnostics: z.array(diagnosticOutput),
  triggers: z
    .array(z.string())
    .describe("the source files the run's commit names as the causes of its derived changes: the command's own files, then the uncommitted sources those changes come from; when the run does not commit (--no-commit, git.commit: false) only the command's own files, as a commit would have named them, and nothing is committed"),
  commit: commitOutput,
  uncommitted: z
    .array(z.string())
    .nullable()
    .describe('source files still differing from HEAD after the run, not committed by it (sync commits only what its derived changes come from); null when the run does not commit (a dry run, --no-commit, git.commit: false)'),
  uncommittedDeleted: z
    .array(z.string())
    .nullable()
    .describe('of `uncommitted`, the files deleted (no longer on disk): `git rm` commits them, where the others take `git add` (the text says `(deleted)`) — except one held, with a `derived-held` warning at it or at a file of its thread (a goal file or thread folder renamed by hand while something holds the rename): the next sync commits it once what holds it is fixed, never by hand meanwhile (the text lists it as held); null when `uncommitted` is'),
};

export const nullableNumber = z.number().nullable();

/** Who answered a command a process keeping the workspace warm may answer (serve/). */
export const servedOutput = z
  .object({ pid: z.number().int().describe('its process id') })
  .optional()
  .describe('present when a process keeping the workspace warm (a running `threadwork mcp` or `threadwork watch`) answered the command: the answer is the one a run of its own would give (docs/mcp.md)');
