import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES_DIR, PRECOMPILED_TEMPLATES, renderTemplate, templateHash, type PrecompiledTemplate } from '../src/templates/render.js';
import { runJson } from './helpers/cli.js';
import { exampleWorkspaceCopy } from './helpers/example.js';
import { read, testdir, writeFiles } from './helpers/testdir.js';

/**
 * The build precompiles the built-in templates (scripts/precompile-templates.js): a write
 * command renders them on the Handlebars runtime, without the parser and code generator that
 * cost every `deal new` 0.11 s. A workspace's own template is still compiled from its text.
 */
const PRELOAD = new URL('./helpers/require-log/preload.mjs', import.meta.url).pathname;
const COMPILER = join('node_modules', 'handlebars', 'dist', 'cjs', 'handlebars', 'compiler', 'compiler.js');
const RUNTIME = join('node_modules', 'handlebars', 'dist', 'cjs', 'handlebars.runtime.js');

/** Runs the real CLI and returns its JSON with the CommonJS modules it loaded. */
async function cliRequiring(args: string[], cwd: string): Promise<{ json: Record<string, unknown>; required: string[] }> {
  const log = join(testdir(), 'required.log');
  const { json } = await runJson(args, { cwd, env: { NODE_OPTIONS: `--import ${PRELOAD}`, THREADWORK_REQUIRE_LOG: log } });
  return { json, required: readFileSync(log, 'utf8').split('\n') };
}
const loads = (required: string[], module: string): boolean => required.some((path) => path.endsWith(module));

describe('built-in templates, precompiled by the build', () => {
  it('a deal opened renders its stage file without compiling a template', async () => {
    const dir = exampleWorkspaceCopy();
    const { json, required } = await cliRequiring(['deal', 'new', 'Fjord Payments', '-s', 'mid-market-fintech', '--json'], dir);
    expect(json).toMatchObject({ ok: true });
    expect(read(dir, 'threads/sales/fjord-payments/1-input.md')).toContain('name: "Fjord Payments"');
    expect(loads(required, RUNTIME)).toBe(true);
    expect(loads(required, COMPILER)).toBe(false);
  });

  it("a workspace's own template is compiled from its text and wins; the same text renders the same bytes", async () => {
    const builtin = readFileSync(join(BUILTIN_TEMPLATES_DIR, 'threads/sales-deal/1-input.md.hbs'), 'utf8');
    const own = builtin.replace('---\n', '---\n# Our own intake form\n');
    expect(own).not.toBe(builtin);
    const open = ['deal', 'new', 'Fjord Payments', '-s', 'mid-market-fintech', '--date', '2026-11-02', '--json'];
    const precompiledDir = exampleWorkspaceCopy();
    const compiledDir = exampleWorkspaceCopy();
    writeFiles(compiledDir, { '.threadwork/templates/threads/sales-deal/1-input.md.hbs': own });
    const [precompiled, compiled] = await Promise.all([cliRequiring(open, precompiledDir), cliRequiring(open, compiledDir)]);
    expect(precompiled.json).toMatchObject({ ok: true });
    expect(compiled.json).toMatchObject({ ok: true });
    expect(loads(compiled.required, COMPILER)).toBe(true);
    const file = 'threads/sales/fjord-payments/1-input.md';
    expect(read(compiledDir, file)).toBe(read(precompiledDir, file).replace('---\n', '---\n# Our own intake form\n'));
  });

  it("renders a workspace's own template as it is now: edited while a process runs, compiled again", () => {
    const dir = testdir({ 'own.md.hbs': 'Hello {{name}}\n' });
    const source = { name: 'own.md', file: join(dir, 'own.md.hbs'), overridden: true };
    expect(renderTemplate(source, { name: 'Ada' })).toBe('Hello Ada\n');
    writeFileSync(source.file, 'Goodbye {{name}}\n');
    expect(renderTemplate(source, { name: 'Ada' })).toBe('Goodbye Ada\n');
    // The text a caller read (a strategy's inputs) is the one rendered.
    expect(renderTemplate(source, { name: 'Ada' }, 'Hi {{name}}\n')).toBe('Hi Ada\n');
  });

  it('holds every built-in template, each made from the text the template holds now', () => {
    const require = createRequire(import.meta.url);
    const stored = require(PRECOMPILED_TEMPLATES) as Record<string, PrecompiledTemplate>;
    const names = Object.keys(stored);
    expect(names).toContain('threads/sales-deal/1-input.md');
    expect(names).toContain('init/threadwork.config.yaml');
    for (const name of names) {
      const text = readFileSync(join(BUILTIN_TEMPLATES_DIR, `${name}.hbs`), 'utf8');
      expect(stored[name]!.sha1, `${name} changed since the build: npm run build`).toBe(templateHash(text));
    }
  });
});
