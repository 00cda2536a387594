/**
 * An error caused by the user's input or the workspace's state, not by a bug. The CLI
 * prints its message (no stack) and exits 1; `details` carries structured data for --json.
 */
export class ThreadworkError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ThreadworkError';
  }
}
