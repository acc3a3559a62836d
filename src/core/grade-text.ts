/**
 * What a recorded 等次 says, written the way templates print it: the option ticked in a box list
 * (优☑ 良□ 中□ 差□, ■优 □良, 优（√）良（ ）, √优 良 中 差), or the grade word with what units put
 * around it (“优”, 优。, 优秀（90-100分）, 优（自评）, 等级：优, 评定为优, 优等, 优级, 优秀等次).
 */

import { memoisedText } from "./memo";

/** Wordings of one grade level across localities: 优 and 优秀 say the same. */
export const GRADE_SYNONYMS: readonly (readonly string[])[] = [
  ["优", "优秀"],
  ["良", "良好"],
  ["中", "一般", "合格"],
  ["差", "较差", "不合格"],
];

/**
 * A recorded grade read: the `grade` it names (its text, cleaned, when no known grade word: a
 * wrong one is still named as written), `unticked` for a list of the options with none chosen
 * (优□ 良□ 中□ 差□, or the template's 优 良 中 差 as printed: no grade recorded yet), or the
 * `ticked` options when more than one is.
 */
export type GradeReading = { kind: "grade"; grade: string } | { kind: "unticked" } | { kind: "ticked"; grades: string[] };

// ☒ is Word's ticked check box (☐ unticked).
const TICKED = "☑✓✔√■●☒";
const UNTICKED = "□☐○";
const MARKS = TICKED + UNTICKED;

/**
 * Reads `recorded` against the grade words `labels` (the profile's) and their synonyms. The kind
 * of brackets and colon does not count, nor white space but between a mark and the words.
 */
export function readGrade(recorded: string, labels: readonly string[]): GradeReading {
  const vocabulary = [...new Set([...labels, ...GRADE_SYNONYMS.flat()])].sort((a, b) => b.length - a.length);
  const text = recorded.trim().replace(/[\s\u3000]+/g, " ").replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":");
  // A box after a word is written 优（√） or 优（ ）: as ☑ and □; a band beside an option (优（90分以上）□) says nothing.
  const boxed = text.replace(/\( ?[√✓✔] ?\)/g, "☑").replace(/\( ?\)/g, "□").replace(/\([^()]*\)/g, "");
  const options = listedOptions(boxed, vocabulary);
  if (options) {
    const ticked = options.filter((o) => o.mark !== null && TICKED.includes(o.mark)).map((o) => o.word);
    if (ticked.length === 0) return { kind: "unticked" };
    return ticked.length === 1 ? { kind: "grade", grade: ticked[0] } : { kind: "ticked", grades: ticked };
  }
  // The scale printed where the grade goes (90分以上为优，80-90分为良，60-80分为中…): none chosen.
  // Not what brackets add to a grade (良（经评价中心复核，优秀率不足）).
  if (GRADE_SYNONYMS.filter((group) => group.some((word) => boxed.includes(word))).length >= 3) return { kind: "unticked" };
  const word = gradeWord(text.replace(/ /g, ""), vocabulary);
  if (vocabulary.includes(word)) return { kind: "grade", grade: word };
  // A grade followed by a sentence (优。项目全面完成年度目标。): the grade its first clause names.
  const clause = FIRST_CLAUSE.exec(text)?.[1];
  const clauseWord = clause === undefined ? undefined : gradeWord(clause.replace(/ /g, ""), vocabulary);
  return { kind: "grade", grade: clauseWord !== undefined && vocabulary.includes(clauseWord) ? clauseWord : word };
}

/** A text's first clause, when a sentence follows it: 优 of 优。项目全面完成年度目标。 */
const FIRST_CLAUSE = /^([^。；;，,！!]+)[。；;，,！!]\s*[^。；;，,！!\s]/;

/**
 * Whether `text` reads as a grade of the 优/良/中/差 scale: 优, 良好, 优☑ 良□ …, not a sentence.
 * Memoised: detection asks it of the labelled cells of every sheet, and forms repeat them.
 */
export const isGradeText = memoisedText((text: string): boolean => {
  const reading = readGrade(text, []);
  return reading.kind !== "grade" || GRADE_SYNONYMS.some((group) => group.includes(reading.grade));
});

