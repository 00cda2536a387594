import { expect } from 'vitest';
import { exampleWorkspaceCopy } from './example.js';
import { git } from './git.js';
import { replaceInFile } from './testdir.js';

/** The files the conflicted workspace's two branches both edit. */
export const CONFLICTED_HYPOTHESIS = 'threads/sales/meridian-pay/2-hypothesis.md';
export const CONFLICTED_META = 'threads/sales/meridian-pay/meta.json';

/**
 * The example workspace (made by `make`) where two branches edit the same lines of a stage's
 * front matter, its body and meta.json's title; main merges the other and stops on the conflicts.
 */
export function conflictedWorkspace(make: () => string = exampleWorkspaceCopy): string {
  const dir = make();
  git(dir, 'checkout', '-q', '-b', 'other');
  replaceInFile(dir, CONFLICTED_HYPOTHESIS, 'initial_confidence: 0.55', 'initial_confidence: 0.6');
  replaceInFile(dir, CONFLICTED_HYPOTHESIS, 'Tests whether', 'We test whether');
  replaceInFile(dir, CONFLICTED_META, '"title": "Meridian Pay"', '"title": "Meridian Pay Inc"');
  git(dir, 'commit', '-q', '-am', 'other');
  git(dir, 'checkout', '-q', 'main');
  replaceInFile(dir, CONFLICTED_HYPOTHESIS, 'initial_confidence: 0.55', 'initial_confidence: 0.7');
  replaceInFile(dir, CONFLICTED_HYPOTHESIS, 'Tests whether', 'Check whether');
  replaceInFile(dir, CONFLICTED_META, '"title": "Meridian Pay"', '"title": "Meridian Payments"');
  git(dir, 'commit', '-q', '-am', 'mine');
  expect(() => git(dir, 'merge', '-q', 'other')).toThrow();
  return dir;
}
