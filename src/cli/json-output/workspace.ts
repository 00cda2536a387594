import * as z from 'zod';
import { commitOutput, createdThreadOutput, derivedChangeOutput, diagnosticOutput, servedOutput, syncResultShape } from './common.js';

const skillsShape = {
  files: z.array(z.object({ path: z.string(), action: z.enum(['created', 'updated', 'unchanged', 'kept-edited', 'overwritten', 'skipped-missing']), stale: z.boolean() })),
  written: z.array(z.string()),
  commit: commitOutput,
  sync: z.object(syncResultShape).nullable().describe('the sync the write ran: the derived files it moved (written), the sources its commit carried (triggers: the skills, then any uncommitted edit the derived values follow from) and what it held (diagnostics)'),
};

export const skillsInstallOutput = z.object({
  root: z.string(),
  ...skillsShape,
  sync: z.object(syncResultShape).nullable().describe('the sync the write ran: the derived files it moved (written), the sources its commit carried (triggers: the skills, then any uncommitted edit the derived values follow from) and what it held (diagnostics)'),
});

export const initOutput = z.object({
  root: z.string(),
  created: z.array(z.string()).describe('the files init wrote, the `.gitkeep` that lets git carry each empty folder of the layout among them: what its commit holds, besides the sources a sync carried'),
  kept: z.array(z.string()).describe('files that existed and were left exactly as they were'),
  gitInitialized: z.boolean(),
  commit: commitOutput,
  sync: z.object(syncResultShape).nullable().describe("the sync the write ran: in an existing workspace, the derived files it moved (written) and the uncommitted sources its commit carried (triggers)"),
  notes: z.array(z.string()).describe('what init did not do, and why: --company in a workspace whose threadwork.config.yaml was already there (kept as it was); the example goal left out beside goals of yours'),
  skills: z.object(skillsShape).optional().describe('with --skills'),
});

