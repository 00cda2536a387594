import { isAbsolute, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { pathRefused } from '../../workspace/contain.js';
import type { MigrationResult } from '../../threads/migrate.js';
import { committedLine, formatColored, warningLines, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { plural } from './check.js';

export async function migrateCommand(paths: readonly string[], flags: { dryRun?: boolean; commit: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  const result = await workspace.migrate(
    paths.map((typed) => inWorkspace(typed, options.dir, workspace.root)),
    { dryRun: flags.dryRun === true, commit: flags.commit },
  );
  const { sync, commit, ...migration } = result;
  // A file named that could not be migrated (not a stage file, not UTF-8…) is a failure an agent must see, as check's errors are;
  // so is a run that migrated nothing because every file it would have written is in error — it did nothing that was asked.
  const exitCode = migration.skipped.some((s) => s.blocked) || nothingForErrors(migration) ? 1 : 0;
  return { json: { root: workspace.root, ...migration, commit, sync }, text: [...describeMigration(migration), ...warningLines(migration.warnings), ...(migration.dryRun || (sync === null && commit === null) ? [] : committedLine(commit, { sync, own: migration.files.map((f) => f.path) }))].join('\n'), exitCode };
}

/**
 * A path as typed is relative to the current folder, as a shell completes it (to the
 * workspace folder with --dir); it goes on relative to the workspace's top. One that lands
 * outside the workspace is refused here, named as typed: only here is it known as typed
 * (`../../notes.md` from `threads/` is not `../notes.md` from the top).
 */
function inWorkspace(typed: string, dir: string, root: string): string {
  const rel = relative(root, resolve(dir, typed));
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw pathRefused(typed, `it points outside the workspace ${root}`);
  return rel.split(sep).join('/');
}

/** No file migrated, and one skipped for errors: the run did nothing of what was asked. */
function nothingForErrors(result: MigrationResult): boolean {
  return result.files.length === 0 && result.skipped.some((s) => s.errors.length > 0);
}

export function describeMigration(result: MigrationResult): string[] {
  const lines: string[] = [];
  for (const file of result.files) {
    const fields = Object.keys(file.frontMatter);
    const shown = new Set<string>();
    const describe = (fields: Record<string, unknown>): string =>
      Object.entries(fields)
        .map(([k, v]) => (shown.has(k) ? `(part of ${k})` : (shown.add(k), `${k}: ${JSON.stringify(v)}`)))
        .join(', ');
    lines.push(`${pc.bold(file.path)}: ${fields.length ? fields.join(', ') : 'no field (empty front matter)'}`);
    for (const l of file.lines) {
      // A dry run points into the file as it is; a real run into the file as migrated.
      const at = `${file.path}:${result.dryRun ? l.bodyLine : l.line}`;
      if (l.status === 'mapped') lines.push(`  ${pc.green('✓')} ${pc.dim(at)} ${l.text.trim()} → ${describe(l.fields ?? {})}${l.note ? pc.dim(` (${l.note})`) : ''}`);
      else lines.push(`  ${pc.yellow(l.status === 'ambiguous' ? '?' : '✗')} ${pc.dim(at)} ${l.text.trim()} — ${l.status === 'ambiguous' ? 'ambiguous: ' : 'not mapped: '}${l.reason ?? ''}`);
    }
  }
  for (const s of result.skipped) {
    lines.push(`${pc.dim('skipped')} ${s.path}: ${s.reason}`);
    // Where to look, as check says it: each error at its file, line and column.
    lines.push(...s.errors.map((d) => `  ${formatColored(d)}`));
  }
  const verb = result.dryRun ? 'would write' : 'wrote';
  const left = result.unmapped ? `; ${plural(result.unmapped, 'line')} not mapped, kept in the prose only` : '';
  const refused = result.skipped.some((s) => s.blocked);
  if (refused && result.files.length > 0) lines.push(pc.yellow(`nothing ${result.dryRun ? 'would be' : 'was'} written: a file named is refused (see why above); name only the files that can be migrated`));
  else if (nothingForErrors(result)) lines.push(pc.red('nothing migrated: every file it would write is skipped for errors (listed above) — fix them, then migrate again'));
  else if (result.files.length === 0) lines.push(result.skipped.length ? pc.yellow('nothing migrated: the files named are skipped (see why above)') : pc.green('✓ nothing to migrate: every stage file has front matter'));
  else lines.push(`${result.dryRun ? pc.yellow('dry run:') : pc.green('✓')} ${verb} front matter to ${plural(result.files.length, 'stage file')}, the prose unchanged${left}`);
  return lines;
}
