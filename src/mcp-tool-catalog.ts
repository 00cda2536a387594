/**
 * The tools `threadwork mcp` exposes, by name. Skills and docs refer to these
 * names; a test checks every tool a skill mentions exists here and on the server.
 */
export const MCP_TOOLS = {
  check: 'Validate every file of the workspace; diagnostics with path, line, column, rule.',
  list_threads: 'List threads (deals, campaigns, marketing) with their stage, status and derived values.',
  read_thread: "Read one thread: meta.json, each stage's front matter, body and version (to give write_stage), and its derived values.",
  create_deal: 'Open a deal thread (meta.json + 1-input.md) for a company in a segment.',
  create_campaign: "Open a campaign thread (meta.json + 1-input.md) for a segment. Stage 1 needs `goal` (what the campaign is for, in words) and `target_list` (its `source`, `count` and `criteria`) before the campaign can advance: write them with write_stage, stage 1, sending back the front matter it was opened with.",
  write_stage: "Write one stage file (front matter + body) of a thread; validated before anything touches disk. The front matter given replaces the file's whole front matter: a field left out is removed (read_thread first and send its front matter back with your changes); the answer's `removed` lists each field that had a value, with that value. Give the stage's `version` from read_thread to have the write refused (stage-changed, nothing written) when the file changed since you read it — a person's edit is then not overwritten; the answer's `version` is the one for your next write. A stage not written yet is opened as advance opens it: only once the stage before is complete (else stage-incomplete lists what is missing).",
  advance: "Check the current stage's required fields and open the next stage file from its template (the answer's `version` is the new file's, for write_stage), or list what is missing (each field with its line; stage-not-written when the stage is still as advance opened it, with the file to write). write_stage to the next stage opens it the same way, so it needs no advance first; at stage 6 there is nothing to advance to (6-learning.md's `outcome` closes a deal, its `closed` date a campaign).",
  sync: 'Recompute every derived value (meta, assumptions, metrics, goals), write what differs and commit it.',
  report: 'A report as data: pipeline, goals (with their forecasts), assumptions, winloss, forecast (the chance of reaching each goal target by its deadline and the deals that move it most) or campaigns (rates, the stop and escalation rules the results trigger, and A/B experiments).',
  history: 'The audit trail of an assumption, a goal or a thread, read back from git.',
  score_accounts: 'Rank accounts (inline rows or a CSV/JSON file inside the workspace) against a segment ICP.',
  score_contacts: 'Score contacts/leads (inline rows or a CSV/JSON file inside the workspace) against a segment: contact score, lead score and band, data quality, what is missing; duplicates merged by row.',
  generate_strategy: 'Generate ICP, narratives and sales materials per segment (hand-edited files are kept).',
  draft_campaign: 'Write one draft per prospect and touch into a campaign, graded by the quality gate (never sent).',
  due_touches: 'Every campaign touch due on a date, per prospect (skipping stopped prospects, spread past the daily caps), and the follow-ups due: DEFER revisits, nurture revisits, out-of-office returns.',
  record_reply: "Record and classify a prospect's reply (positive, negative, unsubscribe, out-of-office, nurture, neutral) and say why; positive opens a deal, nurture sets the prospect's revisit date, out-of-office pauses the sequence until the return date (none after its last touch was sent: notPaused says why), unsubscribe suppresses the address; the prospect's approved drafts the reply stops are withdrawn (status skipped, listed in `withdrawn`).",
  migrate_stages: 'Write front matter for stage files written as labelled lines (the LeanOS method\'s way), from those lines; the prose is kept byte for byte, every unmapped line reported.',
  approve_draft: 'Mark campaign drafts approved (never sent); refused, nothing written, when one fails an autonomy gate: an address suppressed or unsubscribed, a prospect whose sequence stopped (replied, meeting, bounced…) or a closed campaign, a touch due will not list (sent already, skipped by an out-of-office pause, or no longer in the sequence as written) or a later touch whose earlier ones are neither sent, approved nor skipped, ICP threshold, quality minimum, daily caps per sender. Records the day and a digest of the text approved (`approved_on`, `approved_text`): an approved draft edited since is approved again, judged as written now.',
} as const;
