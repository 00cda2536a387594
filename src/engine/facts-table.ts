import type { CachedFacts } from '../derive/incremental.js';
import type { ThreadFacts } from '../derive/thread-facts.js';
import { CHUNK_ROWS, readTableChunks, writeTableChunks, type StoredChunk } from './chunked-table.js';

/**
 * The facts cache's table (engine/facts-cache.ts says what it holds and why it is never
 * stale): chunks of up to 2,000 threads, each chunk's facts stored as columns — one array
 * per field — not as 2,000 objects of 24 fields. v8.deserialize adds an object's fields
 * one by one; a column of numbers or strings comes back as one array, and each thread's
 * facts are then made by one object literal (reading 10,000 threads' facts: 75 → 45 ms in
 * a fresh process).
 */

/** Every field of a thread's facts but meta.json's value, which the state puts back. */
type CachedField = Exclude<keyof ThreadFacts, 'meta'>;
type FactsColumns = { [K in CachedField]: ThreadFacts[K][] };

/** The cached fields: every one of ThreadFacts but meta (the compiler holds this list to the type, both ways). */
const CACHED_FIELDS = {
  path: true,
  stage: true,
  status: true,
  pipelineStage: true,
  reachedStage: true,
  closeProbability: true,
  cycleDays: true,
  updated: true,
  arrPotential: true,
  arr: true,
  margin: true,
  outcome: true,
  closed: true,
  tests: true,
  validations: true,
  contentOpportunity: true,
  campaignResults: true,
  experiments: true,
  icpMatchScore: true,
  qualificationScore: true,
  priority: true,
  leadScore: true,
  leadBand: true,
  contactScore: true,
} satisfies Record<CachedField, true>;
const FIELDS = Object.keys(CACHED_FIELDS) as CachedField[];

/** One chunk as stored: the threads' paths, the keys their facts were computed under, the facts by field. */
interface FactsChunk {
  paths: string[];
  keys: string[];
  columns: FactsColumns;
}

/** Writes `entries` (thread path → facts and key) as chunks of columns. */
export function writeFactsTable(file: string, entries: Iterable<[string, CachedFacts]>): void {
  writeTableChunks(file, chunksOf(entries));
}

function* chunksOf(entries: Iterable<[string, CachedFacts]>): Generator<StoredChunk> {
  let rows: [string, CachedFacts][] = [];
  const flush = (): StoredChunk => {
    const columns = Object.fromEntries(FIELDS.map((field) => [field, rows.map(([, entry]) => entry.facts[field])])) as FactsColumns;
    const chunk: FactsChunk = { paths: rows.map(([path]) => path), keys: rows.map(([, entry]) => entry.key), columns };
    rows = [];
    return { rows: chunk };
  };
  for (const entry of entries) {
    rows.push(entry);
    if (rows.length === CHUNK_ROWS) yield flush();
  }
  if (rows.length) yield flush();
}

/**
 * The table's entries; nothing when there is none or another engine wrote it; `damaged`
 * says why one cannot be trusted. `share` sees each chunk as read (a watcher shares its
 * strings).
 */
export function readFactsTable(file: string, share: <T>(value: T) => T = (value) => value): { entries?: Map<string, CachedFacts>; damaged?: string } {
  const entries = new Map<string, CachedFacts>();
  const { found, damaged } = readTableChunks(file, (rows) => {
    const { paths, keys, columns } = share(checkedChunk(rows));
    for (let i = 0; i < paths.length; i++) entries.set(paths[i]!, { key: keys[i]!, facts: factsAt(columns, i) });
  });
  if (damaged !== undefined) return { damaged };
  return found ? { entries } : {};
}

/** `rows` when it is a chunk of this table, whole; else an error (a damaged cache). */
function checkedChunk(rows: unknown): FactsChunk {
  const chunk = rows as Partial<FactsChunk> | null;
  const n = Array.isArray(chunk?.paths) ? chunk.paths.length : -1;
  const columns = chunk?.columns as Record<string, unknown> | undefined;
  const whole = n > 0 && n <= CHUNK_ROWS && Array.isArray(chunk!.keys) && chunk!.keys.length === n && columns !== null && typeof columns === 'object' && FIELDS.every((field) => Array.isArray(columns[field]) && (columns[field] as unknown[]).length === n);
  if (!whole) throw new Error('its content is not a facts cache');
  return chunk as FactsChunk;
}

/** Thread `i`'s facts: one literal (its return type names every field), the shape every thread's facts have. */
function factsAt(c: FactsColumns, i: number): CachedFacts['facts'] {
  return {
    path: c.path[i]!,
    meta: undefined,
    stage: c.stage[i]!,
    status: c.status[i]!,
    pipelineStage: c.pipelineStage[i]!,
    reachedStage: c.reachedStage[i]!,
    closeProbability: c.closeProbability[i]!,
    cycleDays: c.cycleDays[i]!,
    updated: c.updated[i]!,
    arrPotential: c.arrPotential[i]!,
    arr: c.arr[i]!,
    margin: c.margin[i]!,
    outcome: c.outcome[i]!,
    closed: c.closed[i]!,
    tests: c.tests[i]!,
    validations: c.validations[i]!,
    contentOpportunity: c.contentOpportunity[i]!,
    campaignResults: c.campaignResults[i]!,
    experiments: c.experiments[i]!,
    icpMatchScore: c.icpMatchScore[i]!,
    qualificationScore: c.qualificationScore[i]!,
    priority: c.priority[i]!,
    leadScore: c.leadScore[i]!,
    leadBand: c.leadBand[i]!,
    contactScore: c.contactScore[i]!,
  };
}
