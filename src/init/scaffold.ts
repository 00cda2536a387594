import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { addDays, today } from '../clock.js';
import { initRepository, isInsideRepository } from '../git/repo.js';
import { BUILTIN_TEMPLATES_DIR, renderTemplate } from '../templates/render.js';
import { LAYOUT } from '../workspace/layout.js';
import { createFileExclusive } from '../workspace/write.js';

export interface InitOptions {
  company?: string;
  git?: boolean;
}

export interface InitResult {
  root: string;
  created: string[];
  /** Files that already existed and were left exactly as they were. */
  kept: string[];
  gitInitialized: boolean;
}

const INIT_DIR = join(BUILTIN_TEMPLATES_DIR, 'init');
/** Folders of the layout that start empty; a `.gitkeep` lets git carry them. */
const EMPTY_FOLDERS = [LAYOUT.deals, LAYOUT.campaigns, LAYOUT.marketing, LAYOUT.icp, LAYOUT.artifacts];

/**
 * Scaffolds a workspace: config, the 16 canvas sections with guidance, an example
 * goal. Never overwrites: an existing file is kept and listed, so `init` is safe to
 * run in a folder that already has some of the files.
 */
export async function initWorkspace(root: string, options: InitOptions = {}): Promise<InitResult> {
  mkdirSync(root, { recursive: true });
  const date = today();
  const context = { company: options.company ?? 'Your company', date, deadline: addDays(date, 90) };
  const created: string[] = [];
  const kept: string[] = [];
  for (const file of listTemplates(INIT_DIR)) {
    const target = relative(INIT_DIR, file).split(sep).join('/').replace(/\.hbs$/, '');
    const text = renderTemplate({ name: `init/${target}`, file, overridden: false }, context);
    (createFileExclusive(root, target, text) ? created : kept).push(target);
  }
  for (const folder of EMPTY_FOLDERS) {
    mkdirSync(join(root, folder), { recursive: true });
    createFileExclusive(root, `${folder}/.gitkeep`, '');
  }
  let gitInitialized = false;
  if (options.git !== false && !(await isInsideRepository(root))) {
    await initRepository(root);
    gitInitialized = true;
  }
  return { root, created: created.sort(), kept: kept.sort(), gitInitialized };
}

function listTemplates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTemplates(path) : name.endsWith('.hbs') ? [path] : [];
  });
}
