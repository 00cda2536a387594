import { describe, expect, it } from 'vitest';
import { classifyReply, companyDomain, datesIn, dueTouches, replyText, type SequenceProspect, type Touch } from '../src/outreach/index.js';

describe('reply classification: the findings of #13', () => {
  it.each([
    ["Let's schedule a demo", 'positive'],
    ['Happy to meet on Thursday', 'positive'],
    ['Can you call me next week?', 'positive'],
    ['Please send me a calendar link', 'positive'],
    ['Sure — book a time for us, Tuesday works', 'positive'],
    ['What does your availability look like?', 'positive'],
    ['Please stop.', 'unsubscribe'],
    ['This is spam', 'unsubscribe'],
    ['Remove', 'unsubscribe'],
    ['stop', 'unsubscribe'],
    ['unsubscribe me', 'unsubscribe'],
    ['Take me off this list', 'unsubscribe'],
    ['Not interested.', 'negative'],
    ['Not now, maybe next quarter', 'nurture'],
    ['Stop by our booth at the fair!', 'neutral'],
    ['Your email went to my spam folder, what is this about?', 'neutral'],
    ["I'll pass this along to our controller.", 'neutral'],
    // Asked in German, French or Spanish to be taken off the list: a stop, never a mere no.
    ['Danke, kein Interesse. Bitte nehmen Sie mich aus dem Verteiler.', 'unsubscribe'],
    ['Bitte kontaktieren Sie mich nicht mehr.', 'unsubscribe'],
    ['Bitte nicht mehr kontaktieren.', 'unsubscribe'],
    ['Merci de ne plus me contacter.', 'unsubscribe'],
    ['Retirez-moi de votre liste, svp.', 'unsubscribe'],
    ['Por favor, no me contacten más.', 'unsubscribe'],
    ["Je suis absente jusqu'au 5 décembre.", 'out-of-office'],
    ['Ich bin bis 12.12. im Urlaub.', 'out-of-office'],
    ['Estoy de vacaciones hasta el lunes.', 'out-of-office'],
  ])('%j is %s', (text, category) => {
    expect(classifyReply(text, { received: '2026-01-14' }).category).toBe(category);
  });

  it('reads a negated interest as a no, and a negated ask as nothing', () => {
    expect(classifyReply("I don't think this is a fit for us.").category).toBe('negative');
    expect(classifyReply('No need to send more material — just book a call.').category).toBe('positive');
    expect(classifyReply('We will not revisit this.')).toMatchObject({ category: 'negative', matched: ['not … revisit'] });
  });

  it('weighs mixed signals by the stated priority', () => {
    // A stop request outweighs interest; an auto-reply outweighs both; a later outweighs a no; a no outweighs a yes.
    expect(classifyReply('Sounds interesting, but please remove me from this list.')).toMatchObject({ category: 'unsubscribe', confidence: 0.5 });
    expect(classifyReply("I'm on leave until 9 March. Sounds interesting!", { received: '2026-03-02' })).toMatchObject({ category: 'out-of-office', returns: '2026-03-09' });
    expect(classifyReply('Not interested right now, but check in next year.', { received: '2026-05-20' })).toMatchObject({ category: 'nurture', revisit: '2027-01-01' });
    expect(classifyReply('Sounds great in theory, but not interested.').category).toBe('negative');
    // "Not now" with a yes for a day this week is a yes; for a time further out it is a later.
    expect(classifyReply('Not now, call me tomorrow.', { received: '2026-05-20' }).category).toBe('positive');
    expect(classifyReply("Let's talk in Q3.", { received: '2026-01-14' })).toMatchObject({ category: 'nurture', revisit: '2026-07-01' });
    expect(classifyReply("Don't contact me until after the holidays.", { received: '2026-12-11' })).toMatchObject({ category: 'nurture', revisit: '2027-01-04' });
  });

  it('says why, with the phrases and where the date came from', () => {
    expect(classifyReply('Not now, maybe next quarter.', { received: '2026-01-14' })).toEqual({
      category: 'nurture',
      confidence: 0.7,
      matched: ['not now'],
      revisit: '2026-04-01',
      returns: null,
      dateFrom: 'next quarter',
      reason: 'nurture: a no to the timing, not to the offer: contact again later ("not now"); revisit 2026-04-01 from "next quarter" (the first day of the next quarter)',
    });
    expect(classifyReply('Not at this time.', { received: '2026-06-11' })).toMatchObject({ revisit: '2026-09-09', dateFrom: null, reason: expect.stringContaining('no date in the reply: revisit 90 days after it, 2026-09-09') });
    expect(classifyReply('Out of office, no access to email.', { received: '2026-06-11' })).toMatchObject({ category: 'out-of-office', returns: null, reason: expect.stringContaining('no return date given') });
    // One of a unit is said in the singular, as months and years are.
    expect(classifyReply('Not now, try me again in 1 week.', { received: '2026-06-11' })).toMatchObject({ revisit: '2026-06-18', reason: expect.stringContaining('(1 week after the reply)') });
    expect(classifyReply('Not now, try me again in 1 day.', { received: '2026-06-11' }).reason).not.toMatch(/\b1 days\b/);
    // Without the reply's date nothing relative can be computed: no date is given.
    expect(classifyReply('Not now, maybe next quarter.')).toMatchObject({ category: 'nurture', revisit: null });
  });
});

