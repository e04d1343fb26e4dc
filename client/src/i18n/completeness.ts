import type en from './en.json';
import type vi from './vi.json';

/**
 * Compile-time check that both resource files have the same keys: a key added
 * to one language and forgotten in the other fails `tsc`.
 */
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Keys<T> = T extends object ? { [K in keyof T]: Keys<T[K]> } : string;

export const resourcesMatch: SameShape<Keys<typeof vi>, Keys<typeof en>> = true;
