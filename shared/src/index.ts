export * from './dealStages';
export * from './events';
export * from './matching';
export * from './nda';
export * from './schemas';
export * from './taxonomies';
export * from './text';
