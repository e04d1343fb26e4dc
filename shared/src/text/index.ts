export * from './concepts';
export * from './normalize';
export * from './syllables';
export * from './search';
