import * as z from 'zod';
import type { DraftFile, SkippedProspect } from '../../campaigns/propose-drafts.js';
import type { ReplyResult } from '../../campaigns/reply.js';
import type { CheckResult } from '../../check/check.js';
import type { DemoStep } from '../../demo/lifecycle.js';
import type { History } from '../../history/history.js';
import type { InitResult } from '../../init/scaffold.js';
import type { DueReport } from '../../campaigns/due.js';
import type { ApprovedDraft } from '../../campaigns/approve.js';
import type { ReportData } from '../../report/build.js';
import type { AccountRankingData } from '../../accounts/rank.js';
import type { ContactRanking } from '../../accounts/rank-contacts.js';
import type { SkillsResult } from '../../skills/install.js';
import type { StrategyResult } from '../../strategy/run.js';
import type { SyncResult } from '../../sync/run.js';
import type { CommitOutcome } from '../../git/commit.js';
import type { AdvanceResult } from '../../threads/advance.js';
import type { CreatedThread } from '../../threads/create.js';
import type { CycleReport } from '../../watch/watcher.js';
import { errorOutput } from './common.js';
import { migrateOutput } from './migrate.js';
import { qualifyOutput } from './qualify.js';
import type { DealQualification } from '../../report/deal-qualification.js';
import type { MigrationResult } from '../../threads/migrate.js';
import { campaignApproveOutput, campaignDraftOutput, campaignReplyOutput, dueOutput, scoreContactsOutput, scoreOutput, strategyOutput } from './outreach.js';
import { assumptionsReportOutput, campaignsReportOutput, forecastReportOutput, goalsReportOutput, pipelineReportOutput, winlossReportOutput } from './reports.js';
import { advanceOutput, checkOutput, demoOutput, historyOutput, initOutput, schemasOutput, skillsInstallOutput, syncOutput, threadNewOutput, watchLineOutput } from './workspace.js';

export interface CliOutput {
  /** File name under `schemas/cli/`, without `.schema.json`. */
  id: string;
  /** The command line it describes. */
  command: string;
  schema: z.ZodType;
}

/** The `ok` every document carries (answer-ok.ts): `check` and errors declare their own. */
export function withOkField(schema: z.ZodObject): z.ZodObject {
  return schema.extend({ ok: z.boolean().describe('false when the command reports an error and exits 1 (a file in error holding values back); true otherwise') });
}

/** The JSON every command prints with `--json`: one entry per document shape. */
export const CLI_OUTPUTS: readonly CliOutput[] = [
  { id: 'init', command: 'threadwork init --json', schema: withOkField(initOutput) },
  { id: 'check', command: 'threadwork check --json', schema: checkOutput },
  { id: 'deal-new', command: 'threadwork deal new --json', schema: withOkField(threadNewOutput) },
  { id: 'campaign-new', command: 'threadwork campaign new --json', schema: withOkField(threadNewOutput) },
  { id: 'campaign-draft', command: 'threadwork campaign draft --json', schema: withOkField(campaignDraftOutput) },
  { id: 'campaign-reply', command: 'threadwork campaign reply --json', schema: withOkField(campaignReplyOutput) },
  { id: 'due', command: 'threadwork due --json', schema: withOkField(dueOutput) },
  { id: 'advance', command: 'threadwork advance --json', schema: withOkField(advanceOutput) },
  { id: 'sync', command: 'threadwork sync --json (also --dry-run)', schema: withOkField(syncOutput) },
  { id: 'strategy', command: 'threadwork strategy --json', schema: withOkField(strategyOutput) },
  { id: 'score', command: 'threadwork score --json', schema: withOkField(scoreOutput) },
  { id: 'score-contacts', command: 'threadwork score --contacts <file> --json', schema: withOkField(scoreContactsOutput) },
  { id: 'watch-line', command: 'threadwork watch --json (one object per line)', schema: watchLineOutput },
  { id: 'report-pipeline', command: 'threadwork report pipeline --json', schema: withOkField(pipelineReportOutput) },
  { id: 'report-winloss', command: 'threadwork report winloss --json', schema: withOkField(winlossReportOutput) },
  { id: 'report-goals', command: 'threadwork report goals --json', schema: withOkField(goalsReportOutput) },
  { id: 'report-assumptions', command: 'threadwork report assumptions --json', schema: withOkField(assumptionsReportOutput) },
  { id: 'report-forecast', command: 'threadwork report forecast --json', schema: withOkField(forecastReportOutput) },
  { id: 'report-campaigns', command: 'threadwork report campaigns --json', schema: withOkField(campaignsReportOutput) },
  { id: 'history', command: 'threadwork history --json', schema: withOkField(historyOutput) },
  { id: 'qualify', command: 'threadwork qualify <deal> --json', schema: withOkField(qualifyOutput) },
  { id: 'demo', command: 'threadwork demo --json', schema: withOkField(demoOutput) },
  { id: 'campaign-approve', command: 'threadwork campaign approve --json', schema: withOkField(campaignApproveOutput) },
  { id: 'schemas', command: 'threadwork schemas --json', schema: withOkField(schemasOutput) },
  { id: 'skills-install', command: 'threadwork skills install --json', schema: withOkField(skillsInstallOutput) },
  { id: 'migrate', command: 'threadwork migrate --json (also --dry-run)', schema: withOkField(migrateOutput) },
  { id: 'error', command: 'any command with --json, when it fails', schema: errorOutput },
];

