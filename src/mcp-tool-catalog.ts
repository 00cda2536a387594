/**
 * The tools `threadwork mcp` exposes, by name. Skills and docs refer to these
 * names; a test checks every tool a skill mentions exists here and on the server.
 */
export const MCP_TOOLS = {
  check: 'Validate every file of the workspace; diagnostics with path, line, column, rule.',
  list_threads: 'List threads (deals, campaigns, marketing) with their stage, status and derived values.',
  read_thread: "Read one thread: meta.json, each stage's front matter and body, and its derived values.",
  create_deal: 'Open a deal thread (meta.json + 1-input.md) for a company in a segment.',
  create_campaign: 'Open a campaign thread (meta.json + 1-input.md) for a segment.',
  write_stage: "Write one stage file (front matter + body) of a thread; validated before anything touches disk.",
  advance: "Check the current stage's required fields and open the next stage file, or list what is missing.",
  sync: 'Recompute every derived value (meta, assumptions, metrics, goals), write what differs and commit it.',
  report: 'A report as data: pipeline, goals, assumptions or winloss.',
  history: 'The audit trail of an assumption, a goal or a thread, read back from git.',
  score_accounts: 'Rank accounts (inline rows or a CSV/JSON file inside the workspace) against a segment ICP.',
  generate_strategy: 'Generate ICP, narratives and sales materials per segment (hand-edited files are kept).',
  draft_campaign: 'Write one draft per prospect and touch into a campaign, graded by the quality gate (never sent).',
  due_touches: 'Every campaign touch due on a date, per prospect (skipping stopped prospects, spread past the daily caps), and the follow-ups due: DEFER revisits, nurture revisits, out-of-office returns.',
  record_reply: "Record and classify a prospect's reply; positive opens a deal, unsubscribe suppresses the address.",
  approve_draft: 'Mark campaign drafts approved (never sent); refused, nothing written, when one fails an autonomy gate: ICP threshold, quality minimum, daily caps per sender.',
} as const;
