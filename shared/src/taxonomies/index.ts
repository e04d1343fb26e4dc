import { foldVietnamese } from '../text/normalize';
import ipData from './ip.json';
import orgTypesData from './organization-types.json';
import provincesData from './provinces.json';
import sectorsData from './sectors.json';
import synonymsData from './synonyms.json';
import transferModesData from './transfer-modes.json';
import trlData from './trl.json';

/** A taxonomy entry with a stable code and its Vietnamese and English labels. */
export interface LabelledCode {
  code: string;
  vi: string;
  en: string;
}

export interface Province {
  code: string;
  name: string;
  type: string;
  region: string;
  legacyNames: string[];
}

export interface TrlLevel {
  level: number;
  vi: string;
  en: string;
}

export const sectors: readonly LabelledCode[] = sectorsData.sectors;
export const organizationTypes: readonly LabelledCode[] = orgTypesData.types;
export const transferModes: readonly LabelledCode[] = transferModesData.modes;
export const ipTypes: readonly LabelledCode[] = ipData.types;
export const ipStatuses: readonly LabelledCode[] = ipData.statuses;
export const provinces: readonly Province[] = provincesData.units;
export const trlLevels: readonly TrlLevel[] = trlData.levels;
export const synonymGroups: readonly (readonly string[])[] = synonymsData.groups;

export const sectorCodes = sectors.map((s) => s.code);
export const organizationTypeCodes = organizationTypes.map((t) => t.code);
export const transferModeCodes = transferModes.map((m) => m.code);
export const ipTypeCodes = ipTypes.map((t) => t.code);
export const ipStatusCodes = ipStatuses.map((s) => s.code);
export const provinceCodes = provinces.map((p) => p.code);

const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
const provinceByFoldedName = new Map<string, Province>();
for (const p of provinces) {
  provinceByFoldedName.set(foldVietnamese(p.name), p);
  for (const legacy of p.legacyNames) provinceByFoldedName.set(foldVietnamese(legacy), p);
}

export function getProvince(code: string): Province | undefined {
  return provinceByCode.get(code);
}

/**
 * Resolves a province code, a current name or one of the 63 pre-2025 names
 * (with or without diacritics) to the current province.
 */
export function resolveProvince(codeOrName: string): Province | undefined {
  const trimmed = codeOrName.trim();
  return provinceByCode.get(trimmed.toUpperCase()) ?? provinceByFoldedName.get(foldVietnamese(trimmed));
}

const codeByLabel = new WeakMap<readonly LabelledCode[], Map<string, string>>();

/**
 * The code of a taxonomy entry named by its code or by its Vietnamese or
 * English label (case and diacritics ignored), as a spreadsheet written by a
 * person or by an export names it; undefined when nothing matches.
 */
export function resolveCode(list: readonly LabelledCode[], codeOrLabel: string): string | undefined {
  let index = codeByLabel.get(list);
  if (!index) {
    index = new Map();
    for (const entry of list) {
      for (const name of [entry.en, entry.vi, entry.code]) index.set(foldVietnamese(name), entry.code);
    }
    codeByLabel.set(list, index);
  }
  return index.get(foldVietnamese(codeOrLabel));
}

/** Label of a code in the given language, or the code itself when unknown. */
export function labelOf(list: readonly LabelledCode[], code: string, lang: 'vi' | 'en'): string {
  return list.find((entry) => entry.code === code)?.[lang] ?? code;
}

export const taxonomies = {
  sectors,
  organizationTypes,
  transferModes,
  ipTypes,
  ipStatuses,
  provinces,
  trlLevels,
};
export type Taxonomies = typeof taxonomies;
