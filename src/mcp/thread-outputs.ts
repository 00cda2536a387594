import * as z from 'zod';
import { diagnosticOutput, nullableNumber } from '../cli/json-output/common.js';
import { experimentOutput } from '../cli/json-output/reports.js';
import { THREAD_STATUSES, THREAD_TYPES } from '../schema/meta.js';
import { STAGES } from '../schema/stages.js';
import type { ThreadFacts } from '../derive/thread-facts.js';
import type { StageView, ThreadView } from '../threads/read.js';
import type { ThreadSummary } from '../threads/list.js';

/**
 * The answers of `list_threads` and `read_thread`, the two tools no CLI command prints
 * (there is no `threadwork list` or `threadwork show`): their schemas live here, beside the
 * server, built from the CLI's building blocks (a diagnostic, an experiment) so that a
 * diagnostic reads the same in every answer. Objects are described by the keys they always
 * carry and published open (outputs.ts), as `schemas/cli/` is.
 */
const share = z.number().min(0).max(1);
const heldOutput = z.array(diagnosticOutput).describe("sync's `derived-held` warnings, each naming the error that holds the values (they are then the last valid ones, as sync counts them); [] when nothing is held");
const status = z.enum(THREAD_STATUSES);

const threadSummaryOutput = z.object({
  path: z.string().describe('the thread folder, relative to the workspace: the `thread` of read_thread, write_stage and advance'),
  id: z.string().describe('the thread id (its folder name), also taken as `thread`'),
  type: z.enum(THREAD_TYPES).nullable().describe('null when meta.json is missing or invalid'),
  title: z.string().nullable(),
  segment: z.string().nullable(),
  stage: z.number().int().min(0).max(STAGES.length).describe('the last stage file present (0: none yet)'),
  status: status.nullable().describe('derived, as the next sync writes it; null when meta.json is invalid or there is no stage file'),
  pipelineStage: z.string().nullable(),
  updated: z.string().nullable(),
  closeProbability: nullableNumber,
  arrPotential: nullableNumber,
  valid: z.boolean().describe('false when meta.json is missing or invalid, or the thread has no stage file (not counted anywhere): `check` says why'),
  held: heldOutput,
});

export const listThreadsOutput = z.object({
  threads: z.array(threadSummaryOutput).describe('sorted by path'),
  held: heldOutput,
});

/** What the engine derives of a thread (`derived` of read_thread): what sync writes into meta.json and counts in assumptions, metrics and goals. */
const threadFactsOutput = z.object({
  path: z.string(),
  meta: z.record(z.string(), z.unknown()).describe('meta.json as sync will write it (derived fields filled in)'),
  stage: z.number().int().min(0).max(STAGES.length),
  status,
  pipelineStage: z.string().nullable(),
  reachedStage: z.string().nullable().describe('the furthest pipeline stage the deal reached, whatever its status'),
  closeProbability: share,
  cycleDays: nullableNumber.describe('days from creation to close, for a closed thread'),
  updated: z.string(),
  arrPotential: nullableNumber,
  arr: nullableNumber,
  margin: nullableNumber,
  outcome: z.enum(['closed-won', 'closed-lost', 'stalled']).nullable(),
  closed: z.string().nullable(),
  tests: z.array(z.string()).describe('the assumption ids the thread tests (Stage 2 `tests`)'),
  validations: z.array(z.object({ assumption: z.string(), result: z.enum(['validated', 'partial', 'invalidated']) })).describe("what Stage 6 (and a campaign's experiments) found of each assumption tested: sync moves the assumption's confidence by it"),
  contentOpportunity: z.object({ topic: z.string(), priority: z.string(), slug: z.string().optional() }).nullable(),
  campaignResults: z.record(z.string(), z.unknown()).nullable(),
  experiments: z.array(experimentOutput),
  icpMatchScore: nullableNumber,
  qualificationScore: nullableNumber,
  priority: z.enum(['high', 'medium', 'low']).nullable(),
  leadScore: nullableNumber,
  leadBand: z.enum(['cold', 'warm', 'mql', 'sql']).nullable(),
  contactScore: nullableNumber,
});

const stageViewOutput = z.object({
  stage: z.number().int().min(1).max(STAGES.length),
  name: z.string().describe('input, hypothesis, implication, decision, actions or learning'),
  file: z.string().describe('the stage file, relative to the workspace'),
  exists: z.boolean(),
  frontMatter: z.record(z.string(), z.unknown()).nullable().describe('the front matter as written, to send back to write_stage with your changes; null when the file is missing or its front matter cannot be read'),
  unreadFrontMatter: z.string().nullable().describe('the front matter block as written (`---` lines included) when it does not parse — a YAML error, a block never closed: what to repair, at the lines and columns of `diagnostics` (the file\'s own, counted from its first line); null when it parses or there is no file. write_stage refuses such a file (front-matter-unreadable): fix the block in the file'),
  body: z.string().nullable().describe('the Markdown after the front matter; null when there is no file'),
  version: z.string().nullable().describe("the file's version (a hash of its bytes): write_stage's `version`; null when there is no file"),
  schema: z.string().describe('the JSON Schema the front matter must satisfy, as threadwork://schemas/{schema}'),
  diagnostics: z.array(diagnosticOutput).describe('what `check` reports for this stage file'),
});

export const readThreadOutput = z.object({
  path: z.string(),
  id: z.string(),
  type: z.string(),
  stage: z.number().int().min(0).max(STAGES.length),
  meta: z.record(z.string(), z.unknown()).nullable().describe('meta.json as written; null when missing or unreadable'),
  stages: z.array(stageViewOutput).length(STAGES.length).describe('all six stages in order, written or not'),
  derived: threadFactsOutput.nullable().describe('what the next sync derives for the thread (held at HEAD while the thread is held); null when meta.json is invalid'),
  diagnostics: z.array(diagnosticOutput).describe("every problem `check` reports for the thread's files"),
  held: heldOutput,
});

/* Compile-time ties, as cli/json-output/index.ts has: a field renamed in the engine's result turns the typecheck red here. */
type Fits<Actual extends Schema, Schema> = Actual;
export type ThreadOutputTypeChecks = [
  Fits<{ threads: ThreadSummary[]; held: ThreadSummary['held'] }, z.output<typeof listThreadsOutput>>,
  Fits<ThreadFacts, z.output<typeof threadFactsOutput>>,
  Fits<StageView, z.output<typeof stageViewOutput>>,
  Fits<ThreadView, z.output<typeof readThreadOutput>>,
];
