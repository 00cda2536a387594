import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { removeAtEveryFileEnd } from './file-end.js';

const made: string[] = [];
removeAtEveryFileEnd(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder holding the given files (path → content); removed after the test file. */
export function testdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'threadwork-test-'));
  made.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
}

export function read(dir: string, rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}

/** A hand edit: `from` replaced by `to` in the file, which must hold `from` (an edit that misses fails the test). */
export function replaceInFile(dir: string, rel: string, from: string, to: string): void {
  const text = read(dir, rel);
  expect(text).toContain(from);
  writeFileSync(join(dir, rel), text.replace(from, to));
}

/** Front matter + body, the way stage and canvas files are written. */
export function md(frontMatter: string, body = '\nBody.\n'): string {
  return `---\n${frontMatter.replace(/^\n/, '')}${frontMatter.endsWith('\n') ? '' : '\n'}---\n${body}`;
}
