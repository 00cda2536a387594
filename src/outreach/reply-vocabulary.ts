/**
 * The words a reply is classified by, as data. Phrases match as whole words in any
 * case (`yes` never matches `yesterday`), with curly and straight apostrophes alike.
 * Where phrases overlap, the longest wins, so "not interested" is read as negative and
 * never also as the positive "interested".
 */

export type ReplyCategory = 'positive' | 'negative' | 'unsubscribe' | 'out-of-office' | 'neutral';

/** Asks to stop all contact: honoured before anything else. */
export const UNSUBSCRIBE_PHRASES: readonly string[] = [
  'unsubscribe', 'please remove me', 'remove me', 'remove me from your list', 'take me off your list', 'take me off',
  'stop emailing', 'stop emailing me', 'stop sending', 'stop contacting me', 'opt out', 'opt me out',
];

/** Auto-replies: the person has not read the message yet. */
export const OUT_OF_OFFICE_PHRASES: readonly string[] = [
  'out of office', 'out of the office', 'on leave', 'on annual leave', 'parental leave', 'maternity leave',
  'paternity leave', 'on vacation', 'on holiday', 'currently away', 'away from my desk', 'limited access to email',
  'limited access to my email', 'back in the office', 'returning on', 'automatic reply', 'auto-reply', 'autoreply',
  'back on monday', 'back on tuesday', 'back on wednesday', 'back on thursday', 'back on friday', 'back on saturday',
  'back on sunday',
];

/** A no, including a no to being called or contacted (which is not a request to unsubscribe). */
export const NEGATIVE_PHRASES: readonly string[] = [
  'not interested', 'no interest', 'no thanks', 'no thank you', "don't call me again", 'do not call me again',
  "don't call me", 'do not call me', "please don't contact me", "don't contact me", 'do not contact me',
  "don't email me", 'do not email me', 'not a fit', 'not a good fit', 'not the right fit', 'not sure this is a fit',
  'not a priority', 'not right now', 'not the right time', 'not for us', 'not relevant', 'not looking',
  "we're all set", 'we are all set', 'already have a solution', 'already have a vendor', 'no budget',
  'pass on this', "we'll pass", 'we will pass',
];

/** A yes, or a step toward one. Negated (see NEGATORS) it counts as a no. */
export const POSITIVE_PHRASES: readonly string[] = [
  'interested', "let's talk", 'let us talk', "let's chat", 'happy to chat', 'happy to talk', 'sounds good',
  'sounds great', 'sounds interesting', 'yes', 'book a time', 'send me more', 'send more info', 'tell me more',
  'learn more', 'set up a call', 'schedule a call', 'open to a call', 'open to a chat', "i'm in", 'count me in',
  'works for me', 'love to', 'keen to', 'when are you free', 'what times work',
];

/**
 * Words that turn a following positive phrase into a no, when they come at most
 * NEGATION_WINDOW words before it in the same clause ("not really interested",
 * "I don't think we'd be interested").
 */
export const NEGATORS: readonly string[] = [
  'not', 'no', 'never', "don't", 'dont', "doesn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't",
  "can't", 'cannot', 'nor', 'neither', 'hardly',
];

export const NEGATION_WINDOW = 4;

/** A clause ends at punctuation or at `but`: "not now, but tell me more" is a yes to more. */
export const CLAUSE_BREAK = /[.,;:!?\n\u2013\u2014]|\bbut\b|\bhowever\b/gi;

/** Highest first: an auto-reply that also says "interested" is still an auto-reply. */
export const REPLY_PRIORITY: readonly Exclude<ReplyCategory, 'neutral'>[] = ['unsubscribe', 'out-of-office', 'negative', 'positive'];
