export * from './describe';
export * from './feedback';
export * from './profile';
export * from './score';
export * from './sectors';
export * from './terms';
