import { STAGE_FILES } from '../schema/names.js';
import { canvasPath, LAYOUT, SUPPRESSION_FILE } from '../workspace/layout.js';

/**
 * Every source file a campaign's drafts are made from, whether or not it exists: Stage 5
 * (the sequence, the prospects and their companies), the campaign's `meta.json` (its id and
 * segment), the segments (the segment's name, pains and triggers), the canvas sections the
 * messages quote (the problem, the value proposition, the price of a pilot, the validated
 * assumptions as proof), the config (the company's name) and the suppression list (who gets
 * none). An uncommitted edit of any of them goes into the drafts' commit and is named as
 * what they are made from: drafts in history without the edit behind them read as made
 * from nothing (a prospect left out with no entry saying why).
 */
export function draftSources(campaignPath: string): string[] {
  return [
    `${campaignPath}/${STAGE_FILES[4]}`,
    `${campaignPath}/meta.json`,
    canvasPath('04-segments'),
    canvasPath('05-problem'),
    canvasPath('07-uvp'),
    canvasPath('10-assumptions'),
    canvasPath('11-pricing'),
    LAYOUT.config,
    SUPPRESSION_FILE,
  ];
}
