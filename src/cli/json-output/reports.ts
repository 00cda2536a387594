import * as z from 'zod';
import { diagnosticOutput, nullableNumber, servedOutput } from './common.js';

const share = z.number().min(0).max(1);

/** What every report, like sync, counts at its last valid version: sync's own `derived-held` warnings. */
const heldOutput = z.array(diagnosticOutput).describe('one `derived-held` warning per file or thread the report counts as sync does — at its last valid version (a thread in error at its version in HEAD) — not as it is on disk; empty when nothing is held');

export const pipelineReportOutput = z.object({
  report: z.literal('pipeline'),
  held: heldOutput,
  served: servedOutput,
  stages: z.array(z.object({ stage: z.string(), probability: share, count: z.number().int().nonnegative(), value: z.number().describe('the open deals\' arr_potential summed as written, cents kept; the text rounds it to whole units'), weighted: z.number().describe('value × probability, per deal to the cent'), configured: z.literal(false).optional().describe('false on a row of a stage the engine derived that `pipeline.stages` lacks (its open deals count at probability 0; check: pipeline-stage-unconfigured); absent on a configured stage') })),
  closed: z.object({ won: z.number().int(), wonArr: z.number().describe('the won deals\' arr summed as written, cents kept; the text rounds it to whole units'), wonWithoutArr: z.number().int().nonnegative().describe('won deals recorded without their ARR: counted in won, left out of wonArr'), lost: z.number().int(), stalled: z.number().int(), parked: z.number().int() }),
  funnel: z.array(z.object({ stage: z.string(), reached: z.number().int().nonnegative(), conversion: share.nullable().describe('reached / the previous stage\'s reached, exact (the text prints a whole percent); null on the first stage and after a stage no deal reached') })),
  totals: z.object({ open: z.number().int(), value: z.number(), weighted: z.number(), withoutValue: z.number().int().nonnegative().describe('open deals with no arr_potential: counted at 0 in value and weighted'), otherCurrency: z.number().int().nonnegative().describe("open deals whose arr_potential is in another currency than the workspace's (check: amount-other-currency): counted at 0 in value and weighted, and not among withoutValue") }),
  winRate: share.nullable().describe('won / (won + lost), exact (the text prints a whole percent); null until a deal has closed'),
  avgCycleDays: nullableNumber.describe("the won deals' average cycle in days (creation to close), exact (the text prints whole days); null until a won deal records one"),
  medianCycleDays: nullableNumber.describe("the won deals' median cycle in days, exact; null until a won deal records one"),
});

const groupPattern = z.object({ value: z.string(), deals: z.number().int(), won: z.number().int(), lost: z.number().int(), winRate: share, averageWonArr: nullableNumber, lift: z.number(), confidence: share });
const personaCount = z.object({ value: z.string(), deals: z.number().int(), share });

export const winlossReportOutput = z.object({
  report: z.literal('winloss'),
  held: heldOutput,
  served: servedOutput,
  deals: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  ignored: z.number().int(),
  winRate: share.nullable().describe('won / (won + lost), exact (the text prints a whole percent); null with no closed deal'),
  averageWonArr: nullableNumber.describe("the won deals' average arr, over the wins that have one"),
  wonWithoutArr: z.number().int().describe('won deals without an arr: counted as won, left out of averageWonArr'),
  averageWonCycleDays: nullableNumber.describe("the won deals' average cycle in days, exact (the text prints whole days)"),
  patterns: z.object({ industry: z.array(groupPattern), revenueBand: z.array(groupPattern), segment: z.array(groupPattern), source: z.array(groupPattern) }),
  lossReasons: z.array(z.object({ reason: z.string(), deals: z.number().int(), share })),
  recommendations: z.array(z.object({ action: z.enum(['focus', 'deprioritize']), dimension: z.enum(['industry', 'revenueBand', 'segment', 'source']), value: z.string(), winRate: share, lift: z.number(), confidence: share, message: z.string() })),
  personas: z.object({ titles: z.array(personaCount), roles: z.array(personaCount) }),
  qualificationThreshold: z.object({ threshold: z.number(), accuracy: share, deals: z.number().int(), separates: z.boolean().describe('false when no cut-off turns away a lost deal (all scored alike, or no loss scored below a win): the threshold is then the lowest score and separates nothing') }).nullable(),
});

const forecastMetricName = z.enum(['won_count', 'won_arr', 'mrr', 'avg_deal_size', 'win_rate']);

