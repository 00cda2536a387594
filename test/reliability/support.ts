import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The reliability suites run twice over: small and seed-fixed in `npm test`, long in
 * `npm run stress` (vitest.stress.config.ts sets THREADWORK_STRESS=1 and the sizes).
 * Each size can be overridden by its own variable.
 */
export const STRESS = process.env.THREADWORK_STRESS === '1';

export function size(name: string, test: number, stress: number): number {
  const value = process.env[name];
  if (value !== undefined && value !== '') return Number(value);
  return STRESS ? stress : test;
}

/** The fixed seed of `npm test`; stress runs take THREADWORK_SEED, which vitest.stress.config.ts sets once for every worker (printed with the figures). */
export const SEED = process.env.THREADWORK_SEED ? Number(process.env.THREADWORK_SEED) : STRESS ? Date.now() % 2 ** 31 : 20_261_120;

/**
 * A fuzz shard's seed, far from the other shard's: seeds one apart start fast-check's
 * generator from nearly the same state (two shards drew the same number of mutations,
 * 9,844 each, from 792382415 and 792382416). THREADWORK_SEED set to the run's seed (each
 * shard prints it beside its own) replays both.
 */
export function shardSeed(shard: number): number {
  return (SEED + shard * 1_000_003) % 2 ** 31;
}

/** Records one figure for the table `npm run stress` prints at the end (a JSON line in THREADWORK_STRESS_OUT). */
export function figure(suite: string, name: string, value: number | string): void {
  const out = process.env.THREADWORK_STRESS_OUT;
  if (out) appendFileSync(out, `${JSON.stringify({ suite, name, value })}\n`);
}

/** Every file of the work tree (not .git) → sha1 of its bytes. */
export function treeHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (path === '.git') continue;
      if (entry.isDirectory()) walk(path);
      else hashes.set(path, createHash('sha1').update(readFileSync(join(dir, path))).digest('hex'));
    }
  };
  walk('');
  return hashes;
}

/** The paths whose content differs between two `treeHashes` results (or exists in one only). */
export function treeDiff(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

const BLOCK = /<!-- threadwork:begin ([\w-]+) -->[\s\S]*?<!-- threadwork:end \1 -->/g;

/** The text of a file with the inside of each managed block blanked: what sync must never change. */
export function outsideBlocks(text: string): string {
  return text.replace(BLOCK, (_, name: string) => `<!-- threadwork:begin ${name} --><!-- threadwork:end ${name} -->`);
}

/** The meta.json fields sync derives (src/engine/sync-plan.ts planMeta). */
export const DERIVED_META = ['stage', 'status', 'pipeline_stage', 'updated', 'close_probability', 'cycle_time_days', 'icp_match_score', 'qualification_score', 'priority', 'lead_score', 'lead_band', 'contact_score'];

/** A meta.json without its derived fields, key order kept; the raw text when it is not a JSON object. */
export function metaOutsideDerived(text: string): string {
  // A BOM is the user's byte too: kept in the comparison, skipped for JSON.parse (which rejects it).
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  try {
    const value = JSON.parse(text.slice(bom.length)) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return text;
    const rest = Object.fromEntries(Object.entries(value).filter(([k]) => !DERIVED_META.includes(k)));
    return bom + JSON.stringify(rest);
  } catch {
    return text;
  }
}

export const GENERATED_MARKER = /^(?:<!-- threadwork:generated sha256=[0-9a-f]{64} -->|# threadwork:generated sha256=[0-9a-f]{64})\r?\n/;

/**
 * The `reached: <date>` a sync adds to a subgoal the first time it finds it reached, so
 * that it stays reached (docs/derivation.md; src/engine/sync-plan.ts, spliced in with
 * addFrontMatterScalar): a line at the subgoal's indentation, or `, reached: …` in a
 * flow map. Engine-written, as a derived field is; every other byte of the goal is the user's.
 */
const SUBGOAL_REACHED = [/\r?\n[ \t]*reached: \d{4}-\d{2}-\d{2}(?=[ \t]*(?:\r?\n|$))/g, /(?:, )?reached: \d{4}-\d{2}-\d{2}(?=[ \t]*})/g];

/** What sync may not change in a file it touched: all of it but managed blocks, derived meta fields, a subgoal's `reached`, and whole generated files. */
export function protectedPart(path: string, text: string): string {
  if (GENERATED_MARKER.test(text)) return '';
  if (path.endsWith('/meta.json')) return metaOutsideDerived(text);
  if (/^goals\/[^/]+\.md$/.test(path)) return outsideBlocks(SUBGOAL_REACHED.reduce((rest, pattern) => rest.replace(pattern, ''), text));
  return outsideBlocks(text);
}

/**
 * Whether sync kept what it must keep of `before` in `after`. A block the file did not
 * have at all (no marker of that name: a new Stage 6, or a body cut before its block) is
 * appended at the end by design; apart from it and the blank line before it, the text
 * must be the same.
 */
export function keptOutsideDerived(path: string, before: string, after: string): boolean {
  if (protectedPart(path, before) === protectedPart(path, after)) return true;
  if (path.endsWith('.json') || GENERATED_MARKER.test(before)) return false;
  // A name the file had no whole marker of (a marker cut before its `-->` is not one, as for the engine).
  const hadMarker = (name: string): boolean => new RegExp(`<!--\\s*threadwork:(?:begin|end)\\s+${name}\\s*-->`).test(before);
  const added = [...after.matchAll(/<!-- threadwork:begin ([\w-]+) -->/g)].map((m) => m[1]!).filter((name) => !hadMarker(name));
  if (added.length === 0) return false;
  let stripped = after;
  for (const name of added) stripped = stripped.replace(new RegExp(`<!-- threadwork:begin ${name} -->[\\s\\S]*?<!-- threadwork:end ${name} -->\\r?\\n?`), '');
  // Outside every block the text is the same but for the line breaks before the appended one
  // (compared outside blocks: an existing block's content may change in the same sync).
  return protectedPart(path, before).trimEnd() === protectedPart(path, stripped).trimEnd();
}

/** A file is "whole" when it parses as what it claims to be: JSON for .json, front matter closed for .md with front matter. */
export function halfWritten(dir: string, path: string, read: (p: string) => string = (p) => readFileSync(join(dir, p), 'utf8')): string | undefined {
  const text = read(path);
  if (path.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (error) {
      return `${path}: not JSON (${(error as Error).message})`;
    }
  }
  if (path.endsWith('.md') && text.startsWith('---\n') && !/\n---\r?\n/.test(text.slice(3))) return `${path}: front matter not closed`;
  if (path.endsWith('.md') && (text.match(/<!-- threadwork:begin /g)?.length ?? 0) !== (text.match(/<!-- threadwork:end /g)?.length ?? 0)) return `${path}: managed block cut`;
  return undefined;
}

export function gitDirHas(dir: string, name: string): boolean {
  return existsSync(join(dir, '.git', name));
}

export function isDir(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
