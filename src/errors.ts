import type { ErrorCode } from './diagnostics-catalog.js';

export type { ErrorCode } from './diagnostics-catalog.js';

/**
 * An error caused by the user's input or the workspace's state, not by a bug. The CLI
 * prints its message (no stack) and exits 1; `details` carries structured data for --json.
 */
export class ThreadworkError extends Error {
  constructor(
    message: string,
    /** One of the codes in src/diagnostics-catalog.ts (docs/rules.md): a typo fails the typecheck. */
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ThreadworkError';
  }
}
