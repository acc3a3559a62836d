/** How the pane shows a decimal from the core in the format its cell will get. */
import Decimal from "decimal.js";

/** "0.9567" with "0.00%" → "95.67%"; "2.35" with "0.00" → "2.35". A value that is not a number is shown as it is. */
export function showValue(value: string, numFmt: string): string {
  let number: Decimal;
  try {
    number = new Decimal(value);
  } catch {
    return value;
  }
  const percent = numFmt.endsWith("%");
  const places = numFmt.includes(".") ? numFmt.replace("%", "").split(".")[1].length : 0;
  return percent ? `${number.times(100).toFixed(places, Decimal.ROUND_HALF_UP)}%` : number.toFixed(places, Decimal.ROUND_HALF_UP);
}
