// ESLint 9 flat config: typescript-eslint recommended, the Office add-in rules of
// eslint-plugin-office-addins' recommended config, and the React hooks rules.
//
// eslint-plugin-office-addins (4.x) exposes flat configs as `plugin.configs.recommended` / `.react`
// (arrays). Besides its own "office-addins/*" rules they bundle @eslint/js recommended, an older
// typescript-eslint parser (ecmaVersion 6) and "prettier/prettier" as an error. We take only the
// office-addins rules, at the severities that config gives them, and keep the current
// typescript-eslint parser; formatting is not a lint error here.
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";

const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([rule]) => rule.startsWith("office-addins/")),
);

export default defineConfig(
  {
    ignores: ["dist/**", "dist-cli/**", "out/**", "bench-out/**", "test-output/**", "coverage/**", "node_modules/**"],
  },
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  {
    files: ["**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Tests drive fakes of the Excel API on purpose the wrong way round (reading before load or
    // sync, to check that the fake refuses it), so the load/sync rules do not apply to them.
    files: ["test/**", "**/*.test.{ts,tsx}"],
    rules: Object.fromEntries(Object.keys(officeAddinsRules).map((rule) => [rule, "off"])),
  },
  {
    rules: {
      // Unused arguments and variables named with a leading underscore are deliberate.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
