/** Unit, property and adapter tests. Browser tests live in test/browser and run from scripts/test.sh. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
  // Tests that read a copy back with openpyxl or run the command line start other processes: on a
  // shared 2-core machine under load they took over jest's default 5 s. Nothing here is timed.
  testTimeout: 30000,
  // Fluent UI needs ResizeObserver and matchMedia under jsdom; a no-op for node-environment tests.
  setupFiles: ["<rootDir>/test/setup-jsdom.ts", "<rootDir>/test/setup-core.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "node", jsx: "react", esModuleInterop: true, isolatedModules: true } }],
  },
};
