export * from './auth';
export * from './common';
export * from './deals';
export * from './events';
export * from './listings';
export * from './matching';
export * from './messages';
export * from './operations';
