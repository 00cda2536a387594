import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { onFirstUse } from '../load-on-first-use.js';
import { ThreadworkError } from '../errors.js';
import { isInsideFolder } from '../schema/config.js';

/** The built-in templates shipped with the package (`templates/` at the package root). */
export const BUILTIN_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateSource {
  /** Logical name, e.g. `threads/sales-deal/1-input.md`. */
  name: string;
  /** Absolute path of the file used: a workspace override or the built-in one. */
  file: string;
  overridden: boolean;
}

/**
 * The workspace's templates folder (config `templates_dir`) as an absolute path, or
 * undefined when it may not be read: outside the workspace (the config says so at its
 * line, `check`) or reached through a symbolic link, which the workspace never follows
 * (src/workspace/contain.ts; walked here, as the base layer does not import it). The
 * built-in templates are used then.
 */
export function workspaceTemplatesDir(root: string, configured: string): string | undefined {
  if (!isInsideFolder(configured)) return undefined;
  let folder = root;
  for (const part of posix.normalize(configured.replace(/\\/g, '/')).split('/').filter((p) => p && p !== '.')) {
    folder = join(folder, part);
    if (isSymlink(folder)) return undefined;
  }
  return folder;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Finds a template: a same-named `.hbs` file under the workspace's templates folder
 * (config `templates_dir`, default `.threadwork/templates`) wins over the built-in one.
 */
export function resolveTemplate(name: string, workspaceTemplatesDir: string | undefined): TemplateSource {
  if (workspaceTemplatesDir) {
    const file = join(workspaceTemplatesDir, `${name}.hbs`);
    if (existsSync(file)) return { name, file, overridden: true };
  }
  const file = join(BUILTIN_TEMPLATES_DIR, `${name}.hbs`);
  if (!existsSync(file)) throw new ThreadworkError(`Missing template ${name}.hbs: expected it in ${BUILTIN_TEMPLATES_DIR}`, 'template-missing');
  return { name, file, overridden: false };
}

/** A template's text, as renderTemplate takes it (`read`). */
export function templateText(source: TemplateSource): string {
  return readFileSync(source.file, 'utf8');
}

/** Whether the workspace's templates folder holds any override under `folder` (e.g. `strategy`). */
export function hasOverridesIn(workspaceTemplatesDir: string | undefined, folder: string): boolean {
  return workspaceTemplatesDir !== undefined && existsSync(join(workspaceTemplatesDir, folder));
}

/**
 * How every template is compiled: `strict` (an unknown variable is an error, never a silent
 * empty string) and `noEscape` (Markdown, not HTML). scripts/precompile-templates.js
 * precompiles the built-in ones with the same options.
 */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** Where the build writes the built-in templates precompiled (`npm run build`). */
export const PRECOMPILED_TEMPLATES = fileURLToPath(new URL('../../dist/templates/precompiled.cjs', import.meta.url));

/** A built-in template as the build precompiled it, with the hash of the text it was made from. */
export interface PrecompiledTemplate {
  sha1: string;
  spec: Parameters<typeof Handlebars.template>[0];
}

const handlebarsPackage = onFirstUse<typeof Handlebars>('handlebars');
const handlebarsRuntime = onFirstUse<typeof Handlebars>('handlebars/runtime');
const precompiledTemplates = onFirstUse<Record<string, PrecompiledTemplate>>(PRECOMPILED_TEMPLATES);
let compiler: typeof Handlebars | undefined;
let runtime: typeof Handlebars | undefined;

/**
 * The engine's Handlebars, made when a template is first compiled: importing it cost every
 * command 37 ms, and most (check, a sync that opens no thread) render none. Only a
 * workspace's own templates (or a built-in one edited since the build) are compiled here.
 */
function handlebars(): typeof Handlebars {
  return (compiler ??= withHelpers(handlebarsPackage().create()));
}

/**
 * The runtime alone, for the built-in templates the build precompiled: compiling the
 * templates a `deal new` renders cost it 0.11 s of its 0.75 s (the parser and the code
 * generator), on every write command of every fresh process.
 */
function handlebarsWithoutCompiler(): typeof Handlebars {
  return (runtime ??= withHelpers(handlebarsRuntime().create()));
}

function withHelpers(instance: typeof Handlebars): typeof Handlebars {
  /**
   * A YAML-safe value: strings are JSON-quoted (valid YAML), absent values become `null`,
   * lists and maps are written as JSON (a YAML flow collection: `["NetSuite", "Stripe"]`).
   */
  instance.registerHelper('yaml', (value: unknown) => {
    if (value === undefined || value === null) return 'null';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value === 'object') return JSON.stringify(value);
    return JSON.stringify(typeof value === 'string' ? value : String(value));
  });
  return instance;
}

/**
 * The built-in template as the build precompiled it, when the file still holds the text it
 * was made from (a template edited without a rebuild is compiled from its text, as an
 * override is); undefined without a build (the precompiled file absent or unreadable).
 */
function precompiled(source: TemplateSource, text: string): Handlebars.TemplateDelegate | undefined {
  if (source.overridden) return undefined;
  let entry: PrecompiledTemplate | undefined;
  try {
    entry = precompiledTemplates()[source.name];
  } catch {
    return undefined;
  }
  if (entry?.sha1 !== templateHash(text)) return undefined;
  return handlebarsWithoutCompiler().template(entry.spec);
}

/** The hash a precompiled template is kept with: of the template's text. */
export function templateHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Each template file compiled, with the text it was compiled from. */
const compiled = new Map<string, { text: string; template: Handlebars.TemplateDelegate }>();

/**
 * Renders with COMPILE_OPTIONS. Errors name the template file and its line. The file is
 * read at every render (`read`: its text as the caller read it, a strategy's inputs) and
 * compiled again when its text is not the one compiled: a long-lived process (`watch`,
 * `mcp`) renders an override as it is now, not as it was when first used.
 */
export function renderTemplate(source: TemplateSource, context: Record<string, unknown>, read?: string): string {
  const key = `${source.file}\0${source.overridden}`;
  try {
    const text = read ?? templateText(source);
    let entry = compiled.get(key);
    if (entry?.text !== text) {
      entry = { text, template: precompiled(source, text) ?? handlebars().compile(text, COMPILE_OPTIONS) };
      compiled.set(key, entry);
    }
    return entry.template(context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /(\d+):(\d+)/.exec(message);
    const where = at ? `${source.file}:${at[1]}:${Number(at[2]) + 1}` : source.file;
    throw new ThreadworkError(`Template ${where}: ${inPlainWords(message.split('\n')[0]!, context)}`, 'template-error', { template: source.file });
  }
}

/**
 * Handlebars' strict mode says a name the context lacks as `"x" not defined in [object
 * Object] - 4:2`: the object printed as such and a second place. Said as what to write —
 * the names the template is given — the place already in the message's `file:line:column`.
 */
function inPlainWords(message: string, context: Record<string, unknown>): string {
  const missing = /^"([^"]+)" not defined in .* - \d+:\d+$/.exec(message);
  if (!missing) return message;
  const names = Object.keys(context).sort();
  // A field named only where the context has a map to name one of: `segment.name` in a strategy template, none in a stage's.
  const isMap = (name: string): boolean => {
    const v = context[name];
    return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0;
  };
  const map = isMap('segment') ? 'segment' : names.find(isMap);
  const field = map === undefined ? '' : ` (or a field of one, such as ${map}.${Object.keys(context[map] as object).includes('name') ? 'name' : Object.keys(context[map] as object)[0]})`;
  return `\`{{${missing[1]}}}\` names no value this template is given: expected one of ${names.join(', ')}${field}`;
}