describe('dates in a reply', () => {
  const revisit = (text: string, received: string): string | null => classifyReply(text, { received }).revisit;
  const returns = (text: string, received: string): string | null => classifyReply(text, { received }).returns;

  it.each([
    ['Not now, maybe next quarter.', '2026-11-13', '2027-01-01'],
    ['Circle back in Q3.', '2026-08-19', '2027-07-01'],
    ['Reach out in January.', '2026-01-14', '2027-01-01'],
    ['Reach out in March.', '2026-01-14', '2026-03-01'],
    ['Circle back mid-February.', '2026-01-14', '2026-02-15'],
    ['Circle back at the end of February.', '2028-01-14', '2028-02-29'],
    ['Try me again in 3 months.', '2026-01-31', '2026-04-30'],
    ['Ping me in two weeks.', '2026-12-22', '2027-01-05'],
    ['Follow up in a couple of months.', '2026-09-30', '2026-11-30'],
    ['Let’s reconnect after the holidays.', '2026-12-11', '2027-01-04'],
    ['Let’s reconnect after the holidays.', '2027-12-11', '2028-01-03'],
    ['Please get back to me after the summer.', '2026-06-11', '2026-09-01'],
    ['Not this quarter.', '2026-05-20', '2026-07-01'],
    ['Maybe later this year.', '2026-03-02', '2026-05-31'],
    ['Could you follow up after Easter?', '2026-02-10', '2026-04-06'],
    ['Ask me again after our year closes in June.', '2026-03-27', '2026-07-01'],
    ['Not now. Reach out in 2027.', '2026-07-08', '2027-01-01'],
  ])('%j received %s: revisit %s', (text, received, expected) => {
    expect(revisit(text, received)).toBe(expected);
  });

  it.each([
    ['Out of office, back on 12 January.', '2026-12-22', '2027-01-12'],
    ["I'm on annual leave, returning on Monday 5th.", '2026-09-28', '2026-10-05'],
    ['I am out of the office until 2026-12-03.', '2026-11-27', '2026-12-03'],
    ['Out of office — back Monday.', '2026-06-11', '2026-06-15'],
    ['Out of office — back Monday.', '2026-06-15', '2026-06-22'],
    ['OOO until 24/12.', '2026-12-01', '2026-12-24'],
    ['OOO until 5/7.', '2026-06-01', null],
    ['Out of office 22 December through 2 January.', '2026-12-18', '2027-01-03'],
    ['Out of office December 24 - January 2.', '2026-12-18', '2027-01-03'],
    ['Automatische Antwort: ab dem 12.01.2027 wieder im Büro.', '2026-12-22', '2027-01-12'],
    ["I'm out on Friday and will reply on Monday.", '2026-11-13', '2026-11-16'],
    ['On leave until 23/08, back the following Monday.', '2026-08-10', '2026-08-24'],
    ['Out of office until July 20th.', '2026-07-08', '2026-07-20'],
    ['Out sick, back tomorrow.', '2026-02-28', '2026-03-01'],
  ])('%j received %s: back %s', (text, received, expected) => {
    expect(returns(text, received)).toBe(expected);
  });

  it('reads weekdays and months only where they are dates', () => {
    expect(datesIn('You may call me; we sat down yesterday.', '2026-01-14')).toEqual([]);
    expect(datesIn('Available Wed?', '2026-01-14').map((d) => d.date)).toEqual(['2026-01-21']);
    expect(datesIn('24/7 support and the Money20/20 booth', '2026-01-14')).toEqual([]);
  });
});

