import fs from 'node:fs';
import path from 'node:path';

/** The web client's messages (one source for the app and its pre-rendered pages), read once per language. */
const dir = path.resolve(__dirname, '../../../../client/src/i18n');
const loaded = new Map<string, Record<string, unknown>>();

export type PageLang = 'vi' | 'en';

function messages(lang: PageLang): Record<string, unknown> {
  let m = loaded.get(lang);
  if (!m) {
    m = JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, unknown>;
    loaded.set(lang, m);
  }
  return m;
}

/** A message by its dotted key, with {{name}} values filled in (the key itself when missing). */
export function translate(lang: PageLang, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = messages(lang);
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
