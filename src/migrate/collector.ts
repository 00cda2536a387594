import type { ProseLine } from './lines.js';

/** What became of one line of the prose. */
export interface LineReport {
  /** 1-based line in the file as it is now (without front matter). */
  line: number;
  /** The line as written. */
  text: string;
  /** `mapped`: its value is in the front matter; `unmapped`: no field takes it; `ambiguous`: it could mean more than one thing. */
  status: 'mapped' | 'unmapped' | 'ambiguous';
  /** For a mapped line: each field it filled and the value written there. */
  fields?: Record<string, unknown>;
  /** For an unmapped or ambiguous line: why. */
  reason?: string;
  /** For a mapped line: what was assumed or left in the prose. */
  note?: string;
}

export type Labelled = Extract<ProseLine, { kind: 'labelled' }>;
export type Source = Pick<ProseLine, 'line' | 'text'>;

/** A value bound for the front matter and the lines it came from. */
export interface Slot {
  value: unknown;
  lines: Source[];
  note?: string | undefined;
}

/**
 * Collects values for the front matter as the lines are read: scalar fields by data
 * path (`contact.name`), list fields by key (`tests`, `validations`). Two lines giving
 * one scalar different values make it ambiguous: neither is written.
 */
export class Collector {
  readonly scalars = new Map<string, Slot>();
  readonly lists = new Map<string, Slot[]>();
  private readonly conflicted = new Map<string, Source[]>();
  private readonly reports = new Map<number, LineReport>();

  /**
   * While true, values come from prose under a heading that names a field (`## Source`,
   * then a paragraph): they fill a field no labelled line gave, and are silently left out
   * otherwise, as prose.
   */
  weak = false;

  set(path: string, value: unknown, source: Source, note?: string): void {
    if (this.weak && (this.scalars.has(path) || this.conflicted.has(path))) return;
    const conflict = this.conflicted.get(path);
    if (conflict) {
      conflict.push(source);
      return;
    }
    const existing = this.scalars.get(path);
    if (!existing) {
      this.scalars.set(path, { value, lines: [source], note });
      return;
    }
    if (JSON.stringify(existing.value) === JSON.stringify(value)) {
      existing.lines.push(source);
      return;
    }
    this.scalars.delete(path);
    this.conflicted.set(path, [...existing.lines, source]);
  }

  push(key: string, value: unknown, sources: Source[], note?: string): Slot {
    const slot: Slot = { value, lines: sources, note };
    const list = this.lists.get(key) ?? [];
    list.push(slot);
    this.lists.set(key, list);
    return slot;
  }

  get(path: string): unknown {
    return this.scalars.get(path)?.value;
  }

  unmapped(source: Source, reason: string, status: 'unmapped' | 'ambiguous' = 'unmapped'): void {
    if (this.weak) return;
    // A line already reported as a problem keeps its first reason; a mapped line found wrong later is demoted.
    const existing = this.reports.get(source.line);
    if (existing && existing.status !== 'mapped') return;
    this.reports.set(source.line, { line: source.line, text: source.text, status, reason });
  }

  /** Builds the front matter from what was collected and reports each line that gave a value. */
  build(): { data: Record<string, unknown>; origins: Map<string, Slot> } {
    const data: Record<string, unknown> = {};
    const origins = new Map<string, Slot>();
    for (const [path, slot] of this.scalars) {
      setPath(data, path.split('.'), slot.value);
      origins.set(path, slot);
    }
    for (const [key, slots] of this.lists) {
      if (slots.length === 0) continue;
      setPath(data, key.split('.'), slots.map((s) => s.value));
      slots.forEach((slot, i) => origins.set(`${key}[${i}]`, slot));
    }
    return { data, origins };
  }

  /** Every line reported: mapped ones with the fields they filled, the rest with why not. */
  finish(origins: Map<string, Slot>): LineReport[] {
    for (const [path, sources] of this.conflicted) {
      for (const source of sources) this.unmapped(source, `\`${path}\` is given different values on lines ${sources.map((s) => s.line).join(', ')}: which one holds? None was written`, 'ambiguous');
    }
    for (const [path, slot] of origins) {
      for (const source of slot.lines) {
        const existing = this.reports.get(source.line);
        if (existing && existing.status !== 'mapped') continue;
        const report = existing ?? { line: source.line, text: source.text, status: 'mapped' as const, fields: {} };
        report.fields = { ...report.fields, [path]: slot.value };
        if (slot.note) report.note = report.note && !report.note.includes(slot.note) ? `${report.note}; ${slot.note}` : slot.note;
        this.reports.set(source.line, report);
      }
    }
    return [...this.reports.values()].sort((a, b) => a.line - b.line);
  }

  /** Removes a value that failed the schema; its lines are reported with the schema's reason. */
  drop(path: string, reason: string): void {
    const list = /^(.*)\[(\d+)\]$/.exec(path);
    const slot = list ? this.lists.get(list[1]!)?.[Number(list[2])] : this.scalars.get(path);
    if (!slot) return;
    if (list) this.lists.set(list[1]!, this.lists.get(list[1]!)!.filter((s) => s !== slot));
    else this.scalars.delete(path);
    for (const source of slot.lines) this.unmapped(source, reason);
  }
}

function setPath(data: Record<string, unknown>, path: string[], value: unknown): void {
  let node = data;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
