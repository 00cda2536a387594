/**
 * A report's title naming the currency its amounts are in, `Pipeline (EUR)`: the amounts
 * themselves stay plain (`36,000`), as in the managed blocks sync writes, and the one
 * currency the workspace counts in (11-pricing `currency`) is said once, where the eye
 * starts reading.
 */
export function inCurrency(title: string, currency: string): string {
  return `${title} (${currency})`;
}