describe('the words of a reply', () => {
  it.each([
    ['Yes.\n\nOn Mon, 12 Jan 2026 at 09:14, Sam Reed <\nsam@x.example> wrote:\n> interested?', 'Yes.'],
    ['Oui.\n\nLe lun. 6 juil. 2026 à 09:14, Sam <sam@x.example> a écrit :\n> Bonjour', 'Oui.'],
    ['Ja.\n\nAm 12.01.2026 um 09:14 schrieb Sam <sam@x.example>:\n> Hallo', 'Ja.'],
    ['No thanks.\n\n-----Original Message-----\nFrom: Sam', 'No thanks.'],
    ['Sure.\n\nFrom: Sam Reed <sam@x.example>\nSent: Tuesday\nSubject: Hi', 'Sure.'],
    ['Hi Sam,\n\nLet us talk.\n\nBest,\nPriya', 'Let us talk.'],
    ['Sounds good.\n\nJane Doe | Controller | Brightline\nOut of office on Fridays.', 'Sounds good.'],
    ['Forwarding to Ravi.\n\nDr. Helen Park\nCFO\nYes Payments Ltd.', 'Forwarding to Ravi.'],
    ['Yes.\n--\nRobert Lang\nIf you are not the intended recipient, please delete this.', 'Yes.'],
    ['UNSUBSCRIBE\n\nSent from my iPhone', 'UNSUBSCRIBE'],
    ['Hallo,\nbitte entfernen Sie mich.', 'bitte entfernen Sie mich.'],
  ])('%j reads as %j', (text, expected) => {
    expect(replyText(text)).toBe(expected);
  });
});

describe('sequences: paused until a return date', () => {
  const five: Touch[] = [0, 3, 7, 14, 21].map((day, i) => ({ day, channel: 'email', template: `cold-${i + 1}` }));
  const ada = (extra: Partial<SequenceProspect>): SequenceProspect => ({ name: 'Ada', email: 'ada@x.example', company: 'X', status: 'active', touches_done: 1, ...extra });
  const dueOn = (today: string, prospect: SequenceProspect) =>
    dueTouches({ campaign: 'c', touches: five, start: '2026-01-01', prospects: [prospect], suppressed: new Set(), today }).map((d) => [d.touch, d.due, d.overdue]);

  it('lists nothing before the return date', () => {
    // Touch 2 was planned for Jan 4; the prospect is away until Jan 12.
    expect(dueOn('2026-01-04', ada({ paused_until: '2026-01-12' }))).toEqual([]);
    expect(dueOn('2026-01-11', ada({ paused_until: '2026-01-12' }))).toEqual([]);
  });

  it('sends the furthest touch planned during the absence on the return date, skipping the earlier ones', () => {
    // Touches 2 (Jan 4) and 3 (Jan 8) fell in the absence: touch 3 is due on Jan 12, touch 2 is skipped.
    expect(dueOn('2026-01-12', ada({ paused_until: '2026-01-12' }))).toEqual([[3, '2026-01-12', false]]);
    expect(dueOn('2026-01-13', ada({ paused_until: '2026-01-12' }))).toEqual([[3, '2026-01-12', true]]);
    // Once touch 3 is done, touch 4 keeps its own date.
    expect(dueOn('2026-01-15', ada({ paused_until: '2026-01-12', touches_done: 3 }))).toEqual([[4, '2026-01-15', false]]);
  });

  it('sends touch 1 on the return date to a prospect who was sent nothing yet, never a follow-up', () => {
    // Touches 1 (Jan 1), 2 (Jan 4) and 3 (Jan 8) fell in the absence, none of them sent.
    expect(dueOn('2026-01-11', ada({ paused_until: '2026-01-12', touches_done: 0 }))).toEqual([]);
    expect(dueOn('2026-01-12', ada({ paused_until: '2026-01-12', touches_done: 0 }))).toEqual([[1, '2026-01-12', false]]);
    expect(dueOn('2026-01-12', ada({ paused_until: '2026-01-12', touches_done: undefined }))).toEqual([[1, '2026-01-12', false]]);
  });

  it('leaves touches planned after the return date alone, and ignores a date that is not one', () => {
    expect(dueOn('2026-01-04', ada({ paused_until: '2026-01-03' }))).toEqual([[2, '2026-01-04', false]]);
    expect(dueOn('2026-01-04', ada({ paused_until: 'next week' }))).toEqual([[2, '2026-01-04', false]]);
  });
});

describe('the company domain of an address', () => {
  it.each([
    ['ada@Northwind.example', 'northwind.example'],
    ['grace@mail.cobol.co.uk', 'mail.cobol.co.uk'],
    ['someone@gmail.com', null],
    ['someone@GMX.de', null],
    ['not-an-address', null],
  ])('%s → %s', (email, domain) => {
    expect(companyDomain(email)).toBe(domain);
  });
});
