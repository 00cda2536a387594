import { resolve } from 'node:path';
import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import type { MigrationResult } from '../../threads/migrate.js';
import { committedLine, type CommandOutcome, type GlobalOptions } from '../outcome.js';
import { plural } from './check.js';

export async function migrateCommand(paths: readonly string[], flags: { dryRun?: boolean; commit: boolean }, options: GlobalOptions): Promise<CommandOutcome> {
  const workspace = await openWorkspace(options.dir);
  // Paths are relative to the current folder, as a shell completes them (to the workspace folder with --dir).
  const result = await workspace.migrate(paths.map((p) => resolve(options.dir, p)), { dryRun: flags.dryRun === true, commit: flags.commit });
  const { sync, commit, ...migration } = result;
  // A file named that could not be migrated (not a stage file, in error…) is a failure an agent must see, as check's errors are.
  const exitCode = migration.skipped.some((s) => s.blocked) ? 1 : 0;
  return { json: { root: workspace.root, ...migration, commit, sync }, text: [...describeMigration(migration), ...committedLine(commit, migration.dryRun ? undefined : { sync, own: migration.files.map((f) => f.path) })].join('\n'), exitCode };
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
  for (const s of result.skipped) lines.push(`${pc.dim('skipped')} ${s.path}: ${s.reason}`);
  const verb = result.dryRun ? 'would write' : 'wrote';
  const left = result.unmapped ? `; ${plural(result.unmapped, 'line')} not mapped, kept in the prose only` : '';
  if (result.files.length === 0) lines.push(result.skipped.length ? pc.yellow('nothing migrated: the files named are skipped (see why above)') : pc.green('✓ nothing to migrate: every stage file has front matter'));
  else lines.push(`${result.dryRun ? pc.yellow('dry run:') : pc.green('✓')} ${verb} front matter to ${plural(result.files.length, 'stage file')}, the prose unchanged${left}`);
  return lines;
}
