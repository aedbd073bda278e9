// Two projects: fast unit tests, and offline `terraform plan` tests of every example stack.
// ts-jest only transpiles (tsconfig isolatedModules; type-checking is `npm run typecheck`).
const transform = {
  "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
};
const common = { testEnvironment: "node", transform, moduleFileExtensions: ["ts", "js", "json"] };

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2, // these machines have 2 cores
  testTimeout: 120000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/__tests__/**/*.test.ts"],
      testPathIgnorePatterns: ["<rootDir>/__tests__/plan/"],
    },
    {
      ...common,
      displayName: "plan",
      testMatch: ["<rootDir>/__tests__/plan/**/*.test.ts"],
    },
  ],
};