/*
 * Compile-time ties between the engine's result types and the schemas: if a result
 * type changes in a way its schema does not allow (a field renamed, a type changed),
 * the typecheck fails here before any consumer notices.
 */
type Fits<Actual extends Schema, Schema> = Actual;
type Out<S extends z.ZodType> = z.output<S>;
export type CliOutputTypeChecks = [
  Fits<InitResult & { skills?: SkillsResult }, Out<typeof initOutput>>,
  Fits<SkillsResult & { root: string; sync: SyncResult | null }, Out<typeof skillsInstallOutput>>,
  Fits<CheckResult & { root: string }, Out<typeof checkOutput>>,
  Fits<CreatedThread, Out<typeof threadNewOutput>>,
  Fits<{ campaign: string; drafts: DraftFile[]; skipped: SkippedProspect[]; sync: SyncResult | null }, Out<typeof campaignDraftOutput>>,
  Fits<ReplyResult, Out<typeof campaignReplyOutput>>,
  Fits<DueReport, Out<typeof dueOutput>>,
  Fits<{ drafts: ApprovedDraft[]; sync: SyncResult | null }, Out<typeof campaignApproveOutput>>,
  Fits<AdvanceResult, Out<typeof advanceOutput>>,
  Fits<SyncResult & { root: string }, Out<typeof syncOutput>>,
  Fits<StrategyResult & { root: string }, Out<typeof strategyOutput>>,
  Fits<AccountRankingData, Out<typeof scoreOutput>>,
  Fits<ContactRanking, Out<typeof scoreContactsOutput>>,
  Fits<{ event: 'cycle' } & CycleReport, Out<typeof watchLineOutput>>,
  Fits<Extract<ReportData, { report: 'pipeline' }>, Out<typeof pipelineReportOutput>>,
  Fits<Extract<ReportData, { report: 'winloss' }>, Out<typeof winlossReportOutput>>,
  Fits<Extract<ReportData, { report: 'goals' }>, Out<typeof goalsReportOutput>>,
  Fits<Extract<ReportData, { report: 'assumptions' }>, Out<typeof assumptionsReportOutput>>,
  Fits<Extract<ReportData, { report: 'forecast' }>, Out<typeof forecastReportOutput>>,
  Fits<Extract<ReportData, { report: 'campaigns' }>, Out<typeof campaignsReportOutput>>,
  Fits<History & { repository: boolean }, Out<typeof historyOutput>>,
  Fits<DealQualification, Out<typeof qualifyOutput>>,
  Fits<{ dir: string; deal: string; steps: DemoStep[]; history: string[] }, Out<typeof demoOutput>>,
  Fits<MigrationResult & { root: string; commit: CommitOutcome | null; sync: SyncResult | null }, Out<typeof migrateOutput>>,
];
