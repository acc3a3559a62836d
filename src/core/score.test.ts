import Decimal from "decimal.js";
import fc from "fast-check";
import { agreesAsShown, decimalString, groupSums, roundHalfUp, sumOf } from "./score";
import { parseShownNumber } from "./values";

/**
 * The reference: the values added one by one at a precision wide enough for any two of them
 * (doubles reach 1e-324, the digit strings below 1e46), so exact, then rounded once to Decimal's
 * 20 significant digits. (Decimal.sum itself is not exact there: −10000000 + −5e-190 + 8999938 +
 * 10.01 + 51.9901 comes out …99990000000001.)
 */
const Wide = Decimal.clone({ precision: 1000 });
const reference = (values: Decimal[]): Decimal =>
  new Decimal(values.reduce((sum: Decimal, value) => sum.plus(value), new Wide(0))).toSignificantDigits(Decimal.precision, Decimal.rounding);

/** Numbers as cells and formulas give them: short scores, float noise, and wider than 20 digits. */
const decimalText = fc.oneof(
  fc
    .tuple(fc.constantFrom("", "-"), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9999 }))
    .map(([sign, whole, fraction]) => `${sign}${whole}.${String(fraction).padStart(4, "0")}`),
  // Not a fraction of exactly 15 digits: that is a cell's number cut from binary noise, summed
  // at 13 digits (its own test below).
  fc
    .double({ min: -1e6, max: 1e6, noNaN: true })
    .map(String)
    .filter((text) => {
      const value = new Decimal(text);
      return !(value.precision() === 15 && value.decimalPlaces() > 0);
    }),
  // Whole numbers, most weights and scores, on both sides of the 10^7 that is added as plain numbers.
  fc.integer({ min: -2e7, max: 2e7 }).map(String),
  fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 25n }), fc.integer({ min: -30, max: 20 }))
    .map(([digits, exponent]) => `${digits}e${exponent}`),
);

/** Some distinct Decimals and many rows sharing them, as a column of cached cell numbers does. */
const column = fc
  .tuple(fc.array(decimalText, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 3000 }))
  .map(([pool, picks]) => {
    const shared = pool.map((text) => new Decimal(text));
    return picks.map((i) => shared[i % shared.length]).concat(pool.map((text) => new Decimal(text)));
  });

describe("sumOf", () => {
  it("is 0 for nothing and the value itself for one", () => {
    expect(sumOf([]).toFixed()).toBe("0");
    expect(sumOf([new Decimal("2.35")]).toFixed()).toBe("2.35");
  });

  it("equals decimal.js's sum of the same values, shared Decimals included", () => {
    fc.assert(
      fc.property(column, (values) => {
        expect(sumOf(values).toFixed()).toBe(reference(values).toFixed());
      }),
      { numRuns: 300 },
    );
  });

  it("multiplies a shared value by its count without rounding the product", () => {
    const a = new Decimal("9.0000000000000000007");
    expect(sumOf([a, a, new Decimal("1e-19")]).toFixed()).toBe("18.000000000000000002");
    const weight = new Decimal("43.770100312237645");
    const values = [...Array<Decimal>(2329).fill(weight), new Decimal("52.199401856847885")];
    expect(sumOf(values).toFixed()).toBe(reference(values).toFixed());
  });

  it("sums whole numbers exactly, however many", () => {
    const values = Array.from({ length: 100_000 }, (_, i) => new Decimal(9_999_999 - (i % 7)));
    expect(sumOf(values).toFixed()).toBe(reference(values).toFixed());
    expect(sumOf([new Decimal(5), new Decimal("-0"), new Decimal(-5)]).toFixed()).toBe("0");
  });

  it("sums more terms than fit in one call's arguments", () => {
    // Spread into one call, 250,000 arguments overflow the stack.
    const values = Array.from({ length: 250_000 }, (_, i) => new Decimal(i).div(100));
    expect(sumOf(values).toFixed()).toBe("312498750");
  });
});

