import type { ThreadType } from '../schema/meta.js';
import type { StageNumber } from '../schema/stages.js';
import type { Collector, Labelled, Source } from './collector.js';
import type { ValidationResult } from './values.js';

/** What the workspace knows that a value must agree with (`check` would refuse it otherwise). */
export interface MigrationContext {
  type: ThreadType;
  stage: StageNumber;
  /** The thread's `created` date (meta.json): a cycle written in days counts from it. */
  created?: string | undefined;
  /** The workspace's currency (canvas 11-pricing), USD when it says none. */
  currency?: string | undefined;
  assumptions: ReadonlySet<string>;
  segments: readonly { id: string; name?: string | null | undefined }[];
  goals: ReadonlySet<string>;
}


/** How one label's line is read; `state` holds what a line alone cannot (the assumption or action it belongs to). */
export type Rule = ((value: string, source: Labelled, state: State) => void) & {
  /** One value to one field: the only rules a heading's paragraph may feed (`## Source`). */
  simple?: boolean;
};

export interface PendingValidation {
  assumption: string;
  result: ValidationResult;
  statement: string;
  sources: Source[];
  evidence?: { text: string; source: Source; kind: 'evidence' | 'result' };
}

/** What reading a stage file has seen so far, beyond the collected values. */
export class State {
  section = '';
  assumption: { id: string; statement: string; source: Source } | undefined;
  action: { value: Record<string, unknown>; sources: Source[] } | undefined;
  readonly validations: PendingValidation[] = [];
  readonly outcomes: { value: string; source: Source }[] = [];
  readonly leftovers: Labelled[] = [];
  /** Paragraphs under a heading that names a field (`## Source`). */
  readonly headed: Labelled[] = [];
  /** `A4: statement` lines of a learning file: each needs a verdict below it. */
  readonly assumptionLines: Labelled[] = [];
  cycle: { days: number; source: Source } | undefined;
  /** A `Day N:` line that could not be read: the sequence is written whole or not at all. */
  touchProblem = false;

  constructor(
    readonly context: MigrationContext,
    readonly c: Collector,
  ) {}

  get lastValidation(): PendingValidation | undefined {
    return this.validations[this.validations.length - 1];
  }

  has(key: string, value: unknown): boolean {
    return (this.c.lists.get(key) ?? []).some((s) => s.value === value);
  }

  addTest(id: string, source: Source, note?: string): void {
    if (!this.context.assumptions.has(id)) return this.c.unmapped(source, `${id} is not an assumption of 10-assumptions.md`);
    if (!this.has('tests', id)) this.c.push('tests', id, [source], note);
    else this.c.lists.get('tests')!.find((s) => s.value === id)!.lines.push(source);
  }

  setGoalId(id: string, source: Source): void {
    if (!this.context.goals.has(id)) return this.c.unmapped(source, `${id} is not a goal in goals/`);
    this.c.set('goal_id', id, source);
  }

  addValidation(assumption: string, result: ValidationResult, statement: string, sources: Source[]): void {
    if (!this.context.assumptions.has(assumption)) {
      for (const source of sources.slice(-1)) this.c.unmapped(source, `${assumption} is not an assumption of 10-assumptions.md`);
      return;
    }
    const twice = this.validations.find((v) => v.assumption === assumption);
    if (twice && twice.result !== result) {
      this.validations.splice(this.validations.indexOf(twice), 1);
      for (const source of [...twice.sources, ...sources]) this.c.unmapped(source, `${assumption} is given two verdicts (${twice.result}, ${result}): which holds?`, 'ambiguous');
      return;
    }
    if (twice) return void twice.sources.push(...sources);
    this.validations.push({ assumption, result, statement, sources });
  }

  addEvidence(assumption: string, text: string, source: Source, kind: 'evidence' | 'result'): void {
    const validation = [...this.validations].reverse().find((v) => v.assumption === assumption);
    if (!validation) {
      this.pendingEvidence.push({ assumption, text, source, kind });
      return;
    }
    if (!validation.evidence || (validation.evidence.kind === 'result' && kind === 'evidence')) {
      if (validation.evidence) this.c.unmapped(validation.evidence.source, `kept in the prose: the Evidence line of ${assumption} is its evidence`);
      validation.evidence = { text, source, kind };
    } else this.c.unmapped(source, `${assumption} already has its evidence (line ${validation.evidence.source.line})`);
  }

  readonly pendingEvidence: { assumption: string; text: string; source: Source; kind: 'evidence' | 'result' }[] = [];

  endAction(): void {
    if (!this.action) return;
    this.c.push('actions', this.action.value, this.action.sources);
    this.action = undefined;
  }
}
