/*
 * Kept free of imports: the command line parser (threadwork-command.ts), loaded by every run,
 * throws it; the answer, which reads the workspace, is loaded only then (missing-segment-answer.ts).
 */

/** The option `deal new`, `campaign new` and `score` cannot run without. */
export const SEGMENT_FLAG = '--segment';

/**
 * A command run without its `--segment`, caught while its command line is parsed (threadwork-command.ts):
 * what commander knew, for main.ts to answer once it has read the workspace's segments.
 */
export class MissingSegment extends Error {
  constructor(
    /** commander's own words: `required option '-s, --segment <segment>' not specified`, or every input missing. */
    message: string,
    /** `deal new`: the command as typed after `threadwork`. */
    readonly command: string,
    /** Each required input missing: arguments by name (`company`), then options by long flag (`--segment`). */
    readonly missingArguments: readonly string[],
  ) {
    super(message);
    this.name = 'MissingSegment';
  }
}

