import { canvasPath } from '../workspace/layout.js';

/**
 * What to do about an amount written in another currency than the workspace counts in:
 * write it in the workspace's — or, when it is the workspace that counts in the wrong one,
 * say so in 11-pricing. A new workspace counts USD until 11-pricing names another, so a
 * founder who writes every amount in euros was told "Write the amount in USD", sent to
 * convert each deal when one line of the canvas was what needed changing.
 */
export function currencyRemedy(workspace: string, written: string): string {
  return `Write the amount in ${workspace}, or, if the workspace counts in ${written}, set \`currency: ${written}\` in ${canvasPath('11-pricing')}`;
}
