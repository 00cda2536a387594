/** The Monte Carlo goal forecast (docs/forecast.md): pure, seeded, calibrated on the workspace's closed deals. */
export { calibrateStages, CycleModel, shrunkProbability, type ClosedDeals, type StageCalibration, type StageSetting } from './calibrate.js';
export { ClosedDealTally, tallyClosedDeals } from './closed-deals.js';
export { dealKey, dealOutcomes, drawKeys, DrawTotals, mix32, threshold, type DealDraw } from './draws.js';
export { GoalDraws } from './goal-draws.js';
export { GoalPipeline } from './goal-pipeline.js';
export { calibrate, closedSoFar, dealOdds, drawsFor, forecastMetrics, goalForecast, isOpenDeal, runGoalForecast, type Calibration, type ClosedSoFar, type DealOdds, type ForecastSettings, type GoalForecast, type GoalRun, type MetricForecast } from './goal-forecast.js';
export { FORECAST_METRICS, isForecastMetric, metricValue, type ForecastMetric } from './metrics.js';
export { dealDraw, dealDrawWithKey, distribution, quantile, simulate, type Base, type DealChance, type MetricDistribution, type Outcomes } from './simulate.js';
export { dealSwing } from './swing.js';
