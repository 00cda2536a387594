import pc from 'picocolors';
import { initWorkspace, openWorkspace } from '../../api.js';
import { parentOfOwnCommit, type CommitOutcome } from '../../git/commit.js';
import { canvasPath } from '../../workspace/layout.js';
import { carriedLines, pathCount, type CommandOutcome } from '../outcome.js';
import { skillsLines } from './skills.js';

export async function initCommand(dir: string, options: { company?: string; git: boolean; skills?: boolean }): Promise<CommandOutcome> {
  const result = await initWorkspace(dir, { ...(options.company !== undefined ? { company: options.company } : {}), git: options.git });
  // What init wrote itself: the files it lists as created, and the .gitkeep of each empty folder.
  const own = [...result.created, ...(result.sync?.triggers ?? []).filter((p) => p.endsWith('.gitkeep'))];
  // Skills are a write of their own: one more commit after the scaffold's first one, printed after it.
  const skills = options.skills ? await (await openWorkspace(result.root)).installSkills({ commit: options.git }) : undefined;
  const lines = [
    ...result.created.map((f) => `${pc.green('created')} ${f}`),
    ...result.kept.map((f) => `${pc.dim('kept   ')} ${f} ${pc.dim('(already there, left as it was)')}`),
    result.gitInitialized ? `${pc.green('git init')} ${result.root}` : '',
    // In an existing workspace the scaffold's sync moves derived files and its commit carries
    // the uncommitted edits they follow from: named before the commit line, as every write command does.
    ...(result.sync ? result.sync.written.filter((p) => !own.includes(p)).map((p) => `updated ${p} (derived)`) : []),
    ...(result.commit?.committed ? carriedLines({ sync: result.sync, own }) : []),
    result.commit?.committed ? initCommitLine(result.commit) : '',
    // Then the skills' own commit, after the files it holds: two commits, two commit lines.
    ...(skills ? skillsLines(skills, options.git) : []),
    ...result.notes.map((note) => pc.yellow(note)),
    '',
    `Workspace ready in ${result.root}. ${nextStep(result.kept)}`,
  ].filter((l, i, all) => l !== '' || i === all.length - 2);
  return { json: skills ? { ...result, skills } : result, text: lines.join('\n'), exitCode: 0 };
}

/**
 * What to do next: fill in the segments of a new canvas; in a workspace whose segments
 * file was there already (init run again to restore a section), they are the person's own
 * — telling them to fill it in again read as if init had reset it.
 */
function nextStep(kept: readonly string[]): string {
  const segments = canvasPath('04-segments');
  if (kept.includes(segments)) return `Next: \`threadwork check\` to see what the workspace lacks, or \`threadwork deal new "Company" --segment <id>\` with a segment of ${segments}.`;
  return `Next: fill in ${segments}, then \`threadwork deal new "Company" --segment <id>\`.`;
}

/**
 * The scaffold's commit: the repository's first only when it has no parent (a repository
 * init made, or one without commits yet); in a repository with history, one more commit on it.
 */
function initCommitLine(commit: Extract<CommitOutcome, { committed: true }>): string {
  const first = parentOfOwnCommit(commit.commit) === '';
  return `${pc.green('committed')} ${commit.commit.slice(0, 10)} (${first ? "the repository's first commit, " : ''}${pathCount(commit.paths)})`;
}
