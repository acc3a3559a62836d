/**
 * The rule ids and severities are a contract: the README's rule table, the engine's severities and
 * domain.md's table (in ../shared beside the repository, where CI and developers have it) agree
 * rule by rule.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { SEVERITY } from "../../src/core/rules/findings";

/** rule id → severity from a Markdown table whose rows read `| rule | trigger | severity |`. */
function ruleTable(markdown: string): Map<string, string> {
  const rules = new Map<string, string>();
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    // ["", rule, trigger, severity, ""]
    if (cells.length !== 5) continue;
    const rule = cells[1].replace(/`/g, "");
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rule) && /^(error|warning|info)$/.test(cells[3])) rules.set(rule, cells[3]);
  }
  return rules;
}

const ROOT = path.join(__dirname, "..", "..");
const DOMAIN = path.join(ROOT, "..", "shared", "domain.md");
const engine = new Map(Object.entries(SEVERITY));

it("the README's rule table lists every rule of the engine with its severity, and no other", () => {
  expect(ruleTable(readFileSync(path.join(ROOT, "README.md"), "utf8"))).toEqual(engine);
});

// domain.md lists count-ceiling before negative-value; the README follows the engine (RuleId,
// SEVERITY), which it is checked against, and domain.md is not this repository's to edit.
it("the README's rule table lists the rules in the engine's order", () => {
  expect([...ruleTable(readFileSync(path.join(ROOT, "README.md"), "utf8")).keys()]).toEqual(Object.keys(SEVERITY));
});

(existsSync(DOMAIN) ? it : it.skip)("domain.md's rule table and the engine agree rule by rule", () => {
  expect(ruleTable(readFileSync(DOMAIN, "utf8"))).toEqual(engine);
});
