/**
 * Fisher's exact test of a 2 × 2 table, two-sided, as R's `fisher.test` computes it:
 * with the margins fixed, the top-left cell follows a hypergeometric distribution; the
 * p-value sums the probabilities of every table no more likely than the observed one,
 * "no more likely" meaning d ≤ d_observed × (1 + 10⁻⁷) so that ties lost to rounding
 * still count.
 *
 *            success  failure
 *   group 1     a        b
 *   group 2     c        d
 */
export function fisherExact(a: number, b: number, c: number, d: number): { p: number } {
  for (const v of [a, b, c, d]) if (!(Number.isInteger(v) && v >= 0)) throw new RangeError('fisherExact: cells must be non-negative integers');
  const m = a + c; // successes (first column)
  const n = b + d; // failures
  const k = a + b; // group 1
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  // log d(x) up to a constant, by the ratio d(x+1)/d(x) = (m − x)(k − x) / ((x + 1)(n − k + x + 1)).
  const logs: number[] = [0];
  for (let x = lo; x < hi; x++) logs.push(logs[logs.length - 1]! + Math.log(((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1))));
  const top = Math.max(...logs);
  const dens = logs.map((l) => Math.exp(l - top));
  const total = dens.reduce((s, v) => s + v, 0);
  const observed = dens[a - lo]!;
  const limit = observed * (1 + 1e-7);
  let sum = 0;
  for (const v of dens) if (v <= limit) sum += v;
  return { p: Math.min(1, sum / total) };
}
