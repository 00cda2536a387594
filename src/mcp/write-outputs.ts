import * as z from 'zod';
import { commitOutput, createdThreadOutput, diagnosticOutput, syncResultShape } from '../cli/json-output/common.js';
import { migrateOutput } from '../cli/json-output/migrate.js';
import { campaignApproveOutput, campaignDraftOutput, campaignReplyOutput, strategyOutput } from '../cli/json-output/outreach.js';
import { advanceOutput } from '../cli/json-output/workspace.js';
import type { GoalLink } from '../threads/link-goal.js';
import type { CreatedSet } from '../threads/set-created.js';
import type { StageWriteResult } from '../threads/write-stage.js';

/**
 * The answers of the write tools, built from their commands' `--json` schemas: each tool's
 * `result` is what its command prints, less what the write adds around it (`sync`,
 * `commit`, `warnings`, answered beside `result`), what only a person at a folder is told
 * (`root`) and what only the CLI's server relays (`served`). So a field the command's
 * document gains is in the tool's schema too, with no second copy.
 */
const AROUND_THE_RESULT = ['root', 'served', 'sync', 'commit', 'warnings'] as const;

function resultOf(command: z.ZodObject): z.ZodObject {
  const present = AROUND_THE_RESULT.filter((key) => key in command.shape);
  return command.omit(Object.fromEntries(present.map((key) => [key, true])) as never);
}

const stageWriteResultOutput = z.object({
  thread: z.string().describe('the thread folder, relative to the workspace'),
  stage: z.number().int().min(1).max(6),
  path: z.string().describe('the stage file written'),
  created: z.boolean().describe('true when the write opened the stage (the file did not exist)'),
  written: z.boolean().describe('false when the file already held exactly this: nothing written, nothing committed'),
  diagnostics: z.array(diagnosticOutput).describe("check's warnings in the file as written (errors refuse the write)"),
  removed: z.array(z.object({ field: z.string(), value: z.unknown() })).describe('each field `remove` named, with the value it held: to write back to undo it'),
  version: z.string().describe("the file's version after the write: the `version` of the next write_stage to it"),
});

const goalLinkOutput = z.object({
  thread: z.string().describe('the thread folder, relative to the workspace'),
  goal: z.string().nullable().describe('the goal the thread counts towards now (null: none)'),
  subgoal: z.string().nullable(),
  before: z.object({ goal: z.string().nullable(), subgoal: z.string().nullable() }).describe('the links it had before: to write back to undo it'),
  written: z.array(z.string()).describe("the files written: meta.json, and a campaign's 1-input.md when it names the goal; empty when the thread was linked so already (nothing committed)"),
});

const createdSetOutput = z.object({
  thread: z.string().describe('the thread folder, relative to the workspace'),
  created: z.string().describe('the day meta.json holds now'),
  before: z.string().nullable().describe('the day it held before: to give back to undo it'),
  written: z.array(z.string()).describe('meta.json when it changed; empty when it held that day already (nothing committed)'),
});

/** `{ok, result, sync, commit, warnings}`: a write's answer around its `result`. */
function writeAnswer(result: z.ZodObject): z.ZodObject {
  return z.object({
    ok: z.boolean(),
    result,
    sync: z.object(syncResultShape).nullable().describe('the sync that followed the write: each derived before → after in `changes`; null when it did not run (`sync: false`)'),
    commit: commitOutput,
    warnings: z.array(diagnosticOutput).describe("check's warnings in the files written; the write went ahead"),
  });
}

export const WRITE_TOOL_OUTPUTS = {
  create_deal: writeAnswer(createdThreadOutput),
  create_campaign: writeAnswer(createdThreadOutput),
  write_stage: writeAnswer(stageWriteResultOutput),
  link_goal: writeAnswer(goalLinkOutput),
  set_created: writeAnswer(createdSetOutput),
  advance: writeAnswer(resultOf(advanceOutput)),
  draft_campaign: writeAnswer(resultOf(campaignDraftOutput)),
  record_reply: writeAnswer(resultOf(campaignReplyOutput)),
  approve_draft: writeAnswer(resultOf(campaignApproveOutput)),
  migrate_stages: writeAnswer(resultOf(migrateOutput)),
  // Answered as the command prints it (not split): its `ok` is false when a source it generates from is in error.
  generate_strategy: strategyOutput.omit({ root: true }).extend({ ok: z.boolean() }),
} as const;

/* Compile-time tie: a field renamed in the engine's stage write turns the typecheck red here. */
type Fits<Actual extends Schema, Schema> = Actual;
export type WriteOutputTypeChecks = [Fits<StageWriteResult, z.output<typeof stageWriteResultOutput>>, Fits<GoalLink, z.output<typeof goalLinkOutput>>, Fits<CreatedSet, z.output<typeof createdSetOutput>>];