interface Option {
  word: string;
  mark: string | null;
}

/** A grade word or a mark, and whether white space comes before it. */
interface Token {
  word?: string;
  mark?: string;
  spaced: boolean;
}

/**
 * The options of a list of grades, each word with the mark it was given: a box list (优☑ 良□,
 * ■优 □良, √优 良 中 差), or three or more words alone, each once (优 良 中 差). A mark goes with
 * the word it touches (优 √良: 良); touching both or neither, with the word after it when the list
 * starts with a mark, else the one before. Null for anything else: a part that is no grade word,
 * a mark with no word of its own.
 */
function listedOptions(text: string, vocabulary: string[]): Option[] | null {
  const tokens = gradeTokens(text, vocabulary);
  if (tokens === null) return null;
  // Each word's option by the index of its token, in their order.
  const options = new Map<number, Option>();
  tokens.forEach((t, i) => t.word !== undefined && options.set(i, { word: t.word, mark: null }));
  const marksFirst = tokens[0]?.mark !== undefined;
  let marks = 0;
  for (let i = 0; i < tokens.length; i++) {
    const mark = tokens[i].mark;
    if (mark === undefined) continue;
    marks++;
    const before = options.get(i - 1);
    const after = options.get(i + 1);
    const touchesBefore = before !== undefined && !tokens[i].spaced;
    const touchesAfter = after !== undefined && !tokens[i + 1].spaced;
    const option = touchesBefore !== touchesAfter ? (touchesAfter ? after : before) : marksFirst ? after : before;
    if (option === undefined || option.mark !== null) return null;
    option.mark = mark;
  }
  const listed = [...options.values()];
  const printedList = listed.length >= 3 && new Set(listed.map((o) => o.word)).size === listed.length;
  return marks > 0 || printedList ? listed : null;
}

/** `text` as grade words and marks (longest words first: 优秀 before 优), or null. */
function gradeTokens(text: string, vocabulary: string[]): Token[] | null {
  const tokens: Token[] = [];
  let spaced = false;
  for (let at = 0; at < text.length; ) {
    if (text[at] === " " || text[at] === "、") {
      spaced = true;
      at++;
      continue;
    }
    const word = MARKS.includes(text[at]) ? undefined : vocabulary.find((w) => text.startsWith(w, at));
    if (word !== undefined) tokens.push({ word, spaced });
    else if (MARKS.includes(text[at])) tokens.push({ mark: text[at], spaced });
    else return null;
    at += word?.length ?? 1;
    spaced = false;
  }
  return tokens;
}

const QUOTES = /^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/g;
const TRAILING_PUNCTUATION = /[。.，,；;！!、]+$/;
/** The word in brackets of its own: （优）. */
const ENCLOSING_BRACKETS = /^\((.*)\)$/;
/** A band or note after the word: 优秀(90-100分), 优(≥90), 优(自评). */
const TRAILING_NOTE = /\([^()]*\)$/;
/** A label before the word: 等级:优, 自评等次:优, 评定为优, 自评等级为优. */
const LEADING_LABEL = /^(?:(?:(?:自评|评价|综合评价|绩效)?(?:等级|等次|结果|结论)(?:评定)?)(?:为|:)?|(?:评定|认定|确定)?为|评定:?)/;
/** 优等, 优级, 优秀等次, 良好等级. */
const TRAILING_LEVEL = /(?:等次|等级|等|级)$/;

/** The grade word `text` names once what surrounds it is taken away (the text itself when nothing is left). */
function gradeWord(text: string, vocabulary: string[]): string {
  // Each step only while something is left: a text that is all note or label stays as written.
  const without = (word: string, part: RegExp, by = "") => word.replace(part, by) || word;
  let word = text;
  for (let previous = ""; previous !== word; ) {
    previous = word;
    word = without(without(without(word, QUOTES), TRAILING_PUNCTUATION), ENCLOSING_BRACKETS, "$1");
    word = without(without(word, TRAILING_NOTE), LEADING_LABEL);
  }
  return vocabulary.includes(word) ? word : without(word, TRAILING_LEVEL);
}
