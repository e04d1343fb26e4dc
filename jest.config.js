/**
 * One Jest run, two projects:
 * - server: unit tests beside the code (shared, server, scripts) and integration tests (tests/), against real services;
 * - client: the React client's unit tests (client/src/**\/*.test.ts(x)), in jsdom, with no services.
 * `npx jest --selectProjects client` runs the client's alone (no databases are started for it).
 */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'server',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/{shared,server,scripts}/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/client/', '<rootDir>/tests/e2e/'],
      moduleNameMapper: { '^@techbridge/shared$': '<rootDir>/shared/src/index.ts' },
      globalSetup: '<rootDir>/tests/setup/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/setup/globalTeardown.ts',
    },
    {
      displayName: 'client',
      rootDir: __dirname,
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/client/jest.setup.cjs'],
      setupFilesAfterEnv: ['<rootDir>/client/src/test/i18nSetup.ts'],
      testMatch: ['<rootDir>/client/src/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/client/tsconfig.test.json' }] },
      moduleNameMapper: {
        '^@techbridge/shared$': '<rootDir>/shared/src/index.ts',
        '\\.css$': '<rootDir>/client/src/test/styleStub.ts',
        '\\.(svg|png|jpe?g|gif|webp|woff2?)$': '<rootDir>/client/src/test/fileStub.ts',
      },
    },
  ],
  testTimeout: 30_000,
  maxWorkers: 2,
};
