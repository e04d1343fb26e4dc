export * from './auth';
export * from './common';
export * from './listings';
export * from './messages';