/** A goal's Monte Carlo forecast at its deadline (docs/forecast.md). */
const goalForecastOutput = z.object({
  asOf: z.string().describe('the date the open deals are aged to: today for a report, the latest source date in the goal file'),
  deadline: z.string(),
  draws: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
  openDeals: z.number().int().nonnegative().describe('open deals linked to the goal that the draws include'),
  metrics: z.array(
    z.object({
      name: forecastMetricName,
      target: z.number(),
      pTarget: share.describe('share of the draws where the metric reaches the target by the deadline'),
      p10: nullableNumber.describe('10th percentile of the value at the deadline; null when the metric is undefined there (no won deal for an average)'),
      p50: nullableNumber,
      p90: nullableNumber,
    }),
  ),
});

/** On a won ARR figure (won_arr, mrr, avg_deal_size) only: the linked wins it leaves out for want of their ARR. */
const otherCurrencyOutput = z.string().optional().describe("only on a money target written in another currency than the workspace's (check: amount-other-currency): that currency; no figure is compared with the target — gap null, progress 0, left out of the goal's progress and forecast");
const wonWithoutArrOutput = z.number().int().nonnegative().optional().describe('on won_arr, mrr and avg_deal_size only: the linked won deals recorded without their ARR, left out of the value');

export const goalsReportOutput = z.object({
  report: z.literal('goals'),
  held: heldOutput,
  served: servedOutput,
  deals: z.number().int().nonnegative().describe("every deal thread of the workspace, linked to a goal or not, as report pipeline counts them; each goal counts only its linked deals (its threads)"),
  goals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      deadline: z.string(),
      asOf: z.string(),
      status: z.enum(['active', 'achieved', 'missed', 'abandoned']),
      trajectory: z.enum(['achieved', 'ahead', 'on-track', 'behind', 'missed', 'abandoned']),
      elapsed: share,
      progress: share.describe("how far the goal is ('% done'): its furthest-behind metric's progress, as the goal is achieved only when every metric is; 1 exactly when achieved"),
      metrics: z.array(z.object({ name: z.string(), current: nullableNumber.describe('the exact value (2 won of 3 closed is 0.666…), which progress and status are judged on; the text and the goal file round it'), target: z.number(), baseline: nullableNumber, gap: nullableNumber.describe('how far from the target, in the metric\'s unit, exact as current is; 0 once reached; null while current is null (no value yet)'), progress: share, wonWithoutArr: wonWithoutArrOutput, otherCurrency: otherCurrencyOutput })),
      subgoals: z.array(z.object({ id: z.string(), title: z.string(), metric: z.string(), current: nullableNumber, target: z.number(), status: z.enum(['pending', 'in_progress', 'completed', 'blocked', 'missed']).describe("completed once its target is reached; missed once the goal's deadline has passed with it unmet (unless the goal is abandoned)"), threads: z.array(z.string()), wonWithoutArr: wonWithoutArrOutput, otherCurrency: otherCurrencyOutput })),
      threads: z.array(z.string()),
      forecast: goalForecastOutput.nullable().describe('null when the goal has no deal-driven metric or is abandoned'),
    }),
  ),
});

export const assumptionsReportOutput = z.object({
  report: z.literal('assumptions'),
  held: heldOutput,
  served: servedOutput,
  assumptions: z.array(
    z.object({
      id: z.string(),
      statement: z.string(),
      segment: z.string().nullable(),
      retired: z.boolean(),
      prior: share,
      confidence: share,
      status: z.enum(['untested', 'testing', 'validated', 'invalidated']),
      validated: z.number().int(),
      partial: z.number().int(),
      invalidated: z.number().int(),
      n: z.number().int(),
      testedBy: z.array(z.string()),
      evidence: z.array(z.object({ thread: z.string(), result: z.enum(['validated', 'partial', 'invalidated']) })),
    }),
  ),
});

export const forecastReportOutput = z.object({
  report: z.literal('forecast'),
  held: heldOutput,
  served: servedOutput,
  asOf: z.string(),
  calibration: z.object({
    priorStrength: z.number(),
    cycleDays: z.number(),
    cyclePriorStrength: z.number(),
    closedDeals: z.number().int().nonnegative(),
    cycles: z.number().int().nonnegative(),
    stages: z.array(z.object({ stage: z.string(), configured: share, closed: z.number().int().nonnegative(), won: z.number().int().nonnegative(), probability: share.describe('(won + k·configured) / (closed + k), k = priorStrength') })),
  }),
  goals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      metric: forecastMetricName.describe('the metric the deals are ranked on'),
      forecast: goalForecastOutput,
      deals: z.array(
        z.object({
          path: z.string(),
          stage: z.string().nullable(),
          value: z.number().nullable().describe('ARR if won (arr_potential, a range\'s midpoint); null when the deal gives none: won, it counts as a win without ARR'),
          age: z.number().int(),
          pStage: share,
          pClosed: share,
          pWon: share,
          swing: z.number().min(-1).max(1).describe('P(target | won by the deadline) − P(target | lost by then)'),
          stageConfigured: z.literal(false).optional().describe('false when `stage` is not in `pipeline.stages` (its pStage is 0 for that reason; check: pipeline-stage-unconfigured); absent on a configured stage'),
        }),
      ),
      moreDeals: z.number().int().nonnegative().describe('the goal\'s open deals left out of `deals`, which lists at most 10'),
    }),
  ),
  goalCount: z.number().int().nonnegative().describe('goals in goals/, with a forecast or not: 0 when there is none (goals is empty then too)'),
});

