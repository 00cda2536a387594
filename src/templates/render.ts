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

/** Whether the workspace's templates folder holds any override under `folder` (e.g. `strategy`). */
export function hasOverridesIn(workspaceTemplatesDir: string | undefined, folder: string): boolean {
  return workspaceTemplatesDir !== undefined && existsSync(join(workspaceTemplatesDir, folder));
}

const handlebarsPackage = onFirstUse<typeof Handlebars>('handlebars');
let instance: typeof Handlebars | undefined;

/**
 * The engine's Handlebars, made when a template is first rendered: importing it cost every
 * command 37 ms, and most (check, a sync that opens no thread) render none.
 */
function handlebars(): typeof Handlebars {
  if (instance) return instance;
  instance = handlebarsPackage().create();
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

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders with `strict` (an unknown variable is an error, never a silent empty string)
 * and `noEscape` (Markdown, not HTML). Errors name the template file and its line.
 */
export function renderTemplate(source: TemplateSource, context: Record<string, unknown>): string {
  const key = `${source.file}\0${source.overridden}`;
  let template = compiled.get(key);
  try {
    if (!template) {
      template = handlebars().compile(readFileSync(source.file, 'utf8'), { noEscape: true, strict: true });
      compiled.set(key, template);
    }
    return template(context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /(\d+):(\d+)/.exec(message);
    const where = at ? `${source.file}:${at[1]}:${Number(at[2]) + 1}` : source.file;
    throw new ThreadworkError(`Template ${where}: ${message.split('\n')[0]}`, 'template-error', { template: source.file });
  }
}
