import { describe, expect, it } from 'vitest';
import { classifyReply, datesIn } from '../src/outreach/index.js';
import { runJson } from './helpers/cli.js';
import { git } from './helpers/git.js';
import { CAMPAIGN, campaignWithProspect, ENV } from './helpers/year-end-campaign.js';

/*
 * "In two weeks" in the other languages: counts spelled out (one to twelve, a few, half),
 * Polish "za miesiąc", Korean native and Sino-Korean numbers, fortnights, the week and
 * month after next and next quarter. Received 2026-12-07, a Monday.
 */
describe('counted dates in every language the classifier reads', () => {
  it.each([
    ['za dwa tygodnie', '2026-12-21'],
    ['za pięć tygodni', '2027-01-11'],
    ['za miesiąc', '2027-01-07'],
    ['za pół roku', '2027-06-07'],
    ['in zwei Wochen', '2026-12-21'],
    ['in einem Monat', '2027-01-07'],
    ['in einem halben Jahr', '2027-06-07'],
    ['in 14 Tagen', '2026-12-21'],
    ['dans trois mois', '2027-03-07'],
    ['dans quinze jours', '2026-12-21'],
    ["d'ici deux semaines", '2026-12-21'],
    ['en dos semanas', '2026-12-21'],
    ['en unas dos semanas', '2026-12-21'],
    ['dentro de un mes', '2027-01-07'],
    ['tra due settimane', '2026-12-21'],
    ['fra sei mesi', '2027-06-07'],
    ['over twee weken', '2026-12-21'],
    ['over een maand', '2027-01-07'],
    ['daqui a duas semanas', '2026-12-21'],
    ['em três meses', '2027-03-07'],
    ['om två veckor', '2026-12-21'],
    ['om ett halvår', '2027-06-07'],
    ['in a fortnight', '2026-12-21'],
    ["in a fortnight's time", '2026-12-21'],
    ['두 달 후', '2027-02-07'],
    ['세 주 뒤', '2026-12-28'],
    ['한 달 뒤', '2027-01-07'],
    ['일주일 후', '2026-12-14'],
    ['반년 후', '2027-06-07'],
    ['보름 후', '2026-12-21'],
    ['半年后', '2027-06-07'],
    ['1年後', '2027-12-07'],
    ['过两个月再联系', '2027-02-07'],
    ['再来週', '2026-12-21'],
    ['下下周', '2026-12-21'],
    ['다다음 주', '2026-12-21'],
    ['nächstes Quartal', '2027-01-01'],
    ['le trimestre prochain', '2027-01-01'],
    ['el próximo trimestre', '2027-01-01'],
    ['il prossimo trimestre', '2027-01-01'],
    ['volgend kwartaal', '2027-01-01'],
    ['w przyszłym kwartale', '2027-01-01'],
    ['nästa kvartal', '2027-01-01'],
    ['下个季度', '2027-01-01'],
    ['다음 분기', '2027-01-01'],
    ['下半年', '2027-07-01'],
  ])('%j gives %s', (text, date) => {
    expect(datesIn(text, '2026-12-07').map((d) => d.date)).toEqual([date]);
  });

  it.each([['en semana santa'], ['这三个月很忙'], ['2027年以后'], ['in drei'], ['Dziękuję za rok współpracy'], ['dzięki za dwa tygodnie testów']])('reads no count in %j', (text) => {
    expect(datesIn(text, '2026-12-07').filter((d) => d.rule.includes('after the reply'))).toEqual([]);
  });

  it('Polish and Korean "not now, in N weeks/months" revisit then, not 90 days on (built CLI)', async () => {
    expect(classifyReply('Nie teraz, odezwij się za dwa tygodnie.', { received: '2026-12-07' })).toMatchObject({ category: 'nurture', revisit: '2026-12-21' });
    const dir = await campaignWithProspect();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'year-end campaign at Stage 5');
    const run = await runJson<{ classification: { category: string; revisit: string | null } }>(
      ['campaign', 'reply', CAMPAIGN, 'dana@northwind-pay.com', '--text', '지금은 어렵습니다. 두 달 후에 다시 연락 주세요.', '--date', '2026-11-30', '--dir', dir],
      { env: ENV },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.json.classification, JSON.stringify(run.json)).toMatchObject({ category: 'nurture', revisit: '2027-01-30' });
  });
});