const experimentVariantOutput = z.object({
  id: z.string(),
  split: share,
  sent: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative().describe('the rate\'s denominator, as src/outreach/results.ts defines it'),
  successes: z.number().int().nonnegative().describe('opened, clicked, replied or meetings: the tested rate\'s numerator'),
  rate: z.number().nonnegative().nullable(),
  more: z.number().int().nonnegative().nullable().describe('more sends this variant needs (minimum sample and power at the observed rates); null when the rates are equal (no size detects a zero difference) and the minimum sample is met, or when the campaign closed (status inconclusive: the verdict says what was needed)'),
});

export const experimentOutput = z.object({
  name: z.string(),
  touch: z.number().int().min(1),
  metric: z.enum(['open_rate', 'click_rate', 'reply_rate', 'meeting_rate']),
  assumption: z.string().nullable(),
  supports: z.string().nullable(),
  status: z.enum(['no-results', 'running', 'winner', 'no-difference', 'inconclusive']).describe('inconclusive: the campaign closed (Stage 6 `closed`) while the experiment was still running, short of the sends it needed'),
  winner: z.string().nullable().describe('declared only at p < alpha with the minimum sample per variant met'),
  minSample: z.number().int().positive(),
  variants: z.array(experimentVariantOutput),
  comparisons: z.array(
    z.object({
      variant: z.string(),
      control: z.string(),
      difference: z.number().min(-1).max(1).describe('variant rate − control rate'),
      ci: z.array(z.number()).length(2).describe('95% Wald interval of the difference (unpooled, as R\'s prop.test)'),
      test: z.enum(['z-test', 'fisher-exact']),
      z: nullableNumber,
      p: share,
      alpha: share.describe('alpha, divided by the number of comparisons (Bonferroni)'),
      significant: z.boolean(),
      needed: nullableNumber.describe('delivered messages per variant for the configured power at the observed rates'),
    }),
  ),
  verdict: z.string(),
  validation: z.object({ assumption: z.string(), result: z.enum(['validated', 'invalidated']), evidence: z.string() }).nullable(),
});

// A count recorded above delivered (check reports it for variants) makes a rate above 1: the output still describes it.
const rate = z.number().nonnegative().nullable();
const campaignRatesOutput = z.object({
  sent: z.number().int().nonnegative(),
  delivered: z.number().int().nonnegative(),
  clicksTracked: z.boolean().describe('false when the results leave `clicked` empty, or at 0 while opens are not tracked either: clickRate is then null. Judged once a count beyond `sent` is recorded'),
  opensTracked: z.boolean().describe('false when the results leave `opened` empty, or at 0 beside recorded replies or clicks: openRate is then null and low-open-rate does not fire. Judged once a count beyond `sent` is recorded: true (and every rate null) before'),
  openRate: rate,
  clickRate: rate,
  replyRate: rate,
  unsubscribeRate: rate,
  spamComplaintRate: rate,
  meetingRate: rate,
  bounceRate: rate,
});

export const campaignsReportOutput = z.object({
  report: z.literal('campaigns'),
  held: heldOutput,
  served: servedOutput,
  campaigns: z.array(
    z.object({
      path: z.string(),
      id: z.string(),
      title: z.string(),
      status: z.string(),
      stage: z.number().int().min(1).max(6),
      segment: z.string().nullable(),
      rates: campaignRatesOutput.nullable(),
      rules: z
        .array(z.object({ rule: z.string(), severity: z.enum(['critical', 'high', 'medium', 'info']), message: z.string() }))
        .describe('the result rules the Stage 6 totals trigger (spam-complaint, high-bounce-rate, low-open-rate, low-reply-rate, high-unsubscribe-rate, scale-up), critical first; empty before results'),
      recorded: z.boolean().describe('whether the Stage 6 totals record a count beyond `sent`: false before they are filled in (every rate null, no rule judged)'),
      experiments: z.array(experimentOutput),
    }),
  ),
});
