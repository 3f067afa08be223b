/** The normal quantile of a two-sided 95% interval. */
const Z = 1.959963984540054;

/**
 * The lower bound of the Wilson score interval (95%) of the share of UP
 * votes: the share a comment's votes show at least, with 95% confidence,
 * so that 2 UP of 2 ranks below 90 UP of 100. 0 without votes, and with
 * only DOWN votes; never above upvotes / (upvotes + downvotes).
 */
export function wilsonLowerBound(upvotes: number, downvotes: number): number {
  // Exactly 0 without an UP vote: rounding would leave a few ulps either side, and set such comments apart.
  if (upvotes === 0) return 0;
  const n = upvotes + downvotes;
  const p = upvotes / n;
  const z2 = Z * Z;
  return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}
