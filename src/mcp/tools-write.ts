import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.js';
import { TOOL_ARGUMENTS } from './inputs.js';
import { agentFileOrFolderPath, agentFilePath, agentThreadPath } from './paths.js';
import { toolOutputSchema } from './outputs.js';
import { answer, type Failing } from './result.js';
import { engineReplacedCheck } from './engine-replaced.js';
import { MCP_TOOLS } from '../mcp-tool-catalog.js';

const WRITES = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;
/**
 * Writes that may replace what a person wrote (the MCP spec's destructive update, not only an
 * additive one): write_stage replaces the values it is given, removes the fields named in
 * `remove` and replaces the body it is given; generate_strategy and draft_campaign with `force` overwrite files edited
 * by hand. A client that asks a person before such a call asks here. Git keeps every version.
 */
const REPLACES = { ...WRITES, destructiveHint: true } as const;

/**
 * Tools that write. Each calls the same API method as the CLI command that does the same
 * thing, so both go through the one write transaction (engine/transaction.ts) and leave
 * the same files and the same history. The answer says what the write produced, what it
 * changed downstream (derived before → after) and which commit holds it.
 */
export function registerWriteTools(server: McpServer, { root, workspace }: ToolContext): void {
  /** `{result, sync, commit, warnings}`: the command's own result apart from what every write adds. */
  const split = <T extends { sync: unknown; commit: unknown; warnings: unknown }>({ sync, commit, warnings, ...result }: T) => ({ result, sync, commit, warnings });
  // Upgraded or rebuilt under it, the server writes nothing more with its old code (engine-replaced.ts); said once on stderr, and to each write refused.
  const stillInstalled = engineReplacedCheck((running, installed) =>
    process.stderr.write(`threadwork mcp: threadwork was updated on disk (this server runs ${running}, ${installed} is installed): write tools are refused from now on, reads go on — restart the server\n`),
  );
  const writing = (tool: string, work: () => Promise<unknown>, fails?: Failing) =>
    answer(async () => {
      stillInstalled(tool);
      return work();
    }, fails);
  const write = (args: { commit?: boolean | undefined; sync?: boolean | undefined }) => ({ ...(args.commit !== undefined ? { commit: args.commit } : {}), ...(args.sync !== undefined ? { sync: args.sync } : {}) });

  server.registerTool('create_deal', { title: 'Open a deal thread', description: MCP_TOOLS.create_deal, inputSchema: TOOL_ARGUMENTS.create_deal, outputSchema: toolOutputSchema('create_deal'), annotations: WRITES }, (args) =>
    writing('create_deal', async () =>
      split(
        await workspace.createDeal(
          {
            company: args.company,
            slug: args.slug,
            segment: args.segment,
            title: args.title,
            goal: args.goal,
            subgoal: args.subgoal,
            source: args.source,
            date: args.date,
            contactName: args.contact_name,
            contactTitle: args.contact_title,
            contactEmail: args.contact_email,
            domain: args.domain,
            signal: args.signal,
          },
          write(args),
        ),
      ),
    ),
  );

  server.registerTool('create_campaign', { title: 'Open a campaign thread', description: MCP_TOOLS.create_campaign, inputSchema: TOOL_ARGUMENTS.create_campaign, outputSchema: toolOutputSchema('create_campaign'), annotations: WRITES }, (args) =>
    writing('create_campaign', async () => split(await workspace.createCampaign({ name: args.name, slug: args.slug, segment: args.segment, date: args.date, goal: args.goal, subgoal: args.subgoal }, write(args)))),
  );

  server.registerTool('write_stage', { title: 'Write a stage file', description: MCP_TOOLS.write_stage, inputSchema: TOOL_ARGUMENTS.write_stage, outputSchema: toolOutputSchema('write_stage'), annotations: { ...REPLACES, idempotentHint: true } }, (args) =>
    writing('write_stage', async () => {
      const thread = agentThreadPath(root, args.thread);
      const done = await workspace.writeStage({ thread, stage: args.stage, frontMatter: args.front_matter, remove: args.remove, body: args.body, version: args.version }, write(args));
      return { result: done.write, sync: done.sync, commit: done.commit, warnings: done.warnings };
    }),
  );

  server.registerTool('advance', { title: 'Advance a thread', description: MCP_TOOLS.advance, inputSchema: TOOL_ARGUMENTS.advance, outputSchema: toolOutputSchema('advance'), annotations: WRITES }, (args) =>
    writing('advance', async () => split(await workspace.advance(agentThreadPath(root, args.thread), write(args)))),
  );

  server.registerTool('link_goal', { title: 'Link a thread to a goal', description: MCP_TOOLS.link_goal, inputSchema: TOOL_ARGUMENTS.link_goal, outputSchema: toolOutputSchema('link_goal'), annotations: { ...WRITES, idempotentHint: true } }, (args) =>
    writing('link_goal', async () => split(await workspace.linkGoal(agentThreadPath(root, args.thread), { goal: args.goal, subgoal: args.subgoal }, write(args)))),
  );

  server.registerTool('set_created', { title: 'Set the day a thread began', description: MCP_TOOLS.set_created, inputSchema: TOOL_ARGUMENTS.set_created, outputSchema: toolOutputSchema('set_created'), annotations: { ...WRITES, idempotentHint: true } }, (args) =>
    writing('set_created', async () => split(await workspace.setCreated(agentThreadPath(root, args.thread), args.created, write(args)))),
  );

  server.registerTool('sync', { title: 'Sync derived values', description: MCP_TOOLS.sync, inputSchema: TOOL_ARGUMENTS.sync, outputSchema: toolOutputSchema('sync'), annotations: { ...WRITES, idempotentHint: true } }, (args) =>
    writing('sync', () => workspace.sync({ dryRun: args.dry_run === true, commit: args.commit }), 'on-errors'),
  );

  server.registerTool('generate_strategy', { title: 'Generate strategy files', description: MCP_TOOLS.generate_strategy, inputSchema: TOOL_ARGUMENTS.generate_strategy, outputSchema: toolOutputSchema('generate_strategy'), annotations: { ...REPLACES, idempotentHint: true } }, (args) =>
    writing('generate_strategy', () => workspace.strategy({ segments: args.segments ?? [], force: args.force === true, ...write(args) }), 'on-errors'),
  );

  server.registerTool('draft_campaign', { title: 'Draft outreach', description: MCP_TOOLS.draft_campaign, inputSchema: TOOL_ARGUMENTS.draft_campaign, outputSchema: toolOutputSchema('draft_campaign'), annotations: REPLACES }, (args) =>
    writing('draft_campaign', async () => split(await workspace.draftCampaign(agentThreadPath(root, args.campaign), { force: args.force === true, ...write(args) }))),
  );

  server.registerTool('record_reply', { title: 'Record a reply', description: MCP_TOOLS.record_reply, inputSchema: TOOL_ARGUMENTS.record_reply, outputSchema: toolOutputSchema('record_reply'), annotations: WRITES }, (args) =>
    writing('record_reply', async () => split(await workspace.recordReply(agentThreadPath(root, args.campaign), args.email, args.text, args.date, write(args)))),
  );

  server.registerTool('migrate_stages', { title: 'Migrate stage files to front matter', description: MCP_TOOLS.migrate_stages, inputSchema: TOOL_ARGUMENTS.migrate_stages, outputSchema: toolOutputSchema('migrate_stages'), annotations: { ...WRITES, idempotentHint: true } }, (args) =>
    writing('migrate_stages', async () => split(await workspace.migrate((args.paths ?? []).map((p) => agentFileOrFolderPath(root, p)), { dryRun: args.dry_run === true, ...write(args) }))),
  );

  server.registerTool('approve_draft', { title: 'Approve drafts', description: MCP_TOOLS.approve_draft, inputSchema: TOOL_ARGUMENTS.approve_draft, outputSchema: toolOutputSchema('approve_draft'), annotations: { ...WRITES, idempotentHint: true } }, (args) =>
    writing('approve_draft', async () => split(await workspace.approveDrafts(args.drafts.map((d) => agentFilePath(root, d)), write(args)))),
  );
}
