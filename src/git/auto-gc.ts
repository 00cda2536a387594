import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gitEnvironment } from './git.js';
import { objectStoreOf } from './loose-object.js';

// Loose objects packed the way git's own commands see to it. `git commit` runs
// `git gc --auto` after each commit; the engine's commits are plumbing (`commit-tree`,
// `update-ref`, objects written in this process) and run none, so a workspace committed
// only by a watcher kept every loose object — at 10,000 deals each commit adds the 400 KB
// tree of `threads/sales` — until a person's own git command packed them.
//
// After each commit, git's own cheap test is made here (builtin/gc.c,
// `too_many_loose_objects`: more than `gc.auto` / 256 loose objects in the sample folder
// `objects/17`; one listing of a few dozen names), and only when it passes is
// `git gc --auto` started, in the background: git then weighs its own settings again
// (`gc.auto`, `gc.autoPackLimit`, `gc.autoDetach`, a gc already running) and packs while
// the engine goes on. `gc.auto = 0` turns it off, as it does for git.

/** git's own `gc.auto` when none is set. */
export const GC_AUTO_DEFAULT = 6700;

/** git's sample of its loose objects: more in `objects/17` than `gcAuto` / 256 (rounded up). */
export function tooManyLooseObjects(gitDir: string, gcAuto: number, hashLength: number): boolean {
  if (!(gcAuto > 0)) return false;
  const limit = Math.floor((gcAuto + 255) / 256);
  let names: string[];
  try {
    names = readdirSync(join(objectStoreOf(gitDir), '17'));
  } catch {
    return false; // no such folder yet: no loose object there
  }
  // An object's file: the rest of its id in hex (a temporary file of a writer is not one).
  const length = hashLength * 2 - 2;
  let count = 0;
  for (const name of names) if (name.length === length && /^[0-9a-f]+$/.test(name) && ++count > limit) return true;
  return false;
}

/**
 * When this process last started a gc, by git directory: one at a time is enough. git's gc
 * packs in the background (`gc.autoDetach`) while the sample folder still looks full, and a
 * watcher commits at every save: each commit in that while would start a git that finds a
 * gc running and exits.
 */
const started = new Map<string, number>();
const RESTART_AFTER_MS = 60_000;

/** Starts `git gc --auto` in the background when git's test says it is due; whether it started one. Never throws. */
export function collectGarbageIfDue(top: string, gitDir: string, gcAuto: number, hashLength: number): boolean {
  try {
    const last = started.get(gitDir);
    if (last !== undefined && Date.now() - last < RESTART_AFTER_MS) return false;
    if (!tooManyLooseObjects(gitDir, gcAuto, hashLength)) return false;
    started.set(gitDir, Date.now());
    const child = spawn('git', ['gc', '--auto', '--quiet'], { cwd: top, env: gitEnvironment({}), stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

/** `gc.auto` as git reads an integer setting (`6700`, `1k`); undefined when unset or unreadable, and git's default applies. */
export function parseGcAuto(value: string | undefined): number | undefined {
  const match = /^\s*(-?\d+)\s*([kmg]?)\s*$/i.exec(value ?? '');
  if (!match) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}
