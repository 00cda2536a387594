/** Pure scoring: ICP composite, contact, lead, qualification frameworks and deal priority. No I/O, no clock. */

export type { CompanyFacts, SignalFacts } from './company.js';
export type { ComponentScore, FactorStatus, IcpComponent, ScoreFactor } from './factor.js';
export { factorPath } from './factor.js';
export { profileFromIcp, profileFromSegment, moneyTarget, type IcpProfile } from './icp-profile.js';
export {
  DEFAULT_ICP_THRESHOLDS,
  DEFAULT_ICP_WEIGHTS,
  icpBand,
  resolveIcpThresholds,
  resolveIcpWeights,
  type IcpBand,
  type IcpBandThresholds,
  type IcpWeights,
} from './icp-weights.js';
export { scoreIcp, type IcpProspect, type IcpScore, type IcpScoreOptions, type WeightedComponent } from './icp-score.js';
export { scoreFit, technologyMatches, type FitResult } from './fit.js';
export { CLOSE_MARGIN, matchRange, RANGE_SCORE, type RangeFit, type TargetRange, type ValueRange } from './range-match.js';
export { geographyMatches } from './regions.js';
export {
  classifySignal,
  EXTRA_SIGNAL_BONUS,
  scoreIntent,
  SIGNAL_KEYWORDS,
  SIGNAL_WEIGHTS,
  TRIGGER_WEIGHT,
  type IntentResult,
  type SignalType,
} from './intent.js';
export {
  DEFAULT_REACHABILITY,
  EMAIL_STATUS_SCORES,
  readEmailStatus,
  scoreReachability,
  type EmailStatusInput,
  type EmailStatusReading,
  type ReachabilityResult,
} from './reachability.js';
export { DEFAULT_FRESHNESS, FRESHNESS_HORIZON_DAYS, scoreFreshness, type FreshnessResult } from './freshness.js';
export { SENIORITY_SCORES, seniorityOf, seniorityScore, type Seniority } from './seniority.js';
export { matchTitle, titleKeywords, type TitleMatch } from './title-match.js';
export {
  CONTACT_FIELD_EXPECTED,
  CONTACT_WEIGHTS,
  scoreContact,
  type ContactFacts,
  type ContactField,
  type ContactPart,
  type ContactPartName,
  type ContactScore,
} from './contact-score.js';
export {
  BEHAVIOUR_POINTS,
  BEHAVIOUR_SATURATION,
  DEMOGRAPHIC_POINTS,
  leadBand,
  scoreLead,
  type BehaviourInput,
  type DemographicInput,
  type LeadBand,
  type LeadInputs,
  type LeadPart,
  type LeadScore,
} from './lead-score.js';
export { LEAD_COLUMN_EXPECTED, LEAD_PART_COLUMNS, missingLeadColumns, type LeadColumn } from './lead-columns.js';
export {
  criterionKey,
  FRAMEWORK_CRITERIA,
  parseFramework,
  resolveCriterion,
  type Criterion,
  type QualificationFramework,
} from './frameworks.js';
export { CRITERION_VOCABULARY, readCriterionValue, type CriterionReading, type CriterionStatus } from './criterion-value.js';
export {
  DEFAULT_QUALIFICATION_THRESHOLDS,
  STAGE_LEVELS,
  thresholdForStage,
  type QualificationLevel,
  type QualificationThresholds,
  type StageThreshold,
} from './stage-threshold.js';
export {
  DEFER_MARGIN,
  scoreQualification,
  type CriterionScore,
  type QualificationOptions,
  type QualificationRecommendation,
  type QualificationResult,
} from './qualification.js';
export {
  DEAL_PRIORITY_THRESHOLDS,
  DEAL_PRIORITY_WEIGHTS,
  dealPriorityBand,
  scoreDealPriority,
  STRATEGIC_SCORES,
  type DealPriority,
  type DealPriorityInputs,
  type DealPriorityPart,
  type DealPriorityResult,
} from './deal-priority.js';
export { behaviourFromDealInput, contactFromDealInput, prospectFromDealInput } from './deal-input.js';
export {
  checkDisqualifiers,
  DISQUALIFIED_CAP,
  freeTextMatch,
  type DisqualifierCheck,
  type DisqualifierField,
  type DisqualifierMatch,
} from './disqualifiers.js';
export { matchTrigger, TRIGGER_MATCH_SHARE, triggersFromProblemSignals, type TriggerMatch } from './triggers.js';
export { contentStems, stemWord } from './stems.js';
export {
  accountKeys,
  contactKeys,
  duplicateGroups,
  emailDomain,
  groupDuplicates,
  LEGAL_SUFFIXES,
  mergeRecords,
  normalizeCompanyName,
  normalizeDomain,
  normalizeEmail,
  type DuplicateGroup,
} from './dedup.js';
export {
  ACCOUNT_QUALITY_WEIGHTS,
  CONTACT_QUALITY_WEIGHTS,
  FREE_MAIL_DOMAINS,
  isValidDomain,
  isValidEmail,
  scoreAccountDataQuality,
  scoreContactDataQuality,
  type AccountQualityInput,
  type ContactQualityInput,
  type DataQuality,
  type QualityField,
  type QualityStatus,
} from './data-quality.js';
export { companyOfContact, leadInputsFrom, scoreContactRecord, type ContactRecord, type ContactRecordScore } from './contact-record.js';
