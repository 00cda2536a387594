/**
 * What a helper undoes once a test file has run (its MCP clients, its prepared workspaces,
 * its temp folders). Registered once, when the helper's module loads, and run after every
 * test file by test/setup/file-end.ts: with `isolate: false` a worker loads a helper once
 * for all the files it runs, so an `afterAll` at the helper's top level would be
 * registered for the first of them only.
 */
const stops: Array<() => void | Promise<void>> = [];
const removals: Array<() => void> = [];

/** Runs after the file's tests: processes stopped, maps emptied. */
export function atEveryFileEnd(callback: () => void | Promise<void>): void {
  stops.push(callback);
}

/** Runs after every `atEveryFileEnd` callback: nothing is left running in a folder removed. */
export function removeAtEveryFileEnd(callback: () => void): void {
  removals.push(callback);
}

export async function runFileEnd(): Promise<void> {
  for (const stop of stops) await stop();
  for (const remove of removals) remove();
}
