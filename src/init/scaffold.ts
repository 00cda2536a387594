import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { addDays, today } from '../clock.js';
import { initRepository, isInsideRepository } from '../git/repo.js';
import { BUILTIN_TEMPLATES_DIR, renderTemplate } from '../templates/render.js';
import { createChange, type SourceChange } from '../engine/changes.js';
import { runTransaction, type SyncResult } from '../engine/transaction.js';
import type { CommitOutcome } from '../git/commit.js';
import { readYaml } from '../markdown/yaml.js';
import { parseFrontMatter } from '../markdown/front-matter.js';
import { goalIdSchema } from '../schema/common.js';
import { isWorkspaceRoot } from '../workspace/find-root.js';
import { LAYOUT } from '../workspace/layout.js';
import { companyName } from '../workspace/slug.js';
import { naming } from '../workspace/write-failure.js';
import { readWorkspaceFile } from '../workspace/read-files.js';
import { makeFolders } from '../workspace/make-folders.js';
import { refuseFileOnTheWay } from '../workspace/folder-to-make.js';
import { ThreadworkError } from '../errors.js';

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
  /** The commit of every file init wrote, with what sync derived from them: the repository's first when init made the repository. */
  commit: CommitOutcome | null;
  /** The sync the write ran: in an existing workspace, the derived files it moved and the uncommitted sources its commit carried (`triggers`). */
  sync: SyncResult | null;
  /** What init did not do, and why: `--company` with a config already there (and how to set it); the example goal beside goals of the person's own. */
  notes: string[];
}

const INIT_DIR = join(BUILTIN_TEMPLATES_DIR, 'init');
/** The scaffold's example goal: a new workspace's first goal, never added beside goals of the person's own. */
const EXAMPLE_GOAL = `${LAYOUT.goals}/g-first-customers.md`;
/** Folders of the layout that start empty; a `.gitkeep` lets git carry them. */
const EMPTY_FOLDERS = [LAYOUT.deals, LAYOUT.campaigns, LAYOUT.marketing, LAYOUT.icp, LAYOUT.artifacts];

/**
 * Scaffolds a workspace: config, the 16 canvas sections with guidance, an example
 * goal, the empty folders of the layout. Never overwrites: an existing file is kept and
 * listed, so `init` is safe to run in a folder that already has some of the files. The
 * files are written by the one write transaction, which commits them — the repository's
 * first commit when init made it, one more on an existing history otherwise (with
 * `git: false`, git is left alone and nothing is committed).
 */
export async function initWorkspace(dir: string, { company: typedCompany, ...rest }: InitOptions = {}): Promise<InitResult> {
  const root = resolve(dir);
  // Judged before the folder, git or any file is touched.
  const company = typedCompany === undefined ? undefined : companyName(typedCompany);
  const options: InitOptions = { ...rest, ...(company !== undefined ? { company } : {}) };
  refuseFileOnTheWay(dir, root, 'the workspace');
  refuseInsideWorkspace(dir, root);
  refuseGoalsNotOurs(root);
  naming(dir, () => makeFolders(root));
  let gitInitialized = false;
  if (options.git !== false && !(await isInsideRepository(root))) {
    await initRepository(root);
    gitInitialized = true;
  }
  const date = today();
  const context = { company: options.company ?? 'Your company', date, deadline: addDays(date, 90) };
  const files: SourceChange[] = [];
  const left = exampleContentLeftOut(root);
  for (const file of listTemplates(INIT_DIR)) {
    const target = relative(INIT_DIR, file).split(sep).join('/').replace(/\.hbs$/, '');
    if (left.paths.includes(target)) continue;
    files.push(createChange(target, renderTemplate({ name: `init/${target}`, file, overridden: false }, context)));
  }
  // A `.gitkeep` lets git carry the folders of the layout that start empty.
  for (const folder of EMPTY_FOLDERS) files.push(createChange(`${folder}/.gitkeep`, ''));
  const done = await runTransaction(
    root,
    () => {
      const fresh = files.filter((f) => !existsSync(join(root, f.path)));
      return { result: { kept: files.filter((f) => !fresh.includes(f)).map((f) => f.path) }, changes: fresh, summary: `init workspace${options.company ? ` for ${options.company}` : ''}` };
    },
    { commit: options.git !== false },
  );
  const created = files.map((f) => f.path).filter((p) => !done.result.kept.includes(p));
  const notes = [...(company !== undefined && done.result.kept.includes(LAYOUT.config) ? [companyNotSet(root, company)] : []), ...left.notes];
  // Every file written is listed, the .gitkeep of each empty folder with the rest: the commit holds them, and a list without them did not add up to it.
  return { root, created: created.sort(), kept: done.result.kept.sort(), gitInitialized, commit: done.commit, sync: done.sync, notes };
}

/**
 * Run again in an existing workspace (to put back a deleted section), init restores the
 * workspace's files — config, canvas sections, folders, guide — but not the scaffold's
 * example goal beside goals of the person's own: committed with them, it would enter their
 * goal states and forecasts as a goal of theirs. Left out, it is said, with why.
 */
