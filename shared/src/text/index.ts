export * from './concepts';
export * from './normalize';
export * from './search';
export * from './syllables';