export const checkOutput = z.object({
  root: z.string(),
  ok: z.boolean(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  threads: z.number().int().nonnegative(),
  diagnostics: z.array(diagnosticOutput),
  outsideCheckout: z
    .object({ count: z.number().int().positive(), include: z.array(z.string()) })
    .optional()
    .describe("present when git's sparse checkout leaves workspace files out: the check covers only what is checked out; `include` names the folders `git sparse-checkout add` brings back"),
  gitStopped: z
    .object({
      operation: z.enum(['merge', 'rebase', 'am', 'cherry-pick', 'revert', 'squash', 'stash', 'unmerged']),
      unmerged: z.array(z.string()).describe("the workspace's files git left unmerged: empty once each is added"),
      next: z.string().describe('the command that finishes it: the unmerged files added, then `git commit` for a merge, `git rebase --continue` (`git am`, `git cherry-pick`, `git revert --continue`) for the others'),
    })
    .optional()
    .describe('present while git is stopped in a merge, rebase, cherry-pick, revert or `git am`: sync writes but never commits until it is finished'),
  poppedStashKept: z
    .object({ next: z.literal('git stash drop').describe('the command that drops the stash, once you have what you want from it') })
    .optional()
    .describe("present when a `git stash pop` (or a pull's `--autostash`) stopped on conflicts, they are resolved, and git still keeps the stash (`git stash list`): its changes are in the files now, and a later `git stash pop` would apply them again; told until the next commit (git's `AUTO_MERGE` is its trace)"),
  served: servedOutput,
});

export const threadNewOutput = createdThreadOutput.extend({ served: servedOutput });

export const advanceOutput = z.object({
  thread: z.string(),
  from: z.number().int().min(1).max(5),
  to: z.number().int().min(2).max(6),
  created: z.string(),
  version: z.string().describe("the created stage file's version (a hash of its bytes), as read_thread gives it: the `version` of the first write_stage (MCP) to it"),
  served: servedOutput,
});

export const syncOutput = z.object({ root: z.string(), ...syncResultShape, served: servedOutput });

export const watchLineOutput = z.union([
  z.object({
    event: z.literal('cycle'),
    time: z.string(),
    kind: z
      .enum(['startup', 'change', 'reconcile', 'served'])
      .describe('startup: the first sync; change: files saved; reconcile: the periodic look at every file; served: a command the watcher answered for the CLI (`command`) wrote or committed'),
    command: z.enum(['sync', 'deal new', 'campaign new', 'advance', 'campaign draft', 'campaign approve', 'campaign reply']).optional().describe('for a served line, the command answered'),
    trigger: z.array(z.string()),
    deleted: z.array(z.string()).describe('the triggers gone from disk: deleted, or moved away with their folder (a thread renamed or archived)'),
    written: z.array(z.string()),
    changes: z.array(derivedChangeOutput),
    commit: commitOutput.describe('the commit this cycle made of its own change, why there is none, or null when it had nothing to commit'),
    recovered: commitOutput.describe('the commit that finished an earlier write whose commit never happened (a commit git refused, a process killed), made by this cycle before its own; null when there was none'),
    diagnostics: z.array(diagnosticOutput),
    fixed: z.array(z.string()).describe("the files in error before this cycle and without error now (still on disk): fixed by their own save, or by another file's — a segment added back clears the threads that named it"),
    released: z.array(z.string()).describe('the files held at their last valid version (a `derived-held` warning, listed by the line on which the hold started) before this cycle and no longer, still on disk, other than those in `fixed`: a thread held for a broken file elsewhere, released when that file is fixed'),
  }),
  z.object({ event: z.literal('error'), time: z.string(), message: z.string() }),
  z.object({
    event: z.literal('ready'),
    time: z.string(),
    root: z.string(),
    serving: z.boolean().describe("whether the CLI's `check`, `sync`, `report`, `due`, `qualify`, `deal new`, `campaign new`, `advance`, `campaign draft`, `campaign approve` and `campaign reply` in this workspace are answered from the watcher's state; false when another process (an MCP server, another worktree's watcher) already answers them"),
  }),
  z
    .object({
      event: z.literal('uncommitted'),
      time: z.string(),
      uncommitted: z.array(z.string()).nullable().describe('the source files still differing from HEAD after the start-up sync, as `sync --json` names them; null when the watcher does not commit (`--no-commit`, `git.commit: false`, a workspace outside a git repository) or git could not say'),
      uncommittedDeleted: z.array(z.string()).nullable().describe('of `uncommitted`, the files deleted (no longer on disk), as `sync --json` names them; null when `uncommitted` is'),
    })
    .describe('once, after `ready`, when git has answered: the start-up does not wait for it'),
  z.object({ event: z.literal('stopping'), time: z.string(), signal: z.string(), again: z.literal(true).optional().describe('a second signal while stopping: still finishing; a third stops at once, the write left for the next sync') }).describe('a signal (or the output closed) arrived during the start-up sync (printed before `ready`), or while a cycle was under way or saves waited for one: the watcher finishes it, serving the CLI nothing more, then prints `stopped`'),
  z.object({ event: z.literal('stopped'), time: z.string(), signal: z.string() }),
]);

export const historyOutput = z.object({
  subject: z.string(),
  kind: z.enum(['assumption', 'goal', 'thread']),
  entries: z.array(z.object({ date: z.string(), commit: z.string(), subject: z.string(), changes: z.array(z.string()), triggers: z.array(z.string()) })),
  outside: z
    .array(z.object({ date: z.string(), commit: z.string(), subject: z.string() }))
    .describe("commits made outside threadwork (no Threadwork-* trailer) that changed the subject — an assumption's entry or table row in strategy/canvas/10-assumptions.md, the goal file, the thread folder — newest first: steps the audit trail cannot describe"),
  repository: z.boolean().describe('whether the workspace is in a git repository: outside one there is no audit trail, and `entries` is empty for that reason, not because nothing moved'),
  formerly: z.array(z.string()).optional().describe("a thread's earlier folders, or a goal's earlier ids, newest first, when its folder or file was renamed with git: their trail is part of `entries` and `outside`"),
});

export const demoOutput = z.object({
  dir: z.string().describe('the temporary copy the demo ran on'),
  deal: z.string(),
  steps: z.array(z.object({ step: z.string(), sync: z.object({ written: z.array(z.string()), changes: z.array(derivedChangeOutput), commit: commitOutput }).optional() })),
  history: z.array(z.string()),
});

export const schemasOutput = z.object({
  out: z.string(),
  schemas: z.array(z.object({ file: z.string(), describes: z.string() })),
  written: z.array(z.string()),
});
