import { describe, expect, it } from 'vitest';
import { classifyReply } from '../src/outreach/index.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * An out-of-office reply that names its return and another, later date (a deadline, "urgent
 * before"): the return is the date a return word names, in every language the classifier
 * reads, not the latest date in the reply.
 */
describe('the return date of an out-of-office reply in every language', () => {
  it.each([
    ['Estoy de vacaciones hasta el 8 de enero. Si es urgente antes del 15 de enero, escriba a ana@example.com.', '2027-01-08'],
    ['Je suis en congé, de retour le 5 janvier. Pour la clôture du 31 janvier, contactez Paul.', '2027-01-05'],
    ['Sono in ferie, rientro il 7 gennaio. Per le scadenze del 20 gennaio scrivete a Luca.', '2027-01-07'],
    ['Ik ben met vakantie en ben terug op 6 januari. Facturen voor 31 januari graag naar Piet.', '2027-01-06'],
    ['Estou de férias, volto dia 7 de janeiro. Para o fecho de 31 de janeiro, fale com a Ana.', '2027-01-07'],
    ['Jestem na urlopie do 7 stycznia. Sprawy z terminem 31 stycznia proszę kierować do Anny.', '2027-01-07'],
    ['Jag är på semester och är tillbaka 7 januari. Frågor om bokslutet 31 januari till Per.', '2027-01-07'],
    ['Ich bin im Urlaub und am 7. Januar zurück. Für den Abschluss am 31. Januar wenden Sie sich an Petra.', '2027-01-07'],
    ['我正在休假，1月4日返回办公室。1月20日前如有急事请联系李明。', '2027-01-04'],
    ['休暇中のため、1月6日に戻ります。1月31日締めの件は山田までご連絡ください。', '2027-01-06'],
    ['휴가 중입니다. 1월 5일에 복귀합니다. 1월 31일 마감 건은 김민수에게 연락 주세요.', '2027-01-05'],
  ])('%j is back %s', (text, returns) => {
    expect(classifyReply(text, { received: '2026-12-18' })).toMatchObject({ category: 'out-of-office', returns });
  });

  it('records a Chinese auto-reply as back on the day it names, not the later deadline (built CLI)', async () => {
    const dir = await campaignWithProspect();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'year-end campaign at Stage 5');
    const run = await runJson<{ classification: { category: string; returns: string | null } }>(
      ['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', '我正在休假，1月4日返回办公室。1月20日前如有急事请联系李明。', '--date', '2026-11-30', '--dir', dir],
      { env: ENV },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.classification, JSON.stringify(run.json)).toMatchObject({ category: 'out-of-office', returns: '2027-01-04' });
  });
});
