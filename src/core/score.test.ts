import Decimal from "decimal.js";
import fc from "fast-check";
import { sumOf } from "./score";

/** Plain left-to-right addition: what sumOf must agree with. */
const added = (values: Decimal[]) => values.reduce((total, v) => total.plus(v), new Decimal(0));

const scoreText = fc
  .tuple(fc.constantFrom("", "-"), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9999 }))
  .map(([sign, whole, fraction]) => `${sign}${whole}.${String(fraction).padStart(4, "0")}`);

describe("sumOf", () => {
  it("is 0 for nothing and the value itself for one", () => {
    expect(sumOf([]).toFixed()).toBe("0");
    expect(sumOf([new Decimal("2.35")]).toFixed()).toBe("2.35");
  });

  it("adds shared and distinct Decimals exactly as plain addition does", () => {
    fc.assert(
      fc.property(fc.array(scoreText, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 300 }), (pool, picks) => {
        // The same Decimal object many times, as a column of cached cell numbers holds it.
        const shared = pool.map((text) => new Decimal(text));
        const values = picks.map((i) => shared[i % shared.length]).concat(pool.map((text) => new Decimal(text)));
        expect(sumOf(values).eq(added(values))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("sums more terms than fit in one call's arguments", () => {
    const values = Array.from({ length: 25_000 }, (_, i) => new Decimal(i).div(100));
    expect(sumOf(values).toFixed()).toBe("3124875");
  });
});
