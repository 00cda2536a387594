import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import { ThreadworkError, type ErrorCode } from '../errors.js';

/**
 * A source file a command writes on someone's behalf: data until the transaction applies
 * it. `create` never replaces an existing file (of two writers exactly one wins);
 * `write` replaces or creates.
 */
export interface SourceChange {
  kind: 'create' | 'write';
  path: string;
  content: string;
}

/** What a command proposes: its result, the source files to write, and how to name the commit. */
export interface WriteProposal<T> {
  result: T;
  changes: SourceChange[];
  /** The commit subject after `threadwork: `, e.g. `open deal threads/sales/acme`. */
  summary: string;
  /** The thread the write belongs to, for the commit's trailer. */
  thread?: string | undefined;
  /** Extra lines for the commit body (what a strategy run regenerated, …). */
  details?: string[];
  /** Extra trailers, e.g. `Threadwork-Segment: fintech`. */
  trailers?: string[];
  /** The error code a write that does not validate is refused with (default `write-invalid`). */
  invalidCode?: ErrorCode;
  /** Validate the written files against the workspace as it would be (default true). */
  validate?: boolean;
  /**
   * Source files the write builds on without rewriting them, validated with it: `advance`
   * writes the next stage file, yet the stage it leaves must be valid, cross-file rules
   * included. `refuse` words the refusal when one of them has errors.
   */
  builtOn?: { paths: readonly string[]; refuse: (errors: Diagnostic[]) => ThreadworkError };
  /**
   * Source files the written files are made from without being rewritten (a campaign's
   * `5-actions.md` for its drafts). One that differs from HEAD (and is not broken) goes into
   * the same commit as a trigger, whatever the sync derives: drafts for prospects that
   * history does not list would read as made from nothing.
   */
  madeFrom?: readonly string[];
  /**
   * true: the command has nothing to write (or refused part of what it was asked): the
   * transaction ends here — no sync, no commit. Otherwise a run that writes nothing would
   * still commit the derived changes and the person's own uncommitted edits under the
   * command's name (`migrate` with nothing to migrate).
   */
  nothingToWrite?: boolean;
}

export function createChange(path: string, content: string): SourceChange {
  return { kind: 'create', path, content };
}

export function writeChange(path: string, content: string): SourceChange {
  return { kind: 'write', path, content };
}

/** The refusal of a write whose files would hold `errors`: each listed, nothing written. */
export function writeRefused(errors: readonly Diagnostic[], code: ErrorCode, path: string | undefined): ThreadworkError {
  const where = [...new Set(errors.map((d) => d.path))].join(', ');
  return new ThreadworkError(
    `Refused to write ${where}: ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was written\n${errors.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`,
    code,
    { path, diagnostics: errors },
  );
}
