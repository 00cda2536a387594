import { appendFileSync, cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testdir } from './testdir.js';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));

/** threadwork installed in a folder of its own: its CLI, its build, its templates (a path of its own is an engine of its own). */
export function installedCopy(): string {
  const at = testdir();
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(PACKAGE, part), join(at, part), { recursive: true });
  symlinkSync(join(PACKAGE, 'node_modules'), join(at, 'node_modules'));
  return at;
}

/** What an upgrade does to an installed engine: one of its files replaced. */
export function upgrade(installed: string): void {
  appendFileSync(join(installed, 'dist', 'bundle', 'main.js'), '\n// upgraded\n');
}
