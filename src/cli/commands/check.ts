import pc from 'picocolors';
import { storedCheck } from '../../engine/stored-check.js';
import { findWorkspaceRoot } from '../../workspace/find-root.js';
import type { CheckResult } from '../../check/check.js';
import { askServer } from '../../serve/client.js';
import { poppedStashNote, stoppedNote } from '../../git/stopped.js';
import { gitStateFields, withGitState } from '../../engine/check-git-state.js';
import { formatColored, servedBy, type CommandOutcome, type GlobalOptions } from '../outcome.js';

export async function checkCommand(flags: { cache?: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const root = findWorkspaceRoot(options.dir);
  const cache = flags.cache !== false;
  // A process keeping the workspace warm (the MCP server) answers first, when one runs; `--no-cache` reads every file here.
  const served = cache ? await askServer(root, { op: 'check' }) : undefined;
  const checked = (served?.value as CheckResult | undefined) ?? (await checkHere(root, cache));
  const withGit = await withGitState(root, checked);
  const { result, stopped, outside, poppedStash } = withGit;
  const lines = result.diagnostics.map(formatColored);
  const counts = `${plural(result.files, 'file')}, ${plural(result.threads, 'thread')}`;
  const summary = result.diagnostics.length === 0
    ? pc.green(`✓ ${counts}: no problems`)
    : (result.ok ? pc.yellow : pc.red)(`${result.ok ? '⚠' : '✖'} ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')} in ${counts}`);
  const note = stopped ? [`${pc.yellow('note:')} ${stoppedNote(stopped, result.diagnostics)}`] : [];
  if (poppedStash) note.push(`${pc.yellow('note:')} ${poppedStashNote(poppedStash.next)}`);
  if (outside) note.push(`${pc.yellow('note:')} ${outside.count} workspace ${outside.count === 1 ? 'file is' : 'files are'} outside git's sparse checkout: this check covers only what is checked out (\`git sparse-checkout add ${outside.include.join(' ')}\` brings ${outside.count === 1 ? 'it' : 'them'} back)`);
  return {
    json: { root, ...result, ...gitStateFields(withGit), ...servedBy(served) },
    text: [...lines, summary, ...note].join('\n'),
    exitCode: result.ok ? 0 : 1,
  };
}

async function checkHere(root: string, cache: boolean): Promise<CheckResult> {
  // A stored result needs none of the engine: it is loaded only when there is work to do.
  const stored = await storedCheck(root, cache);
  return stored.result ?? (await (await import('../../engine/run-check.js')).checkWorkspace(root, { cache }, stored));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
