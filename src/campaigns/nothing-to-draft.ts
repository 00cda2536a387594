import { ThreadworkError } from '../errors.js';
import { Locators } from '../check/locators.js';
import type { DataPath } from '../markdown/locate.js';
import type { WorkspaceModel } from '../workspace/model.js';

/**
 * `campaign draft` on a campaign whose 5-actions.md lists no prospects, or whose sequence
 * has no touch, answered "0 drafts, 0 ready" and exit 0: a new user was told nothing of
 * why, nor what to write. Refused instead (`no-actions`, nothing written), at the value to
 * fill in, with an example of it.
 */
export function refuseNothingToDraft(model: WorkspaceModel, campaignPath: string, prospects: number, touches: number): void {
  const path = `${campaignPath}/5-actions.md`;
  const at = (dataPath: DataPath): { line: number; column: number } => new Locators((p) => model.text(p)).range(path, dataPath).start;
  const refuse = (dataPath: DataPath, why: string): never => {
    const { line, column } = at(dataPath);
    throw new ThreadworkError(`Nothing to draft: ${path}:${line}:${column} ${why}; nothing was written`, 'no-actions', { path, line, column });
  };
  if (prospects === 0) refuse(['prospects'], 'lists no prospects: add each under `prospects:`, e.g. `- {name: Ada Lovelace, email: ada@example.com, company: Example Co}`');
  if (touches === 0) refuse(['sequence'], 'has a sequence with no touch: name a preset (`preset: five-touch-cold` or `follow-up`) or list `touches:`, e.g. `- {day: 0, channel: email, template: cold-1-problem}`');
}
