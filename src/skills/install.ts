import { writeChange, type WriteProposal } from '../engine/changes.js';
import type { SyncResult } from '../engine/transaction.js';
import type { CommitOutcome } from '../git/commit.js';
import { MCP_TOOLS } from '../mcp-tool-catalog.js';
import { guardWrites, type GuardedFile } from '../strategy/guard.js';
import { renderTemplate, resolveTemplate, workspaceTemplatesDir } from '../templates/render.js';
import { segmentsOf, type WorkspaceModel } from '../workspace/model.js';
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
  /** The sync the write ran (what it moved, carried and held); null with `sync: false`. */
  sync: SyncResult | null;
  commit: CommitOutcome | null;
}

/**
 * Writes the skill files from templates (overridable like every template, under
 * `.threadwork/templates/skills/<name>/SKILL.md.hbs`), filled with the workspace's
 * company and with field tables built from the stage schemas. Guarded like
 * generated strategy files: a skill edited by hand is kept unless `force`; a second run
 * writes nothing.
 */
export function proposeSkills(model: WorkspaceModel, options: { force?: boolean } = {}): WriteProposal<Omit<SkillsResult, 'written' | 'sync' | 'commit'>> {
  const context = {
    company: model.config.company ?? 'the company',
    // No segment list: baked in at install it went stale ("none yet" for good after
    // `init --skills`); the skills point at 04-segments.md instead. An override may still
    // list them (`{{#each segments}}`), rendered when `skills install` runs.
    segments: segmentsOf(model).map((s) => ({ id: s.id, name: s.name ?? s.id })),
    tools: Object.keys(MCP_TOOLS),
    ...stageFieldTables(),
  };
  const templatesDir = workspaceTemplatesDir(model.root, model.config.templates_dir);
  const outputs = SKILLS.map((name) => ({ path: `${SKILLS_DIR}/${name}/SKILL.md`, content: renderTemplate(resolveTemplate(`skills/${name}/SKILL.md`, templatesDir), context) }));
  const plan = guardWrites(outputs, (path) => model.text(path), { force: options.force === true });
  return {
    result: { files: plan.files },
    changes: plan.writes.map((w) => writeChange(w.path, w.after)),
    summary: 'install agent skills',
    details: plan.files.map((f) => `${f.path}: ${f.action}`),
  };
}
