export * from './account';
export * from './auth';
export * from './common';
export * from './deals';
export * from './listings';
export * from './matching';
export * from './messages';
export * from './operations';
