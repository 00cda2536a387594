import pc from 'picocolors';
import { openWorkspace } from '../../api.js';
import { demoLog, runLifecycleDemo } from '../../demo/lifecycle.js';
import { dealCount, goalsReport, pipelineReport } from '../../report/data.js';
import { renderAssumptions, renderGoals, renderPipeline } from '../../report/render.js';
import { deriveWorkspace } from '../../derive/workspace.js';
import { workspaceCurrency } from '../../workspace/model.js';
import { howToRun } from '../how-to-run.js';
import type { CommandOutcome } from '../outcome.js';

/** `npm start`: the lifecycle on a temporary copy of the example, then the reports and the audit trail. */
export async function demoCommand(json: boolean): Promise<CommandOutcome> {
  const lines: string[] = [];
  const log = (line: string): void => {
    if (!json) process.stdout.write(`${line}\n`);
    lines.push(line);
  };
  const { dir, steps, deal } = await runLifecycleDemo(log);
  const model = await (await openWorkspace(dir)).load();
  const derived = deriveWorkspace(model);
  const history = await demoLog(dir);
  const text = [
    '',
    renderPipeline(pipelineReport(model, derived), 'terminal', workspaceCurrency(model)),
    renderGoals(goalsReport(model, derived), 'terminal', workspaceCurrency(model), dealCount(derived)),
    renderAssumptions(derived.assumptions, 'terminal'),
    '',
    pc.bold('What changed, commit by commit (git log):'),
    ...history,
    '',
    `The workspace is in ${pc.bold(dir)}: look around, run \`git log -p\` there, or \`${howToRun()} report goals --dir ${dir}\`.`,
  ].join('\n');
  return { json: { dir, deal, steps, history }, text, exitCode: 0 };
}
