/** One Jest run for unit tests (beside the code) and integration tests (tests/), against real services. */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  testMatch: ['<rootDir>/{shared,server,scripts}/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/client/', '<rootDir>/tests/e2e/'],
  moduleNameMapper: { '^@techbridge/shared$': '<rootDir>/shared/src/index.ts' },
  globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
  testTimeout: 30_000,
  maxWorkers: 2,
};
