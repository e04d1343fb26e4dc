export * from './events';
export * from './schemas';
export * from './taxonomies';
export * from './text';
