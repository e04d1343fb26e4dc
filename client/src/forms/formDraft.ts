import { type ListItem, listItem } from './formTools';

/** What is kept of a form typed but not saved: the values and when they were last typed. */
export interface StoredDraft<V> {
  values: V;
  savedAt: string;
}

const PREFIX = 'techbridge:draft:';

/** The storage key of one user's unsaved form for one record ("offer:new", "offer:<id>"). */
export function draftKey(userId: string, scope: string): string {
  return `${PREFIX}${userId}:${scope}`;
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled (private mode, policy)
  }
}

function isListItemArray(value: unknown): value is ListItem[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => typeof item === 'object' && item !== null && 'id' in item && 'text' in item)
  );
}

/** Restored list rows get fresh React keys (the ids in storage belong to an earlier page). */
function revive<V extends object>(values: V): V {
  const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (isListItemArray(value)) out[key] = value.map((item) => listItem(String(item.text)));
  }
  return out as V;
}

/**
 * Reads a stored draft, if it has the form's fields. Keys the form no longer
 * has are dropped and keys the draft lacks keep the form's own values, so a
 * draft from an older version of the form still restores what it can.
 */
export function readDraft<V extends object>(key: string, shape: V): StoredDraft<V> | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { values?: Record<string, unknown>; savedAt?: unknown };
    if (!parsed.values || typeof parsed.values !== 'object' || typeof parsed.savedAt !== 'string') return null;
    const values: Record<string, unknown> = { ...(shape as Record<string, unknown>) };
    for (const name of Object.keys(shape)) {
      const stored = parsed.values[name];
      const current = (shape as Record<string, unknown>)[name];
      if (
        stored !== undefined &&
        typeof stored === typeof current &&
        Array.isArray(stored) === Array.isArray(current)
      ) {
        values[name] = stored;
      }
    }
    return { values: revive(values as V), savedAt: parsed.savedAt };
  } catch {
    return null;
  }
}

export function writeDraft<V>(key: string, values: V, now = new Date()): void {
  try {
    storage()?.setItem(key, JSON.stringify({ values, savedAt: now.toISOString() } satisfies StoredDraft<V>));
  } catch {
    // Full or disabled storage: the form still works, it is only not kept.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing stored
  }
}

/** Values compared as the user sees them: list rows by their text, not their React keys. */
export function sameValues(a: object, b: object): boolean {
  const plain = (v: object) =>
    JSON.stringify(v, (_k, value) =>
      isListItemArray(value) ? value.map((item) => item.text.trim()).filter(Boolean) : value,
    );
  return plain(a) === plain(b);
}
