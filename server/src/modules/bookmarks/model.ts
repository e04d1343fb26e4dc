import type { ModelDefinition } from '../../platform/db';
import { keyIndexDefinition } from '../../platform/keyIndex';

export const bookmarkModels: ModelDefinition[] = [
  /** Key collection: user id → the listings the user saved, as "<type>:<listing id>", oldest first. */
  keyIndexDefinition('UserBookmarks', 'userbookmarks'),
];
