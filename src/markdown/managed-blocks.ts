import { positionAtOffset, type Position } from '../diagnostics.js';
import { lineEndingOf } from './line-ending.js';

/**
 * The engine writes body content only between its own markers:
 *
 *   <!-- threadwork:begin NAME -->
 *   …derived content…
 *   <!-- threadwork:end NAME -->
 *
 * Markers are found with the remark AST (so a marker shown inside a code block is not
 * one) and content is spliced by source offset: every byte outside the markers stays.
 */
export interface ManagedBlock {
  name: string;
  /** Offset just after the begin marker. */
  contentStart: number;
  /** Offset of the end marker. */
  contentEnd: number;
  position: Position;
}

export interface MarkerProblem {
  name: string;
  position: Position;
  message: string;
}

export interface BlockScan {
  blocks: Map<string, ManagedBlock>;
  problems: MarkerProblem[];
}

const MARKER = /<!--\s*threadwork:(begin|end)\s+([A-Za-z0-9_-]+)\s*-->/g;

export interface Marker {
  kind: 'begin' | 'end';
  name: string;
  start: number;
  end: number;
}

interface MdNode {
  type: string;
  value?: string;
  position?: { start: { offset?: number } };
  children?: MdNode[];
}

/**
 * remark (unified + remark-parse), loaded by the first plan that needs it: 70–85 ms of a
 * fresh process's start, and the markers the engine writes never need it (see
 * markersOnOwnLines). `withMarkdownParser` runs a plan again once it is loaded.
 */
let parser: { parse(text: string): unknown } | undefined;

/** Thrown by a scan that needs remark before it was loaded; withMarkdownParser catches it. */
export class MarkdownParserNeeded extends Error {
  constructor() {
    super('the Markdown parser is not loaded yet: run the scan through withMarkdownParser');
  }
}

/** Whether remark is loaded already (nothing left for loadParserForBlocks to decide). */
export function markdownParserLoaded(): boolean {
  return parser !== undefined;
}

export async function loadMarkdownParser(): Promise<void> {
  if (parser) return;
  const [{ unified }, { default: remarkParse }] = await Promise.all([import('unified'), import('remark-parse')]);
  parser = unified().use(remarkParse);
}

/** `run()`, once more after loading remark if a scan of its needed it (a scan changes nothing before it throws). */
export async function withMarkdownParser<T>(run: () => T): Promise<T> {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof MarkdownParserNeeded)) throw error;
    await loadMarkdownParser();
    return run();
  }
}

/**
 * The last scans, by text. A sync plans the same few block files (assumptions, metrics,
 * goals) in every watch cycle, and parsing them anew was half of what a cycle allocated
 * (7 MB a save at 10,000 deals). A scan is never changed by its readers.
 */
const recentScans = new Map<string, { bodyOffset: number; scan: BlockScan }>();
const RECENT_SCANS = 32;

export function findManagedBlocks(text: string, bodyOffset: number): BlockScan {
  const recent = recentScans.get(text);
  if (recent?.bodyOffset === bodyOffset) return recent.scan;
  const scan = scanManagedBlocks(text, bodyOffset);
  if (recentScans.size >= RECENT_SCANS) recentScans.delete(recentScans.keys().next().value!);
  recentScans.set(text, { bodyOffset, scan });
  return scan;
}

function scanManagedBlocks(text: string, bodyOffset: number): BlockScan {
  const markers = collectMarkers(text, bodyOffset);
  const blocks = new Map<string, ManagedBlock>();
  const problems: MarkerProblem[] = [];
  const names = [...new Set(markers.map((m) => m.name))];
  for (const name of names) {
    const begins = markers.filter((m) => m.name === name && m.kind === 'begin');
    const ends = markers.filter((m) => m.name === name && m.kind === 'end');
    const problem = (marker: Marker, message: string): void => {
      problems.push({ name, position: positionAtOffset(text, marker.start), message });
    };
    if (begins.length > 1) problem(begins[1]!, `Duplicated managed block \`${name}\`: a second begin marker (the first is on line ${positionAtOffset(text, begins[0]!.start).line}); expected exactly one begin and one end marker`);
    else if (ends.length > 1) problem(ends[1]!, `Duplicated managed block \`${name}\`: a second end marker (the first is on line ${positionAtOffset(text, ends[0]!.start).line}); expected exactly one begin and one end marker`);
    else if (begins.length === 1 && ends.length === 0) problem(begins[0]!, `Unclosed managed block \`${name}\`: expected \`<!-- threadwork:end ${name} -->\` after this begin marker`);
    else if (ends.length === 1 && begins.length === 0) problem(ends[0]!, `Managed block \`${name}\` has an end marker but no begin: expected \`<!-- threadwork:begin ${name} -->\` before it`);
    else if (begins[0]!.start > ends[0]!.start) problem(ends[0]!, `Swapped markers of managed block \`${name}\`: the end marker comes before the begin marker on line ${positionAtOffset(text, begins[0]!.start).line}`);
    else blocks.set(name, { name, contentStart: begins[0]!.end, contentEnd: ends[0]!.start, position: positionAtOffset(text, begins[0]!.start) });
  }
  const ordered = [...blocks.values()].sort((a, b) => a.contentStart - b.contentStart);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i]!.contentStart < ordered[i - 1]!.contentEnd) {
      const message = `Managed block \`${ordered[i]!.name}\` starts inside block \`${ordered[i - 1]!.name}\`: expected blocks one after the other`;
      // Both blocks are damaged, not absent: a sync must neither fill the inner one nor append a second outer one.
      problems.push({ name: ordered[i]!.name, position: ordered[i]!.position, message });
      problems.push({ name: ordered[i - 1]!.name, position: ordered[i - 1]!.position, message });
      blocks.delete(ordered[i]!.name);
      blocks.delete(ordered[i - 1]!.name);
    }
  }
  // A stray marker of another block inside a block's content (a second begin of a block,
  // an end of one cut elsewhere): rewriting the content would delete it, and the next sync
  // would find the other block whole again — two syncs, two different files.
  for (const block of [...blocks.values()]) {
    const stray = markers.find((m) => m.name !== block.name && m.start >= block.contentStart && m.start < block.contentEnd);
    if (!stray) continue;
    const message = `Managed block \`${block.name}\` holds a marker of block \`${stray.name}\` on line ${positionAtOffset(text, stray.start).line}: expected each marker once, blocks one after the other`;
    problems.push({ name: block.name, position: block.position, message });
    blocks.delete(block.name);
  }
  return { blocks, problems };
}

