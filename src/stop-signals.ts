import { constants } from 'node:os';

/**
 * Signals that stop a long-running process (watch, mcp) once the work under way is done.
 * The first calls `stop`. A second is how people say "hurry up", not "cut the commit in
 * half": it calls `again` (say it was heard) and the work still finishes. A third exits at
 * once, for work that will not finish (a git hung on a signing prompt), its write left for
 * the next sync to finish (the transaction's journal, engine/transaction.ts); the status is
 * 128 plus the signal's number, as a shell reports a process a signal ended.
 */
export function onStopSignals(signals: readonly NodeJS.Signals[], stop: (signal: NodeJS.Signals) => void, again: (signal: NodeJS.Signals) => void): void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    received += 1;
    if (received === 1) stop(signal);
    else if (received === 2) again(signal);
    else process.exit(128 + constants.signals[signal]);
  };
  for (const signal of signals) process.on(signal, onSignal);
}
