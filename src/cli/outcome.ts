/** What a command hands back to the one place that prints and exits. */
export interface CommandOutcome {
  /** The single JSON document printed with --json; undefined for commands that stream JSON lines (watch). */
  json: unknown;
  /** What a person sees without --json. */
  text: string;
  exitCode: 0 | 1;
}

export interface GlobalOptions {
  dir: string;
  json: boolean;
}
