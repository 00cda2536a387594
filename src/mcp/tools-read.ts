import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ThreadworkError } from '../errors.js';
import { isAssumptionOrGoal, refuseControlInSubject } from '../history/history.js';
import { parseAccounts, readAccounts } from '../accounts/read.js';
import { parseContacts, readContacts } from '../accounts/contacts.js';
import { refuseWhenNothingScored } from '../accounts/nothing-scored.js';
import type { ToolContext } from './context.js';
import { TOOL_ARGUMENTS } from './inputs.js';
import { agentFilePath, agentHistoryThread, agentThreadPath } from './paths.js';
import { toolOutputSchema } from './outputs.js';
import { answer } from './result.js';
import { MCP_TOOLS } from '../mcp-tool-catalog.js';
import { assertReportName } from '../report/build.js';
import { gitStateFields, withGitState } from '../engine/check-git-state.js';

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;

/** Tools that read the workspace and change nothing. */
export function registerReadTools(server: McpServer, { root, workspace }: ToolContext): void {
  server.registerTool('check', { title: 'Check the workspace', description: MCP_TOOLS.check, inputSchema: TOOL_ARGUMENTS.check, outputSchema: toolOutputSchema('check'), annotations: READ_ONLY }, () =>
    answer(async () => {
      // What git's state adds (a stopped rebase, conflicts git left without markers, a sparse checkout's gap), as `check --json` gives it.
      const withGit = await withGitState(root, await workspace.check());
      return { ...withGit.result, ...gitStateFields(withGit) };
    }),
  );

  server.registerTool('list_threads', { title: 'List threads', description: MCP_TOOLS.list_threads, inputSchema: TOOL_ARGUMENTS.list_threads, outputSchema: toolOutputSchema('list_threads'), annotations: READ_ONLY }, (args) =>
    answer(async () => {
      const threads = await workspace.listThreads(args);
      return { threads: [...threads], held: threads.held };
    }),
  );

  server.registerTool('read_thread', { title: 'Read a thread', description: MCP_TOOLS.read_thread, inputSchema: TOOL_ARGUMENTS.read_thread, outputSchema: toolOutputSchema('read_thread'), annotations: READ_ONLY }, ({ thread }) =>
    answer(() => workspace.readThread(agentThreadPath(root, thread))),
  );

  server.registerTool('report', { title: 'Report', description: MCP_TOOLS.report, inputSchema: TOOL_ARGUMENTS.report, outputSchema: toolOutputSchema('report'), annotations: READ_ONLY }, ({ name }) => answer(() => workspace.report(assertReportName(name))));

  server.registerTool('qualify_deal', { title: 'Qualify a deal', description: MCP_TOOLS.qualify_deal, inputSchema: TOOL_ARGUMENTS.qualify_deal, outputSchema: toolOutputSchema('qualify_deal'), annotations: READ_ONLY }, ({ deal }) =>
    answer(() => workspace.qualify(agentThreadPath(root, deal))),
  );

  server.registerTool('history', { title: 'Audit trail', description: MCP_TOOLS.history, inputSchema: TOOL_ARGUMENTS.history, outputSchema: toolOutputSchema('history'), annotations: READ_ONLY }, ({ subject }) =>
    answer(() => {
      refuseControlInSubject(subject);
      return workspace.history(isAssumptionOrGoal(subject) ? subject : agentHistoryThread(root, subject));
    }),
  );

  server.registerTool('score_accounts', { title: 'Score accounts', description: MCP_TOOLS.score_accounts, inputSchema: TOOL_ARGUMENTS.score_accounts, outputSchema: toolOutputSchema('score_accounts'), annotations: READ_ONLY }, ({ segment, accounts, file }) =>
    answer(async () => {
      if ((accounts === undefined) === (file === undefined)) throw new ThreadworkError('Give either `accounts` (a list of account rows) or `file` (a CSV or JSON list inside the workspace), not both and not neither', 'invalid-arguments');
      const path = file === undefined ? undefined : agentFilePath(root, file);
      const rows = path === undefined ? parseAccounts(accounts!) : readAccounts(path, root);
      const ranking = await workspace.scoreAccounts(segment, rows);
      refuseWhenNothingScored(ranking, path === undefined ? { given: 'account' } : { path });
      return ranking;
    }),
  );

  server.registerTool('score_contacts', { title: 'Score contacts', description: MCP_TOOLS.score_contacts, inputSchema: TOOL_ARGUMENTS.score_contacts, outputSchema: toolOutputSchema('score_contacts'), annotations: READ_ONLY }, ({ segment, contacts, file }) =>
    answer(async () => {
      if ((contacts === undefined) === (file === undefined)) throw new ThreadworkError('Give either `contacts` (a list of contact rows) or `file` (a CSV or JSON list inside the workspace), not both and not neither', 'invalid-arguments');
      const path = file === undefined ? undefined : agentFilePath(root, file);
      const rows = path === undefined ? parseContacts(contacts!) : readContacts(path, root);
      const ranking = await workspace.scoreContacts(segment, rows);
      refuseWhenNothingScored(ranking, path === undefined ? { given: 'contact' } : { path });
      return ranking;
    }),
  );

  server.registerTool('due_touches', { title: 'Touches due', description: MCP_TOOLS.due_touches, inputSchema: TOOL_ARGUMENTS.due_touches, outputSchema: toolOutputSchema('due_touches'), annotations: READ_ONLY }, ({ date }) =>
    answer(() => workspace.due(date)),
  );
}
