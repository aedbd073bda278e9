// Two projects: fast unit tests, and offline `terraform plan` tests of every example stack.
// ts-jest only transpiles (tsconfig isolatedModules; type-checking is `npm run typecheck`).
// Global setup: one temporary directory per run, deleted by the teardown (nothing is left in
// the temp dir), and for the plan project one `terraform init` shared by every worker
// (__tests__/support/plan-global-setup.ts).
const os = require("node:os");

const transform = {
  "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
};
const common = {
  testEnvironment: "node",
  transform,
  moduleFileExtensions: ["ts", "js", "json"],
  globalTeardown: "<rootDir>/__tests__/support/global-teardown.ts",
};

/** @type {import('jest').Config} */
module.exports = {
  // One worker per core the machine offers to this process.
  maxWorkers: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/__tests__/plan/"],
      globalSetup: "<rootDir>/__tests__/support/global-setup.ts",
    },
    {
      ...common,
      displayName: "plan",
      testMatch: ["<rootDir>/__tests__/plan/**/*.test.ts"],
      globalSetup: "<rootDir>/__tests__/support/plan-global-setup.ts",
    },
  ],
};