describe("sums of cells' numbers cut from binary noise", () => {
  // As cells are read (parseShownNumber): =50/3 cached as 16.666666666666668 is 16.6666666666667.
  const third = parseShownNumber(50 / 3)!;

  it("adds up to what Excel shows, not to the cut digits' sum", () => {
    expect(third.toFixed()).toBe("16.6666666666667");
    expect(sumOf([third, third, third]).toFixed()).toBe("50");
    expect(sumOf([...Array<Decimal>(6).fill(third), new Decimal(10)]).toFixed()).toBe("110");
    const { sums, total } = groupSums([[third, third, third], [new Decimal("12.5"), new Decimal(15)], [third]]);
    expect(sums.map((s) => s.toFixed())).toEqual(["50", "27.5", "16.6666666666667"]);
    expect(total.toFixed()).toBe("94.166666666667");
    // Over 9 of them, to 13 digits: 30 thirds are 500.
    expect(sumOf(Array<Decimal>(30).fill(third)).toFixed()).toBe("500");
  });

  it("stays exact where no number was cut: typed weights of 16.67 add up to 50.01", () => {
    const typed = new Decimal("16.67");
    expect(sumOf([typed, typed, typed]).toFixed()).toBe("50.01");
    expect(sumOf([new Decimal("0.1234567890123"), new Decimal("1e-13")]).toFixed()).toBe("0.1234567890124");
    // A sum of 15 digits and more, of terms that were not cut, keeps every digit.
    expect(sumOf([new Decimal("0.12345678901234"), new Decimal("1e-15")]).toFixed()).toBe("0.123456789012341");
    expect(sumOf([new Decimal("0.12345678901234"), new Decimal("0.12345678901234"), new Decimal("1e-16")]).toFixed()).toBe("0.2469135780246801");
  });
});

describe("groupSums", () => {
  it("gives each group's sum, and a total that is the sum of all values rather than of the rounded sums", () => {
    fc.assert(
      fc.property(fc.array(column, { maxLength: 4 }), (groups) => {
        const { sums, total } = groupSums(groups);
        expect(sums.map((s) => s.toFixed())).toEqual(groups.map((g) => reference(g).toFixed()));
        expect(total.toFixed()).toBe(reference(groups.flat()).toFixed());
      }),
      { numRuns: 100 },
    );
    // Rounded per group first, the total would end …578.123.
    const { total } = groupSums([
      [new Decimal("12345678901234568"), new Decimal("0.12345678901234568")],
      [new Decimal("0.00049")],
    ]);
    expect(total.toFixed()).toBe("12345678901234568.124");
  });
});

describe("decimalString", () => {
  it("writes a Decimal without exponent or trailing zeros, the same text each time it is asked", () => {
    const cases: [string, string][] = [
      ["5", "5"],
      ["2.350", "2.35"],
      ["1e21", "1000000000000000000000"],
      ["-1.5e-7", "-0.00000015"],
      ["-0", "0"],
    ];
    for (const [value, text] of cases) {
      const decimal = new Decimal(value);
      expect([decimalString(decimal), decimalString(decimal)]).toEqual([text, text]);
    }
    expect(decimalString(null)).toBeNull();
  });
});

describe("roundHalfUp", () => {
  it("rounds half up at the places asked, and leaves a value with fewer places as it is", () => {
    expect(roundHalfUp(new Decimal("2.345"), 2).toFixed()).toBe("2.35");
    expect(roundHalfUp(new Decimal("-2.345"), 2).toFixed()).toBe("-2.35");
    expect(roundHalfUp(new Decimal("2.5"), 0).toFixed()).toBe("3");
    expect(roundHalfUp(new Decimal("2.344"), 2).toFixed()).toBe("2.34");
    const short = new Decimal("2.3");
    expect(roundHalfUp(short, 2)).toBe(short);
  });
});

describe("agreesAsShown", () => {
  const d = (n: number | string) => new Decimal(n);
  it("takes a value rounded half up, cut off, or rounded twice for the computed one, and a wrong one for wrong", () => {
    expect(agreesAsShown(d("0.33"), 2, d(1).div(3))).toBe(true);
    expect(agreesAsShown(d("0.4876"), 4, d("0.487657"))).toBe(true);
    // 10 × 97.45%, the rate as it shows, where exactly it is 97.445%: the score rounded twice.
    expect(agreesAsShown(d("9.75"), 2, d("9.7445"))).toBe(true);
    expect(agreesAsShown(d("3"), 0, d("2.35"))).toBe(false);
    expect(agreesAsShown(d("9"), 0, d("8.2"))).toBe(false);
    expect(agreesAsShown(d("0.4877"), 4, d("0.48751"))).toBe(false);
    // No rounding of 9 makes 9.1.
    expect(agreesAsShown(d("9.1"), 1, d("9"))).toBe(false);
  });

  it("takes a formula's cached double for its exact result even where rounding to 15 digits first moves the last shown digit", () => {
    // =D2/C2 with 1,145,037.34 spent of 763,358.23: Excel caches 1.4999999934499955; exactly it is
    // 1.49999999344999529…; shown to 10 decimals the first reads …935 through its 15 digits, the second …934.
    const exact = d("1145037.34").div("763358.23");
    expect(agreesAsShown(d(1145037.34 / 763358.23), 10, exact)).toBe(true);
    // A value that differs in its 15 significant digits is a real difference.
    expect(agreesAsShown(d("1.49999999356"), 10, exact)).toBe(false);
  });
});
