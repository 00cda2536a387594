import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';
import { read } from './helpers/testdir.js';

interface Answer {
  diagnostics: { path: string; rule: string }[];
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The command's own function, with git configured as the CLI runs in tests. */
const inProcess = (command: () => Promise<{ json: unknown; exitCode: 0 | 1 }>): ReturnType<typeof commandJsonAsCli<Answer>> => commandJsonAsCli<Answer>(command);

const rulesOf = (answer: Answer): string[] => [...new Set(answer.diagnostics.map((d) => `${d.path} ${d.rule}`))].sort();

describe('a stage file that is there but never valid', () => {
  it('is not reported missing by the stage after it, on the first sync or the second', async () => {
    // A 1-input.md indented with tabs, committed as it is: broken in HEAD too, so it has no
    // valid version to hold. Its own errors say what is wrong; 2-hypothesis.md has its predecessor.
    const dir = exampleWorkspaceCopy();
    const path = 'threads/sales/meridian-pay/1-input.md';
    writeFileSync(join(dir, path), read(dir, path).replace(/^ {2}(name|title|email|linkedin):/gm, '\t$1:'));
    git(dir, 'commit', '-qam', 'input indented with tabs');
    const expected = [`${path} derived-held`, `${path} yaml-syntax`];
    const first = await inProcess(() => syncCommand({ commit: true }, { dir, json: true }));
    expect(rulesOf(first.json)).toEqual(expected);
    const second = await inProcess(() => syncCommand({ commit: true }, { dir, json: true }));
    expect(rulesOf(second.json)).toEqual(expected);
    const check = await inProcess(() => checkCommand({}, { dir, json: true }));
    expect(rulesOf(check.json)).toEqual([`${path} yaml-syntax`]);
  });
});
