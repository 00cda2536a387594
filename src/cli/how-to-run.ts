import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join, relative } from 'node:path';

/**
 * The command a person can type to run threadwork again, for a hint that ends a run:
 * `threadwork` when it is on their PATH (installed, or `npm link`-ed), otherwise the way this
 * process was started (`node bin/threadwork.js` after `npm start` in a clone) — a hint naming
 * a command the shell cannot find is the first thing a new user tries, and it fails.
 */
export function howToRun(env: NodeJS.ProcessEnv = process.env, script = process.argv[1]): string {
  if (onPath('threadwork', env)) return 'threadwork';
  if (!script) return 'npx threadwork';
  const fromHere = relative(process.cwd(), script);
  return `node ${fromHere.startsWith('..') || isAbsolute(fromHere) ? script : fromHere}`;
}

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  const names = process.platform === 'win32' ? [`${name}.cmd`, `${name}.exe`, name] : [name];
  return (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => names.some((file) => isExecutable(join(dir, file))));
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
