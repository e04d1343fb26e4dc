import { describe, expect, it } from '@jest/globals';
import { demandDto } from '../../test/fixtures';
import {
  demandErrors,
  demandValuesFrom,
  emptyDemandValues,
  validateDemandChanges,
  validateNewDemand,
} from './demandForm';

describe('demand form mappers', () => {
  it('fills the form from a stored demand', () => {
    expect(demandValuesFrom(demandDto())).toEqual({
      lang: 'vi',
      'translation.title': '',
      'translation.summary': '',
      title: 'Cần công nghệ xử lý nước thải ao tôm',
      problem: 'Trang trại cần quy trình xử lý nước thải ao nuôi đạt chuẩn xả thải.',
      requirements: 'Chi phí vận hành thấp',
      sectors: ['aquaculture'],
      keywords: [],
      province: 'CTO',
      trlMin: '6',
      transferModes: ['assignment'],
      'budget.max': '500.000.000',
      'budget.currency': 'VND',
      deadline: '2026-12-31',
    });
  });

  it('leaves optional fields blank when the demand has none', () => {
    const values = demandValuesFrom(
      demandDto({ requirements: undefined, trlMin: undefined, deadline: undefined, budget: { currency: 'VND' } }),
    );
    expect([values.requirements, values.trlMin, values.deadline, values['budget.max']]).toEqual(['', '', '', '']);
  });

  it('builds the request body with numbers and without blanks', () => {
    const result = validateNewDemand({ ...demandValuesFrom(demandDto()), deadline: '', 'budget.max': '1 000 000' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.trlMin).toBe(6);
    expect(result.data.budget).toEqual({ max: 1_000_000, currency: 'VND' });
    expect(result.data.deadline).toBeUndefined();
  });

  it('reports the required fields of an empty form', () => {
    const result = validateNewDemand(emptyDemandValues());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({ title: 'required', problem: 'required', province: 'required' });
  });

  it('maps the budget object to its amount field', () => {
    expect(demandErrors({ budget: 'invalid_type', 'transferModes.1': 'transfer_mode' })).toEqual({
      'budget.max': 'invalid_type',
      transferModes: 'transfer_mode',
    });
  });
});

describe('validateDemandChanges', () => {
  it('sends only the changed fields', () => {
    const baseline = demandValuesFrom(demandDto());
    expect(validateDemandChanges({ ...baseline, province: 'HN', 'budget.max': '600.000.000' }, baseline)).toEqual({
      ok: true,
      data: { province: 'HN', budget: { max: 600_000_000, currency: 'VND' } },
    });
  });

  it('flags a minimum TRL or deadline that was emptied (the API cannot unset them)', () => {
    const baseline = demandValuesFrom(demandDto());
    expect(validateDemandChanges({ ...baseline, trlMin: '', deadline: '' }, baseline)).toEqual({
      ok: false,
      errors: { trlMin: 'required', deadline: 'required' },
    });
  });

  it('sends the language and the translation when they change, and {} to remove a translation', () => {
    const baseline = demandValuesFrom(demandDto({ translation: { title: 'Shrimp pond wastewater treatment wanted' } }));
    expect(baseline['translation.title']).toBe('Shrimp pond wastewater treatment wanted');
    expect(
      validateDemandChanges(
        { ...baseline, lang: 'en', 'translation.title': '', 'translation.summary': '  ' },
        baseline,
      ),
    ).toEqual({ ok: true, data: { lang: 'en', translation: {} } });
  });

  it('puts translation errors on their own fields', () => {
    expect(demandErrors({ 'translation.title': 'too_short', translation: 'invalid_type', lang: 'lang' })).toEqual({
      'translation.title': 'too_short',
      lang: 'lang',
    });
  });

  it('allows leaving them empty when they were never set', () => {
    const baseline = { ...demandValuesFrom(demandDto()), trlMin: '', deadline: '' };
    expect(validateDemandChanges({ ...baseline, title: 'Cần công nghệ lọc nước ao tôm' }, baseline)).toEqual({
      ok: true,
      data: { title: 'Cần công nghệ lọc nước ao tôm' },
    });
  });
});