function collectMarkers(text: string, bodyOffset: number): Marker[] {
  if (!text.includes('threadwork:')) return [];
  const body = text.slice(bodyOffset);
  return markersOnOwnLines(body, bodyOffset) ?? markersByParse(body, bodyOffset);
}

/** A code fence CommonMark opens at the top level: up to three spaces, then ``` or ~~~. */
const TOP_LEVEL_FENCE = /^ {0,3}(?:`{3}|~{3})/m;

/**
 * The markers found without a Markdown parse, or undefined when that could be wrong. It
 * cannot when every marker starts a line and sits on it alone, and no top-level code fence
 * comes anywhere in the body: such a line always opens (or lies inside) an HTML block —
 * `<!--` interrupts a paragraph and ends a list item or a quote, column 0 ends indented
 * code, fenced code inside a quote or list item never takes an unprefixed line. That is
 * how the engine writes its markers, so a sync of the canvas and goals (and a watch cycle)
 * skips the parse, which cost 200 ms in a fresh process and most of a cycle's allocation.
 */
export function markersOnOwnLines(body: string, bodyOffset: number): Marker[] | undefined {
  if (TOP_LEVEL_FENCE.test(body)) return undefined;
  const markers: Marker[] = [];
  for (const match of body.matchAll(MARKER)) {
    const start = match.index;
    const end = start + match[0].length;
    const ownsLine = (start === 0 || body[start - 1] === '\n') && !match[0].includes('\n') && /^[ \t]*(?:\r?\n|$)/.test(body.slice(end, end + 64));
    if (!ownsLine) return undefined;
    markers.push({ kind: match[1] as 'begin' | 'end', name: match[2]!, start: bodyOffset + start, end: bodyOffset + end });
  }
  return markers;
}

/** The markers of the remark AST: only those in HTML nodes, never one shown in code. */
export function markersByParse(body: string, bodyOffset: number): Marker[] {
  // micromark drops a byte-order mark before it counts offsets: parse past it and count it back in,
  // or every marker of a file saved with one is placed a character early (and a sync eats its `>`).
  if (!parser) throw new MarkdownParserNeeded();
  const skipped = body.startsWith('\uFEFF') ? 1 : 0;
  const tree = parser.parse(skipped ? body.slice(1) : body) as MdNode;
  const markers: Marker[] = [];
  const visit = (node: MdNode): void => {
    if (node.type === 'html' && node.value && node.position?.start.offset !== undefined) {
      const base = bodyOffset + skipped + node.position.start.offset;
      for (const match of node.value.matchAll(MARKER)) {
        markers.push({ kind: match[1] as 'begin' | 'end', name: match[2]!, start: base + match.index, end: base + match.index + match[0].length });
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return markers;
}

/**
 * Replaces what is between a block's markers; returns the text unchanged when the content
 * is the same, line endings aside. A changed block is written in the line ending of its
 * begin marker's line, not the one the file mostly uses: in a file of mixed endings (a header
 * pasted from another editor) a sync with nothing to derive must not rewrite the block.
 */
export function replaceBlockContent(text: string, block: ManagedBlock, content: string): string {
  if (blockContent(text, block) === content) return text;
  const eol = text.startsWith('\r\n', block.contentStart) ? '\r\n' : text[block.contentStart] === '\n' ? '\n' : lineEndingOf(text);
  const inner = `${eol}${content.split('\n').join(eol)}${eol}`;
  if (text.slice(block.contentStart, block.contentEnd) === inner) return text;
  return text.slice(0, block.contentStart) + inner + text.slice(block.contentEnd);
}

/**
 * Appends a new block at the end of the file, after a blank line. Used once, the first
 * time the engine writes a block into a file that lacks it.
 */
export function appendBlock(text: string, name: string, content: string): string {
  const eol = lineEndingOf(text);
  const block = [`<!-- threadwork:begin ${name} -->`, ...content.split('\n'), `<!-- threadwork:end ${name} -->`].join(eol);
  // Keep every existing byte: only add the line breaks needed to start on a fresh line after a blank one.
  const separator = text.length === 0 ? '' : text.endsWith(`${eol}${eol}`) ? '' : text.endsWith(eol) ? eol : `${eol}${eol}`;
  return `${text}${separator}${block}${eol}`;
}

/** The current content of a block, without the line breaks next to its markers. */
export function blockContent(text: string, block: ManagedBlock): string {
  return text.slice(block.contentStart, block.contentEnd).replace(/\r\n/g, '\n').replace(/^\n/, '').replace(/\n$/, '');
}
