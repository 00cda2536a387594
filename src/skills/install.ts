import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commitPaths, type CommitOutcome } from '../git/commit.js';
import { MCP_TOOLS } from '../mcp/tool-names.js';
import { guardWrites, type GuardedFile } from '../strategy/guard.js';
import { renderTemplate, resolveTemplate } from '../templates/render.js';
import { loadWorkspace } from '../workspace/load.js';
import { segmentsOf } from '../workspace/model.js';
import { writeFileIfChanged } from '../workspace/write.js';
import { stageFieldTables } from './field-guide.js';

/** The method's skills, each a `.claude/skills/<name>/SKILL.md` an agent loads when its description fits the task. */
export const SKILLS = [
  'icp-generator',
  'sales-narrative',
  'sales-materials-generation',
  'sales-prospect-research',
  'sales-contact-finding',
  'sales-outreach-sequencing',
  'sales-qualification-support',
] as const;
export type SkillName = (typeof SKILLS)[number];

export const SKILLS_DIR = '.claude/skills';

export interface SkillsResult {
  files: GuardedFile[];
  written: string[];
  commit: CommitOutcome | null;
}

/**
 * Writes the skill files from templates (overridable like every template, under
 * `.threadwork/templates/skills/<name>/SKILL.md.hbs`), filled with the workspace's
 * company and segments and with field tables built from the stage schemas. Guarded like
 * generated strategy files: a skill edited by hand is kept unless `force`; a second run
 * writes nothing.
 */
export async function installSkills(root: string, options: { force?: boolean; commit?: boolean } = {}): Promise<SkillsResult> {
  const model = await loadWorkspace(root, { includeThread: () => false });
  const context = {
    company: model.config.company ?? 'the company',
    segments: segmentsOf(model).map((s) => ({ id: s.id, name: s.name ?? s.id })),
    tools: Object.keys(MCP_TOOLS),
    ...stageFieldTables(),
  };
  const templatesDir = join(root, model.config.templates_dir);
  const outputs = SKILLS.map((name) => ({ path: `${SKILLS_DIR}/${name}/SKILL.md`, content: renderTemplate(resolveTemplate(`skills/${name}/SKILL.md`, templatesDir), context) }));
  const plan = guardWrites(outputs, (path) => readOrUndefined(join(root, path)), { force: options.force === true });
  for (const write of plan.writes) writeFileIfChanged(root, write.path, write.after);
  const written = plan.writes.map((w) => w.path);
  const committing = options.commit !== false && model.config.git.commit && written.length > 0;
  const message = `threadwork: install agent skills\n\n${plan.files.map((f) => `${f.path}: ${f.action}`).join('\n')}`;
  const commit = committing ? await commitPaths({ cwd: root, paths: written, message, author: model.config.git.author }) : null;
  return { files: plan.files, written, commit };
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
