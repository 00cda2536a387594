import { z } from 'zod';

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

export const commitOutput = z
  .union([
    z.object({ committed: z.literal(true), commit: z.string().regex(/^[0-9a-f]{40}$/), paths: z.array(z.string()), warning: z.string().optional().describe('committed, but something to know: a detached HEAD, paths left out beyond a symbolic link, an index that could not be refreshed yet') }),
    z.object({ committed: z.literal(false), reason: z.enum(['not-a-repository', 'merge-in-progress', 'rebase-in-progress', 'nothing-to-commit']), message: z.string() }),
  ])
  .nullable()
  .describe('the commit holding the change, why there is none, or null when nothing was to be committed');

export const derivedChangeOutput = z.object({
  subject: z.string().describe('an assumption id, a goal id, a thread path, `metrics`'),
  kind: z.enum(['assumption', 'goal', 'thread', 'metrics', 'marketing', 'strategy']),
  description: z.string().describe('before → after, as in the commit body'),
});

export const createdThreadOutput = z.object({
  path: z.string(),
  id: z.string(),
  type: z.enum(['sales-deal', 'sales-campaign', 'marketing']),
  files: z.array(z.string()),
});

export const errorOutput = z.object({
  ok: z.literal(false),
  error: z.object({
    code: z.string().describe('machine-readable: unknown-thread, stage-incomplete, path-refused, … or internal (a bug); every code is in docs/rules.md'),
    message: z.string(),
    missingArguments: z.array(z.string()).optional().describe('invalid-arguments with more than one required input missing: each, arguments by name (`company`) then options by long flag (`--segment`)'),
    meant: z.string().optional().describe('unknown-thread: the one thread the name given is near (another case, a campaign without its date, the first word of a deal), to retry with; absent when none or several are near (the message names them)'),
    path: z.string().optional().describe('the file, folder or thread the error is about: as given, or relative to the workspace when threadwork found it'),
    known: z.array(z.string()).optional().describe('unknown-segment, unknown-goal, unknown-report and the like: the ids the workspace or the command does have'),
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
};

export const nullableNumber = z.number().nullable();

/** Who answered a command a process keeping the workspace warm may answer (serve/). */
export const servedOutput = z
  .object({ pid: z.number().int().describe('its process id') })
  .optional()
  .describe('present when a process keeping the workspace warm (a running `threadwork mcp` or `threadwork watch`) answered the command: the answer is the one a run of its own would give (docs/mcp.md)');
