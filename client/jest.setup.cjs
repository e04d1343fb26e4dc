/**
 * Runs before each client test file (jest.config.js, project "client"):
 * jsdom lacks TextEncoder/TextDecoder, which react-router reads when loaded.
 */
const { TextDecoder, TextEncoder } = require('node:util');

Object.assign(globalThis, { TextDecoder, TextEncoder });
