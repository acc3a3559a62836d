/**
 * The pane's first load (taskpane.js) goes without the analysis engine: src/taskpane/engine.ts and
 * what only it needs (the core's detection, value grammar, model, rules and 综合得分 layout, the
 * reading and writing of a run) are a chunk the host fetches once the pane has rendered. A static
 * import of any of them from what index.tsx loads pulls the engine (about 98 KB gzipped) back into
 * the first load, over its 200 KB. This follows the static imports as webpack does (each file
 * compiled as ts-loader compiles it, so an import used only for its types is dropped; import() is a
 * chunk, not followed). The browser test checks the built taskpane.js as well.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const SRC = path.resolve(__dirname, "..");

/** The files a module imports statically (import, export … from), as compiled: type-only imports are gone. */
function staticImports(file: string): string[] {
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ES2020, target: ts.ScriptTarget.ES2019, jsx: ts.JsxEmit.React },
    fileName: file,
  });
  const specifiers = [...outputText.matchAll(/^\s*(?:import|export)\b[^;'"]*?(?:\bfrom\s*)?["']([^"']+)["']/gm)].map((m) => m[1]);
  return specifiers.filter((s) => s.startsWith(".")).map((s) => resolve(path.dirname(file), s));
}

function resolve(dir: string, specifier: string): string {
  const base = path.resolve(dir, specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${dir}`);
}

/** Every source file the entry reaches through static imports, as paths relative to src/. */
function reached(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(SRC, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = path.relative(SRC, file).split(path.sep).join("/");
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...staticImports(file));
  }
  return seen;
}

/** The engine's own modules: none belongs in the first load. */
const ENGINE = [
  "taskpane/engine.ts",
  "taskpane/outcome.ts",
  "core/analyze.ts",
  "core/detect.ts",
  "core/values.ts",
  "core/model.ts",
  "core/score.ts",
  "core/summary.ts",
  "core/ignores.ts",
  "excel/read.ts",
  "excel/write.ts",
];

test("the pane's first load reaches none of the analysis engine's modules", () => {
  const firstLoad = reached("taskpane/index.tsx");
  // The walk sees the pane: its App, its host and its strings.
  for (const file of ["taskpane/components/App.tsx", "taskpane/office-host.ts", "taskpane/strings.ts", "core/profile.ts"]) expect(firstLoad.has(file)).toBe(true);
  expect(ENGINE.filter((file) => firstLoad.has(file))).toEqual([]);
  expect([...firstLoad].filter((file) => file.startsWith("core/rules/"))).toEqual([]);
});

test("the engine's chunk holds the analysis (the walk finds what it looks for)", () => {
  const engine = reached("taskpane/engine.ts");
  expect(ENGINE.filter((file) => !engine.has(file))).toEqual([]);
});
