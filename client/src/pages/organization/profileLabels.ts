import type { TFunction } from 'i18next';

/** Profile parts the completeness hint may name, in the words the page uses. */
const known = ['description', 'foundedYear', 'size', 'sectors', 'expertise', 'logo', 'website', 'contact'] as const;
type Known = (typeof known)[number];
const isKnown = (key: string): key is Known => (known as readonly string[]).includes(key);

/** A missing part in words ("mô tả", "năm thành lập"); an unknown name is shown as the server gave it. */
export function missingLabel(field: string, t: TFunction): string {
  const key = field.replace(/Url$/, '').split('.')[0];
  return isKnown(key) ? t(`orgProfile.missing.${key}`) : field;
}

/** The missing parts as one sentence: "mô tả, năm thành lập và logo". */
export function missingList(fields: readonly string[], t: TFunction, lang: string): string {
  const words = fields.map((f) => missingLabel(f, t));
  try {
    return new Intl.ListFormat(lang === 'en' ? 'en' : 'vi', { type: 'conjunction' }).format(words);
  } catch {
    return words.join(', ');
  }
}
