export * from './describe';
export * from './score';
export * from './terms';
