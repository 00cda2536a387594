/** Outreach: sequences, drafts, the quality gate, reply classification, campaign results and win/loss. Pure: no I/O, no clock. */

export { addDays, calendarDate, daysBetween, sendDay } from './calendar.js';
export {
  campaignStart,
  dueProspect,
  dueTouches,
  isPresetName,
  PRESET_NAMES,
  prospectStart,
  resolveSequence,
  SEQUENCE_PRESETS,
  touchesDone,
  touchSchedule,
  type Channel,
  type DueTouch,
  type DueTouchesInput,
  type PresetName,
  type SequenceInput,
  type SequenceProspect,
  type Touch,
} from './sequences.js';
export { contactKeys, isProspect, normalizeLinkedin, normalizePhone, prospectId, prospectIdField, prospectLabel, type ProspectContacts } from './prospect-id.js';
export { contactStop, followUpStop, isSuppressed, normalizeEmail, STOPPED_STATUSES, suppressionKeys, type ContactStop, type ContactStopKind, type ProspectFollowUpKind } from './contact-stop.js';
export { draftedChannel, draftMessage, emailBody, EMAIL_MAX_SENTENCES, EMAIL_MAX_WORDS, type Draft, type DraftInput, type Personalization } from './draft-message.js';
export { formatFee, type DraftContext, type Materials } from './draft-context.js';
export { DRAFT_TEMPLATES, FALLBACK_TEMPLATES, LINKEDIN_NOTE_LIMIT, type DraftTemplate, type Sentence, type TemplateOutput } from './draft-templates.js';
export { readSignals, signalHooks, SIGNAL_FRESH_DAYS, whyNow, type ReadSignal } from './signal-hooks.js';
export { MAX_PAIN_HYPOTHESES, PAIN_CUES, painHypotheses } from './pain-hypotheses.js';
export { companyCore, firstName } from './names.js';
export { findPlaceholders, hasPlaceholder, PLACEHOLDER_PATTERNS } from './placeholders.js';
export { countSentences, countWords, findPhrases, phrasesIn, type PhraseMatch } from './phrases.js';
export {
  assessDraft,
  gradeOf,
  hasCallToAction,
  isPersonalized,
  PENALTY,
  QUALITY_LIMITS,
  type DraftToAssess,
  type Grade,
  type IssueSeverity,
  type QualityAssessment,
  type QualityIssue,
} from './quality.js';
export { CTA_PHRASES, CTA_QUESTION_WORDS, GENERIC_OPENINGS, PUSHY_PHRASES, SPAM_TRIGGERS } from './quality-vocabulary.js';
export { classifyReply, replyText, type ClassifyOptions, type ReplyClassification } from './replies.js';
export {
  ACTION_PHRASES,
  DEFAULT_REVISIT_DAYS,
  INTEREST_PHRASES,
  NEAR_DAYS,
  NEGATION_WINDOW,
  NEGATIVE_PHRASES,
  NEGATORS,
  NURTURE_PHRASES,
  OUT_OF_OFFICE_PHRASES,
  POSITIVE_PHRASES,
  REPLY_CATEGORIES,
  REPLY_PRIORITY,
  UNSUBSCRIBE_PHRASES,
  type ReplyCategory,
} from './reply-vocabulary.js';
export { datesIn, type DateKind, type DateMention } from './reply-dates.js';
export { addMonths, afterTheHolidays, easterSunday } from './reply-calendar.js';
export { evaluateReplies, type LabelledReply, type ReplyEvaluation } from './reply-evaluation.js';
export { companyDomain, FREE_MAIL_DOMAINS } from './email-domain.js';
export {
  campaignRates,
  campaignResultRates,
  campaignSuggestions,
  nothingRecorded,
  opensTracked,
  clicksTracked,
  RESULT_RULES,
  type CampaignRates,
  type CampaignResults,
  type CampaignSuggestion,
  type SuggestionSeverity,
} from './results.js';
export {
  bounceRate,
  clickRate,
  countOf,
  deliveredOf,
  meetingRate,
  openRate,
  RATE_DEFINITIONS,
  rateOf,
  ratio,
  replyRate,
  spamComplaintRate,
  unsubscribeRate,
  type CountName,
  type Delivered,
  type OutreachCounts,
  type RateDefinition,
  type RateName,
} from './rates.js';
export {
  analyzeWinLoss,
  DEFAULT_LIFT_THRESHOLD,
  DEFAULT_MIN_DEALS,
  UNSPECIFIED_REASON,
  type IcpRecommendation,
  type LossReasonShare,
  type WinLossAnalysis,
  type WinLossDeal,
  type WinLossOptions,
} from './winloss.js';
export { CONFIDENCE_PRIOR_DEALS, confidenceFor, REVENUE_BANDS, revenueBand, type GroupPattern, type PatternDimension } from './win-loss-groups.js';
export { bestQualificationThreshold, type QualificationThreshold, type ScoredDeal } from './qualification-threshold.js';
export { buyerPersonas, type BuyerPersonas, type PersonaCount } from './buyer-personas.js';
export { readableSignals, signalText } from './signal-text.js';
