/** Unit, property and adapter tests. Browser tests live in test/browser and run from scripts/test.sh. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
  // Fluent UI needs ResizeObserver and matchMedia under jsdom; a no-op for node-environment tests.
  setupFiles: ["<rootDir>/test/setup-jsdom.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "node", jsx: "react", esModuleInterop: true, isolatedModules: true } }],
  },
};