function exampleContentLeftOut(root: string): { paths: string[]; notes: string[] } {
  const paths: string[] = [];
  const notes: string[] = [];
  const goals = goalFiles(root);
  if (goals.length > 0 && !goals.includes(EXAMPLE_GOAL)) {
    paths.push(EXAMPLE_GOAL);
    notes.push(`the example goal ${EXAMPLE_GOAL} was not added: ${LAYOUT.goals}/ holds ${goals.length === 1 ? 'a goal' : `${goals.length} goals`} of yours already`);
  }
  return { paths, notes };
}

/**
 * A folder that is no workspace yet — an existing project's repository — may have a `goals/`
 * of its own: notes, OKRs, a roadmap. threadwork reads every `goals/*.md` as a goal, so the
 * scaffold's first check reported five schema errors for each of those files, and sync held
 * them. init refuses, before anything is written, naming them: they are to be moved (or the
 * workspace made in a folder of its own). A file with a goal's front matter `id:`, or named
 * as a goal (`g-….md`), is a threadwork goal (one written ahead of init) and is no reason
 * to refuse. Run in a workspace, init leaves its goals to `check`.
 */
function refuseGoalsNotOurs(root: string): void {
  if (isWorkspaceRoot(root)) return;
  const foreign = goalFiles(root).filter((path) => !isThreadworkGoal(root, path));
  if (foreign.length === 0) return;
  const listed = foreign.length > 5 ? `${foreign.slice(0, 5).join(', ')} and ${foreign.length - 5} more` : foreign.join(', ');
  throw new ThreadworkError(
    `Refused: ${LAYOUT.goals}/ already holds ${foreign.length === 1 ? 'a file that is not a threadwork goal' : `${foreign.length} files that are not threadwork goals`} (${listed}). A workspace reads every ${LAYOUT.goals}/*.md as a goal (front matter with \`id: g-…\`, a target, a deadline), so ${foreign.length === 1 ? 'it' : 'each'} would be reported as a broken goal. Move ${foreign.length === 1 ? 'it' : 'them'} out of ${LAYOUT.goals}/ (to docs/goals/, say), or make the workspace in a folder of its own (\`threadwork init gtm\`); nothing was written`,
    'goals-not-threadwork',
    { path: LAYOUT.goals, files: foreign },
  );
}

/** Whether a goals/*.md file is a threadwork goal: its front matter has an `id`, or its name is a goal id. */
function isThreadworkGoal(root: string, path: string): boolean {
  if (goalIdSchema.safeParse(path.slice(LAYOUT.goals.length + 1, -'.md'.length)).success) return true;
  let text: string;
  try {
    text = readWorkspaceFile(root, path); // never a plain read: a FIFO named like a goal would block for good
  } catch {
    return true; // not read, so not judged: the scan names it as it names any such file
  }
  const data = parseFrontMatter(text).data;
  return data !== undefined && data !== null && typeof data === 'object' && Object.hasOwn(data, 'id');
}

/** The goal files of the workspace (goals/*.md but its README), workspace-relative. */
function goalFiles(root: string): string[] {
  try {
    return readdirSync(join(root, LAYOUT.goals))
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => `${LAYOUT.goals}/${name}`);
  } catch {
    return [];
  }
}

/**
 * The company name is written into the config, which init never overwrites: in a workspace
 * that has one, `--company` sets nothing, which the person is told with the name in force.
 */
function companyNotSet(root: string, company: string): string {
  let current: unknown;
  try {
    const value = readYaml(readFileSync(join(root, LAYOUT.config), 'utf8')).value;
    current = value && typeof value === 'object' ? (value as Record<string, unknown>).company : undefined;
  } catch {
    current = undefined;
  }
  const inForce = typeof current === 'string' && current.trim() ? `company: ${current}` : 'no `company:` in it';
  return `--company ${JSON.stringify(company)} had no effect: ${LAYOUT.config} was already there and is kept as it was (${inForce}) — to change the name, edit \`company:\` in ${LAYOUT.config}`;
}

/**
 * A folder inside another workspace (`init sub` run in one) is no place for a new one: the
 * outer workspace's commands find the inner files as theirs or not at all, and the scaffold's
 * first commit went into the outer repository with every path one folder off. Refused, naming
 * the workspace it is in; run in that workspace's own folder, init restores its files as ever.
 */
function refuseInsideWorkspace(given: string, root: string): void {
  if (isWorkspaceRoot(root)) return;
  for (let path = dirname(root); ; path = dirname(path)) {
    if (isWorkspaceRoot(path)) {
      throw new ThreadworkError(
        `Refused path ${JSON.stringify(given)}: it is inside the workspace at ${path}; a workspace cannot hold another — give a folder outside it, or run \`threadwork init ${path}\` to restore that workspace's own files`,
        'path-refused',
        { path: given, workspace: path },
      );
    }
    if (dirname(path) === path) return;
  }
}

function listTemplates(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTemplates(path) : name.endsWith('.hbs') ? [path] : [];
  });
}
