import Decimal from "decimal.js";
import fc from "fast-check";
import { compare, eq, gt, gte, lt, lte, smallInteger } from "./compare";

/** Decimals of every shape: zero and −0, tiny and huge exponents, long digit runs, both signs. */
const decimal = fc.oneof(
  fc.constantFrom("0", "-0", "1", "-1", "10000000", "9999999", "0.0000001", "1e-30", "-1e30", "123456789.123456789"),
  fc
    .tuple(fc.constantFrom("", "-"), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: -40, max: 40 }))
    .map(([sign, digits, exponent]) => `${sign}${digits}e${exponent}`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
).map((text) => new Decimal(text));

describe("compare", () => {
  it("orders Decimals exactly as decimal.js does", () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compare(a, b)).toBe(a.cmp(b));
        expect(compare(a, new Decimal(a))).toBe(0);
      }),
      { numRuns: 5_000 },
    );
  });

  it("orders values that differ only in a late digit group or in length", () => {
    const cases: [string, string, number][] = [
      ["1.00000001", "1.00000002", -1],
      ["1.1", "1.10000000000001", -1],
      ["-1.1", "-1.10000000000001", 1],
      ["2.35", "2.350", 0],
      ["0", "-0", 0],
      ["-0.5", "0", -1],
      ["100", "99.9999999999", 1],
    ];
    for (const [a, b, expected] of cases) expect(compare(new Decimal(a), new Decimal(b))).toBe(expected);
  });

  it("leaves NaN and infinities to decimal.js", () => {
    const [nan, inf, one] = [new Decimal(NaN), new Decimal(Infinity), new Decimal(1)];
    expect(compare(nan, one)).toBeNaN();
    expect(compare(inf, one)).toBe(1);
    expect(compare(one, inf.neg())).toBe(1);
  });

  it("gives the relations their usual meaning", () => {
    const [a, b] = [new Decimal("2.68"), new Decimal("2.7")];
    expect([gt(a, b), gte(a, b), lt(a, b), lte(a, b), eq(a, b)]).toEqual([false, false, true, true, false]);
    expect([gte(a, a), lte(a, a), eq(a, new Decimal("2.680"))]).toEqual([true, true, true]);
  });
});

describe("smallInteger", () => {
  it("reads whole numbers below 10^7 and nothing else", () => {
    const integer = fc.integer({ min: -20_000_000, max: 20_000_000 }).map((n) => new Decimal(n));
    fc.assert(
      fc.property(fc.oneof(decimal, integer), (a) => {
        const small = a.isInteger() && a.abs().lt(1e7);
        expect(smallInteger(a)).toBe(small ? a.toNumber() : null);
      }),
      { numRuns: 5_000 },
    );
    expect([smallInteger(new Decimal("9999999")), smallInteger(new Decimal("-50")), smallInteger(new Decimal("5.0"))]).toEqual([9999999, -50, 5]);
    expect([smallInteger(new Decimal("10000000")), smallInteger(new Decimal("0.5")), smallInteger(new Decimal(NaN))]).toEqual([null, null, null]);
  });
});
