/**
 * What a recorded 等次 says, written the way templates print it: the option ticked in a box list
 * (优☑ 良□ 中□ 差□, ■优 □良, 优（√）良（ ）, √优 良 中 差), or the grade word with what units put
 * around it (“优”, 优。, 优秀（90-100分）, 优（自评）, 等级：优, 评定为优, 优等, 优级, 优秀等次).
 */

/** Wordings of one grade level across localities: 优 and 优秀 say the same. */
export const GRADE_SYNONYMS: readonly (readonly string[])[] = [
  ["优", "优秀"],
  ["良", "良好"],
  ["中", "一般", "合格"],
  ["差", "较差", "不合格"],
];

/**
 * A recorded grade read: the `grade` it names (its text, cleaned, when no known grade word: a
 * wrong one is still named as written), `unticked` for a box list with nothing ticked (no grade
 * recorded yet), or the `ticked` options when more than one is.
 */
export type GradeReading = { kind: "grade"; grade: string } | { kind: "unticked" } | { kind: "ticked"; grades: string[] };

const TICKED = "☑✓✔√■●";
const UNTICKED = "□☐○";
const MARKS = TICKED + UNTICKED;
const MARK_SPLIT = new RegExp(`([${MARKS}])`);

/**
 * Reads `recorded` against the grade words `labels` (the profile's) and their synonyms. White
 * space and the kind of brackets and colon do not count.
 */
export function readGrade(recorded: string, labels: readonly string[]): GradeReading {
  const vocabulary = [...new Set([...labels, ...GRADE_SYNONYMS.flat()])].sort((a, b) => b.length - a.length);
  const text = recorded.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":");
  // A box after a word is written 优（√） or 优（ ）: as ☑ and □.
  const boxed = text.replace(/\([√✓✔]\)/g, "☑").replace(/\(\)/g, "□");
  const options = MARK_SPLIT.test(boxed) ? boxOptions(boxed.replace(/\([^()]*\)/g, ""), vocabulary) : null;
  if (options) {
    const ticked = options.filter((o) => o.mark !== null && TICKED.includes(o.mark)).map((o) => o.word);
    if (ticked.length === 0) return { kind: "unticked" };
    return ticked.length === 1 ? { kind: "grade", grade: ticked[0] } : { kind: "ticked", grades: ticked };
  }
  return { kind: "grade", grade: gradeWord(text, vocabulary) };
}

/** Whether `text` reads as a grade of the 优/良/中/差 scale: 优, 良好, 优☑ 良□ …, not a sentence. */
export function isGradeText(text: string): boolean {
  const reading = readGrade(text, []);
  return reading.kind !== "grade" || GRADE_SYNONYMS.some((group) => group.includes(reading.grade));
}

/**
 * The options of a box list, each word with the mark beside it (before the words when the list
 * starts with one, else after them); null when some part is no grade word, or a mark stands alone.
 */
function boxOptions(text: string, vocabulary: string[]): { word: string; mark: string | null }[] | null {
  const marksFirst = MARKS.includes(text[0]);
  const options: { word: string; mark: string | null }[] = [];
  let mark: string | null = null;
  for (const part of text.split(MARK_SPLIT)) {
    if (part === "") continue;
    if (MARKS.includes(part)) {
      if (marksFirst) {
        if (mark !== null) return null;
        mark = part;
        continue;
      }
      const last = options[options.length - 1];
      if (last === undefined || last.mark !== null) return null;
      last.mark = part;
      continue;
    }
    // Unmarked words run together after a mark: √优 良 中 差.
    const words = splitWords(part, vocabulary);
    if (words === null) return null;
    words.forEach((word, i) => options.push({ word, mark: i === 0 ? mark : null }));
    mark = null;
  }
  return mark === null && options.length > 0 ? options : null;
}

/** `text` as grade words one after another (longest first: 优秀 before 优), or null. */
function splitWords(text: string, vocabulary: string[]): string[] | null {
  const words: string[] = [];
  for (let at = 0; at < text.length; ) {
    const word = vocabulary.find((w) => text.startsWith(w, at));
    if (word === undefined) return null;
    words.push(word);
    at += word.length;
  }
  return words;
}

const QUOTES = /^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/g;
const TRAILING_PUNCTUATION = /[。.，,；;！!、]+$/;
/** A band or note after the word: 优秀(90-100分), 优(≥90), 优(自评). */
const TRAILING_NOTE = /\([^()]*\)$/;
/** A label before the word: 等级:优, 自评等次:优, 评定为优, 自评等级为优. */
const LEADING_LABEL = /^(?:(?:(?:自评|评价|综合评价|绩效)?(?:等级|等次|结果|结论)(?:评定)?)(?:为|:)?|(?:评定|认定|确定)?为|评定:?)/;
/** 优等, 优级, 优秀等次, 良好等级. */
const TRAILING_LEVEL = /(?:等次|等级|等|级)$/;

/** The grade word `text` names once what surrounds it is taken away (the text itself when nothing is left). */
function gradeWord(text: string, vocabulary: string[]): string {
  let word = text;
  for (let previous = ""; previous !== word; ) {
    previous = word;
    word = word.replace(QUOTES, "").replace(TRAILING_PUNCTUATION, "").replace(TRAILING_NOTE, "");
    const unlabelled = word.replace(LEADING_LABEL, "");
    if (unlabelled !== "") word = unlabelled;
  }
  if (vocabulary.includes(word)) return word;
  const bare = word.replace(TRAILING_LEVEL, "");
  return bare !== "" ? bare : word || text;
}
