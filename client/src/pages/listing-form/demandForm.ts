import {
  type DemandDto,
  type DemandInput,
  type DemandUpdate,
  demandCreateSchema,
  demandUpdateSchema,
  type ListingLang,
} from '@techbridge/shared';
import {
  amountText,
  changedKeys,
  parseAmount,
  requireFilled,
  toFieldErrors,
  translationInput,
} from '../../forms/formTools';
import { type ValidationResult, validate } from '../../forms/validate';

export interface DemandValues {
  lang: ListingLang;
  title: string;
  problem: string;
  requirements: string;
  /** The title and a summary of the problem in the other language (optional). */
  'translation.title': string;
  'translation.summary': string;
  sectors: string[];
  keywords: string[];
  province: string;
  trlMin: string;
  transferModes: string[];
  'budget.max': string;
  'budget.currency': string;
  deadline: string;
}

export type DemandField = Exclude<keyof DemandValues, 'budget.currency'>;

export const demandFieldOrder: readonly DemandField[] = [
  'lang',
  'title',
  'problem',
  'requirements',
  'translation.title',
  'translation.summary',
  'sectors',
  'keywords',
  'province',
  'trlMin',
  'transferModes',
  'budget.max',
  'deadline',
];

const aliases = { budget: 'budget.max', translation: 'translation.title' };

export function emptyDemandValues(province = ''): DemandValues {
  return {
    lang: 'vi',
    title: '',
    problem: '',
    requirements: '',
    'translation.title': '',
    'translation.summary': '',
    sectors: [],
    keywords: [],
    province,
    trlMin: '',
    transferModes: [],
    'budget.max': '',
    'budget.currency': 'VND',
    deadline: '',
  };
}

export function demandValuesFrom(demand: DemandDto): DemandValues {
  return {
    lang: demand.lang ?? 'vi',
    title: demand.title,
    problem: demand.problem,
    requirements: demand.requirements ?? '',
    'translation.title': demand.translation?.title ?? '',
    'translation.summary': demand.translation?.summary ?? '',
    sectors: [...demand.sectors],
    keywords: [...demand.keywords],
    province: demand.province,
    trlMin: demand.trlMin ? String(demand.trlMin) : '',
    transferModes: [...demand.transferModes],
    'budget.max': amountText(demand.budget.max),
    'budget.currency': demand.budget.currency,
    deadline: demand.deadline ?? '',
  };
}

function toInput(v: DemandValues) {
  return {
    lang: v.lang,
    translation: translationInput(v),
    title: v.title,
    problem: v.problem,
    requirements: v.requirements,
    sectors: v.sectors,
    keywords: v.keywords,
    province: v.province || undefined,
    trlMin: v.trlMin ? Number(v.trlMin) : undefined,
    budget: { max: parseAmount(v['budget.max']), currency: v['budget.currency'] },
    deadline: v.deadline || undefined,
    transferModes: v.transferModes,
  };
}

export function demandErrors(errors: Record<string, string>, values?: DemandValues) {
  const mapped = toFieldErrors(errors, demandFieldOrder, aliases);
  return values ? requireFilled(mapped, { ...values }, ['title', 'problem', 'province']) : mapped;
}

export function validateNewDemand(values: DemandValues): ValidationResult<DemandInput> {
  const result = validate(demandCreateSchema, toInput(values));
  return result.ok ? result : { ok: false, errors: demandErrors(result.errors, values) };
}

/**
 * Edit: only changed fields are sent. The API cannot unset a minimum TRL or a
 * deadline once given, so emptying one is flagged instead of silently ignored.
 */
export function validateDemandChanges(values: DemandValues, baseline: DemandValues): ValidationResult<DemandUpdate> {
  const current = validateNewDemand(values);
  const cleared: Record<string, string> = {};
  if (baseline.trlMin && !values.trlMin) cleared.trlMin = 'required';
  if (baseline.deadline && !values.deadline) cleared.deadline = 'required';
  if (!current.ok || Object.keys(cleared).length) {
    return { ok: false, errors: { ...cleared, ...(current.ok ? {} : current.errors) } };
  }
  const before = demandCreateSchema.safeParse(toInput(baseline));
  const patch = before.success ? changedKeys(current.data, before.data) : current.data;
  const result = validate(demandUpdateSchema, patch);
  return result.ok ? result : { ok: false, errors: demandErrors(result.errors, values) };
}
