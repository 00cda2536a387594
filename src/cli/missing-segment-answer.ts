import { ThreadworkError } from '../errors.js';
import { loadWorkspace } from '../workspace/load.js';
import { findWorkspaceRoot } from '../workspace/find-root.js';
import { canvasPath } from '../workspace/layout.js';
import { segmentsOf } from '../workspace/model.js';
import { howToRun } from './how-to-run.js';
import { shellWord } from './shell-word.js';
import { SEGMENT_FLAG, type MissingSegment } from './missing-segment.js';

/** At most this many rerun commands are printed, one per segment; the rest are named. */
const COMMANDS_SHOWN = 8;

/**
 * `deal new Acme` without `--segment` printed commander's usage text: 25 lines of options, and
 * no word of which segments there are. The refusal names the segments of
 * strategy/canvas/04-segments.md, as the command reads them (`known` in the --json error),
 * and the command line given with each one added, to copy and run again.
 */
export async function missingSegmentError(missing: MissingSegment, dir: string, argv: readonly string[]): Promise<ThreadworkError> {
  // Outside a workspace there is no segment to name nor a 04-segments.md to add one to: the
  // answer is every command's there (what was looked for, where, `threadwork init`), not "no segment yet".
  let root: string;
  try {
    root = findWorkspaceRoot(dir);
  } catch (error) {
    if (error instanceof ThreadworkError) return error;
    throw error;
  }
  const known = await segmentIds(root);
  const file = canvasPath('04-segments');
  const placeholders = missing.missingArguments.filter((name) => !name.startsWith('-')).map((name) => `<${name}>`);
  const rerun = (segment: string): string => [howToRun(), ...argv.map(shellWord), ...placeholders, SEGMENT_FLAG, segment].join(' ');
  const lines =
    known.length === 0
      ? [`this workspace defines no segment yet: add one to ${file} (an item of \`segments:\` with its \`id\`), then run`, `  ${rerun('<segment-id>')}`]
      : [
          `it takes one of the segments of ${file}: ${known.join(', ')}. Run again with the one meant:`,
          ...known.slice(0, COMMANDS_SHOWN).map((id) => `  ${rerun(id)}`),
          ...(known.length > COMMANDS_SHOWN ? [`  (or any of the ${known.length - COMMANDS_SHOWN} more above)`] : []),
        ];
  return new ThreadworkError(`${missing.message}: \`${missing.command}\` needs a segment — ${lines.join('\n')}`, 'invalid-arguments', {
    commander: 'commander.missingMandatoryOptionValue',
    missingArguments: [...missing.missingArguments],
    known,
  });
}

/** The segment ids of the workspace at `root`, as every command reads them (broken files at their last valid version). */
async function segmentIds(root: string): Promise<string[]> {
  return segmentsOf(await loadWorkspace(root, { includeThread: () => false })).map((s) => s.id);
}
