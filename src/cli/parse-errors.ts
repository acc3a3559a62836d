/**
 * The option parser's (commander's) own errors in the language of --lang, as every other line the
 * command prints (review round 52d): an unknown or missing option, an option without its value, a
 * missing argument, an option's bad value. --lang is read from the arguments before they are
 * parsed. An option's value is checked as it is parsed, before --lang may be, so its reason is
 * given in both languages ("zh / en", see options.ts): the one half is kept here. With --lang
 * itself wrong, the line stays in both languages.
 */
import type { Lang } from "../core/messages";

/** The language the arguments ask for: the last --lang's value; zh when none; null when it is neither zh nor en. */
export function argumentsLang(argv: string[]): Lang | null {
  let lang: string = "zh";
  argv.forEach((arg, i) => {
    if (arg === "--lang" && i + 1 < argv.length) lang = argv[i + 1];
    else if (arg.startsWith("--lang=")) lang = arg.slice("--lang=".length);
  });
  return lang === "zh" || lang === "en" ? lang : null;
}

type Wording = [RegExp, (zh: boolean, ...parts: string[]) => string];

const WORDINGS: Wording[] = [
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. ([^/]*) \/ (.*)$/s, (zh, flags, value, inZh, inEn) =>
    zh ? `错误：选项 ${flags} 的取值 ${value} 无效：${inZh}` : `error: option '${flags}' argument '${value}' is invalid. ${inEn}`],
  [/^error: required option '([^']*)' not specified$/, (zh, flags) => (zh ? `错误：缺少必需的选项 ${flags}` : "")],
  [/^error: unknown option '([^']*)'(?:\s*\(Did you mean (.*)\?\))?$/s, (zh, flag, suggestion) =>
    zh ? `错误：不认识的选项 ${flag}${suggestion ? `（是否想用 ${suggestion}？）` : ""}` : ""],
  [/^error: option '([^']*)' argument missing$/, (zh, flags) => (zh ? `错误：选项 ${flags} 缺少取值` : "")],
  [/^error: missing required argument '([^']*)'$/, (zh, name) => (zh ? `错误：缺少参数 ${name}` : "")],
  [/^error: unknown command '([^']*)'(?:\s*\(Did you mean (.*)\?\))?$/s, (zh, name, suggestion) =>
    zh ? `错误：不认识的命令 ${name}${suggestion ? `（是否想用 ${suggestion}？）` : ""}，可用的命令：score、review、clean` : ""],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (zh, command, expected, got) =>
    zh ? `错误：${command ? `${command} 的` : ""}参数过多：应为 ${expected} 个，给了 ${got} 个` : ""],
];

/** A parser error as the language asks; any other text, or in English a line that needs no change, as it is. */
export function parseErrorIn(text: string, lang: Lang | null): string {
  if (lang === null) return text;
  const message = text.trimEnd();
  for (const [pattern, say] of WORDINGS) {
    const match = pattern.exec(message);
    if (match) return (say(lang === "zh", ...match.slice(1)) || message) + "\n";
  }
  return text;
}
