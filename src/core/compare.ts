/**
 * Comparisons of two Decimals. decimal.js copies its argument into a new Decimal on every
 * comparison (`x.gt(y)` runs `new Decimal(y)`, digits array included); at several comparisons
 * per indicator row that copying was a tenth of the core's time. These read the same documented,
 * read-only fields (`d` digits in base 1e7, `e` exponent, `s` sign) and copy nothing.
 */
import Decimal from "decimal.js";

/** −1, 0 or 1 as a is below, equal to or above b; NaN and ±Infinity go through decimal.js. */
export function compare(a: Decimal, b: Decimal): number {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.cmp(b);
  // Zero is the one value whose first digit group is 0.
  if (!ad[0] || !bd[0]) return ad[0] ? a.s : bd[0] ? -b.s : 0;
  if (a.s !== b.s) return a.s;
  // Same sign from here: a larger magnitude is above for positives, below for negatives.
  const sign = a.s;
  if (a.e !== b.e) return a.e > b.e ? sign : -sign;
  const shorter = Math.min(ad.length, bd.length);
  for (let i = 0; i < shorter; i++) {
    if (ad[i] !== bd[i]) return ad[i] > bd[i] ? sign : -sign;
  }
  // Trailing zero groups are never stored: more groups means more digits that are not zero.
  return ad.length === bd.length ? 0 : ad.length > bd.length ? sign : -sign;
}

export const gt = (a: Decimal, b: Decimal): boolean => compare(a, b) > 0;
export const gte = (a: Decimal, b: Decimal): boolean => compare(a, b) >= 0;
export const lt = (a: Decimal, b: Decimal): boolean => compare(a, b) < 0;
export const lte = (a: Decimal, b: Decimal): boolean => compare(a, b) <= 0;
export const eq = (a: Decimal, b: Decimal): boolean => compare(a, b) === 0;

/**
 * A whole number below 10^7 in magnitude as a JS number (exactly), else null: such a Decimal is
 * one digit group holding the number itself, at an exponent of 0 to 6 (50: d [50], e 1).
 */
export function smallInteger(a: Decimal): number | null {
  const d = a.d;
  return d && d.length === 1 && a.e >= 0 && a.e < 7 ? a.s * d[0] : null;
}
