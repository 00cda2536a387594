import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../src/cli/commands/check.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { git } from './helpers/git.js';
import { commandJsonAsCli } from './helpers/in-process.js';

interface Answer {
  diagnostics: { path: string; rule: string }[];
  threads?: number;
  written?: string[];
}

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The command's own function, with git configured as the CLI runs in tests. */
const inProcess = (command: () => Promise<{ json: unknown; exitCode: 0 | 1 }>): ReturnType<typeof commandJsonAsCli<Answer>> => commandJsonAsCli<Answer>(command);

describe('a thread folder left holding only what the engine never reads', () => {
  it('is no thread: check and sync report no missing meta.json', async () => {
    // A thread deleted through git: Finder's .DS_Store keeps its folder on disk, and an
    // editor's swap and backup files keep another.
    const dir = exampleWorkspaceCopy();
    const threadsBefore = (await inProcess(() => checkCommand({}, { dir, json: true }))).json.threads!;
    git(dir, 'rm', '-rq', 'threads/sales/fernway-home');
    git(dir, 'commit', '-qm', 'fernway-home dropped');
    mkdirSync(join(dir, 'threads/sales/fernway-home'));
    writeFileSync(join(dir, 'threads/sales/fernway-home/.DS_Store'), '\0\0\0\x01Bud1');
    mkdirSync(join(dir, 'threads/marketing/draft-post'), { recursive: true });
    writeFileSync(join(dir, 'threads/marketing/draft-post/1-input.md~'), '---\nsource: inbound\n---\n');
    writeFileSync(join(dir, 'threads/marketing/draft-post/.1-input.md.swp'), 'b0VIM 9.0');
    const check = await inProcess(() => checkCommand({}, { dir, json: true }));
    expect(check.json.diagnostics).toEqual([]);
    expect(check.code).toBe(0);
    // Nor is it counted: the summary's thread total is one less (fernway-home is gone), not one more (draft-post).
    expect(check.json.threads).toBe(threadsBefore - 1);
    const sync = await inProcess(() => syncCommand({ commit: true }, { dir, json: true }));
    expect(sync.json.diagnostics).toEqual([]);
    expect(sync.code).toBe(0);
  });

  it('still reports a folder holding a file of the person’s own but no meta.json', async () => {
    const dir = exampleWorkspaceCopy();
    mkdirSync(join(dir, 'threads/sales/acme'));
    writeFileSync(join(dir, 'threads/sales/acme/notes.md'), 'call notes\n');
    const check = await inProcess(() => checkCommand({}, { dir, json: true }));
    expect(check.json.diagnostics.map((d) => `${d.path} ${d.rule}`)).toContain('threads/sales/acme/meta.json thread-meta-missing');
  });

  it('still reports a campaign whose meta.json is gone while its drafts stay, in a folder below it', async () => {
    const dir = exampleWorkspaceCopy();
    mkdirSync(join(dir, 'threads/sales/campaigns/2026-12-01-spring-push/drafts'), { recursive: true });
    writeFileSync(join(dir, 'threads/sales/campaigns/2026-12-01-spring-push/drafts/ada-example-com-touch-1.md'), '---\nstatus: draft\n---\nHello\n');
    const check = await inProcess(() => checkCommand({}, { dir, json: true }));
    expect(check.json.diagnostics.map((d) => `${d.path} ${d.rule}`)).toContain('threads/sales/campaigns/2026-12-01-spring-push/meta.json thread-meta-missing');
  });
});
