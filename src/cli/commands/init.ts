import { basename } from 'node:path';
import pc from 'picocolors';
import { initWorkspace, openWorkspace } from '../../api.js';
import { parentOfOwnCommit, type CommitOutcome } from '../../git/commit.js';
import { canvasPath, LAYOUT } from '../../workspace/layout.js';
import { carriedLines, commitWarningLines, formatColored, heldLines, notCommittedLines, pathCount, type CommandOutcome } from '../outcome.js';
import { skillsLines } from './skills.js';

export async function initCommand(dir: string, options: { company?: string; git: boolean; skills?: boolean }): Promise<CommandOutcome> {
  const result = await initWorkspace(dir, { ...(options.company !== undefined ? { company: options.company } : {}), git: options.git });
  // What init wrote itself: the files it lists as created (the .gitkeep of each empty folder among them).
  const own = result.created;
  // Skills are a write of their own: one more commit after the scaffold's first one, printed after it.
  const skills = options.skills ? await (await openWorkspace(result.root)).installSkills({ commit: options.git }) : undefined;
  const errors = (result.sync?.diagnostics ?? []).filter((d) => d.severity === 'error');
  const lines = [
    ...result.created.map((f) => `${pc.green('created')} ${f}`),
    ...result.kept.map((f) => `${pc.dim('kept   ')} ${f} ${pc.dim('(already there, left as it was)')}`),
    result.gitInitialized ? `${pc.green('git init')} ${result.root}` : '',
    // In an existing workspace the scaffold's sync moves derived files and its commit carries
    // the uncommitted edits they follow from: named before the commit line, as every write command does.
    ...(result.sync ? result.sync.written.filter((p) => !own.includes(p)).map((p) => `updated ${p} (derived)`) : []),
    ...(result.commit?.committed ? carriedLines({ sync: result.sync, own }) : []),
    result.commit?.committed ? initCommitLine(result.commit) : '',
    ...commitWarningLines(result.commit),
    // Nothing committed because git ignores the folder (a `.gitignore` above it): said, not left to be found in `git log`.
    ...(result.commit?.committed === false && result.commit.ignored ? notCommittedLines(result.commit) : []),
    // Then the skills' own commit, after the files it holds: two commits, two commit lines.
    ...(skills ? skillsLines(skills, options.git) : []),
    ...result.notes.map((note) => pc.yellow(note)),
    // In a workspace that was there, its errors: held, never committed, as every write says.
    ...errors.map(formatColored),
    ...heldLines(result.sync?.diagnostics ?? []),
    '',
    `${errors.length > 0 ? `Workspace set up in ${result.root}, with ${errors.length === 1 ? 'an error' : `${errors.length} errors`} above in files that were there: held, not committed, until fixed (\`threadwork check\` lists them).` : `Workspace ready in ${result.root}.`} ${nextStep(result.created, result.kept)}`,
  ].filter((l, i, all) => l !== '' || i === all.length - 2);
  return { json: skills ? { ...result, skills } : result, text: lines.join('\n'), exitCode: 0 };
}

/**
 * What to do next: fill in the segments of a new canvas; in a workspace whose segments
 * file was there already (init run again to restore a section), they are the person's own
 * — telling them to fill it in again read as if init had reset it.
 */
function nextStep(created: readonly string[], kept: readonly string[]): string {
  const segments = canvasPath('04-segments');
  // A goal counts only the deals linked to it: the first deal opened without --goal counted toward none.
  const scaffoldGoal = created.find((p) => p.startsWith(`${LAYOUT.goals}/`) && p.endsWith('.md'));
  const goal = scaffoldGoal ? `--goal ${basename(scaffoldGoal, '.md')}` : '--goal <goal id>';
  const dealNew = `\`threadwork deal new "Company" --segment <id> ${goal}\``;
  if (kept.includes(segments)) return `Next: \`threadwork check\` to see what the workspace lacks, or ${dealNew} with a segment of ${segments}${scaffoldGoal ? '' : ` and a goal of ${LAYOUT.goals}/`}.`;
  return `Next: fill in ${segments}, then ${dealNew}${scaffoldGoal ? ` (a goal counts only the deals linked to it)` : ` with a goal of ${LAYOUT.goals}/`}.`;
}

/**
 * The scaffold's commit: the repository's first only when it has no parent (a repository
 * init made, or one without commits yet); in a repository with history, one more commit on it.
 */
function initCommitLine(commit: Extract<CommitOutcome, { committed: true }>): string {
  const first = parentOfOwnCommit(commit.commit) === '';
  return `${pc.green('committed')} ${commit.commit.slice(0, 10)} (${first ? "the repository's first commit, " : ''}${pathCount(commit.paths)})`;
}
