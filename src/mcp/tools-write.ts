import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { syncAfterWrite, type SourceWrite } from '../threads/write-and-sync.js';
import { withWorkspaceLock } from '../workspace/lock.js';
import type { ToolContext } from './context.js';
import { TOOL_INPUTS } from './inputs.js';
import { agentThreadPath } from './paths.js';
import { answer } from './result.js';
import { MCP_TOOLS } from './tool-names.js';

const WRITES = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false } as const;

/**
 * Tools that write. Each holds the workspace lock — the one `watch` and the CLI take —
 * across its write and the sync after it, so the answer says exactly what that write
 * changed downstream (derived before → after) and which commit holds it.
 */
export function registerWriteTools(server: McpServer, { root, workspace, ops }: ToolContext): void {
  /** A write, then a sync committing it with its consequences; both under one lock. */
  const writeThenSync = <T>(work: () => Promise<T>, describe: (result: T) => SourceWrite, options: { commit?: boolean | undefined; sync?: boolean | undefined }) =>
    withWorkspaceLock(root, async () => {
      const result = await work();
      return { result, ...(await syncAfterWrite(root, describe(result), { commit: options.commit, sync: options.sync })) };
    });

  server.registerTool('create_deal', { title: 'Open a deal thread', description: MCP_TOOLS.create_deal, inputSchema: TOOL_INPUTS.create_deal, annotations: WRITES }, (args) =>
    answer(() =>
      writeThenSync(
        () =>
          ops.createDeal({
            company: args.company,
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
          }),
        (created) => ({ paths: created.files, thread: created.path, summary: `open deal ${created.path}` }),
        args,
      ),
    ),
  );

  server.registerTool('create_campaign', { title: 'Open a campaign thread', description: MCP_TOOLS.create_campaign, inputSchema: TOOL_INPUTS.create_campaign, annotations: WRITES }, (args) =>
    answer(() =>
      writeThenSync(
        () => ops.createCampaign({ name: args.name, segment: args.segment, date: args.date, goal: args.goal, subgoal: args.subgoal }),
        (created) => ({ paths: created.files, thread: created.path, summary: `open campaign ${created.path}` }),
        args,
      ),
    ),
  );

  server.registerTool('write_stage', { title: 'Write a stage file', description: MCP_TOOLS.write_stage, inputSchema: TOOL_INPUTS.write_stage, annotations: { ...WRITES, idempotentHint: true } }, (args) =>
    answer(() => {
      const thread = agentThreadPath(root, args.thread);
      return writeThenSync(
        () => ops.writeStage({ thread, stage: args.stage, frontMatter: args.front_matter, body: args.body }),
        (write) => ({ paths: write.written ? [write.path] : [], thread, summary: `write ${write.path}` }),
        args,
      );
    }),
  );

  server.registerTool('advance', { title: 'Advance a thread', description: MCP_TOOLS.advance, inputSchema: TOOL_INPUTS.advance, annotations: WRITES }, (args) =>
    answer(() => {
      const thread = agentThreadPath(root, args.thread);
      return writeThenSync(() => ops.advance(thread), (advanced) => ({ paths: [advanced.created], thread, summary: `open ${advanced.created}` }), args);
    }),
  );

  server.registerTool('sync', { title: 'Sync derived values', description: MCP_TOOLS.sync, inputSchema: TOOL_INPUTS.sync, annotations: { ...WRITES, idempotentHint: true } }, (args) =>
    answer(() => workspace.sync({ dryRun: args.dry_run === true, commit: args.commit })),
  );

  server.registerTool('generate_strategy', { title: 'Generate strategy files', description: MCP_TOOLS.generate_strategy, inputSchema: TOOL_INPUTS.generate_strategy, annotations: { ...WRITES, idempotentHint: true } }, (args) =>
    answer(() => workspace.strategy({ segments: args.segments ?? [], force: args.force === true, commit: args.commit })),
  );

  server.registerTool('draft_campaign', { title: 'Draft outreach', description: MCP_TOOLS.draft_campaign, inputSchema: TOOL_INPUTS.draft_campaign, annotations: WRITES }, (args) =>
    answer(() => {
      const campaign = agentThreadPath(root, args.campaign);
      return writeThenSync(
        async () => ({ drafts: await ops.draftCampaign(campaign, { force: args.force === true }) }),
        ({ drafts }) => ({ paths: drafts.filter((d) => d.action !== 'kept').map((d) => d.path), thread: campaign, summary: `draft ${campaign}` }),
        args,
      );
    }),
  );

  server.registerTool('record_reply', { title: 'Record a reply', description: MCP_TOOLS.record_reply, inputSchema: TOOL_INPUTS.record_reply, annotations: WRITES }, (args) =>
    answer(() => {
      const campaign = agentThreadPath(root, args.campaign);
      return writeThenSync(
        () => ops.recordReply(campaign, args.email, args.text, args.date),
        (reply) => ({ paths: reply.written, thread: campaign, summary: `reply from ${reply.email} (${reply.classification.category}) to ${campaign}` }),
        args,
      );
    }),
  );
}
