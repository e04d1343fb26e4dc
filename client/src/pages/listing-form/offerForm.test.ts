import { describe, expect, it } from '@jest/globals';
import { offerDto } from '../../test/fixtures';
import {
  emptyOfferValues,
  offerErrors,
  offerFieldOrder,
  offerValuesFrom,
  validateNewOffer,
  validateOfferChanges,
} from './offerForm';

describe('offer form mappers', () => {
  it('starts empty, in the organisation province, negotiable, with one application line', () => {
    const values = emptyOfferValues('CTO');
    expect(values.province).toBe('CTO');
    expect(values['price.negotiable']).toBe(true);
    expect(values['price.currency']).toBe('VND');
    expect(values.applications).toHaveLength(1);
    expect(values.applications[0].text).toBe('');
  });

  it('fills the form from a stored offer, amounts written the Vietnamese way', () => {
    const values = offerValuesFrom(offerDto());
    expect(values.trl).toBe('7');
    expect(values['ip.type']).toBe('patent');
    expect(values['ip.number']).toBe('1-0012345');
    expect(values['price.min']).toBe('1.200.000.000');
    expect(values['price.max']).toBe('2.000.000.000');
    expect(values.applications.map((a) => a.text)).toEqual(['Trang trại tôm', 'Hợp tác xã']);
    expect(values['confidential.details']).toBe('Công thức men vi sinh');
  });

  it('gives each application line its own key', () => {
    const ids = offerValuesFrom(offerDto()).applications.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('turns the form back into the same request body as the stored offer', () => {
    const result = validateNewOffer(offerValuesFrom(offerDto()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({
      title: 'Quy trình nuôi tôm tuần hoàn',
      trl: 7,
      province: 'CTO',
      ip: { type: 'patent', status: 'granted', number: '1-0012345' },
      price: { min: 1_200_000_000, max: 2_000_000_000, currency: 'VND', negotiable: true },
      applications: ['Trang trại tôm', 'Hợp tác xã'],
      confidential: { details: 'Công thức men vi sinh' },
    });
  });

  it('reports empty required fields as "required", by form field', () => {
    const result = validateNewOffer(emptyOfferValues());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const field of ['title', 'summary', 'province', 'trl', 'ip.type', 'ip.status'] as const) {
      expect(result.errors[field]).toBe('required');
    }
    expect(result.errors.sectors).toBe('at_least_one');
    expect(result.errors.transferModes).toBe('at_least_one');
    // Every error lands on a field of the form (or on "_form").
    for (const key of Object.keys(result.errors)) expect([...offerFieldOrder, '_form']).toContain(key);
  });

  it('puts a reversed price range on the minimum and a non-number amount on its field', () => {
    const base = offerValuesFrom(offerDto());
    const reversed = validateNewOffer({ ...base, 'price.min': '3.000.000.000' });
    expect(reversed.ok || reversed.errors['price.min']).toBe('price_range');
    const typo = validateNewOffer({ ...base, 'price.max': '12abc' });
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.errors['price.max']).toBeDefined();
  });

  it('drops blank application lines and an empty IP number', () => {
    const base = offerValuesFrom(offerDto());
    const result = validateNewOffer({
      ...base,
      'ip.number': '  ',
      applications: [...base.applications, { id: 999, text: '   ' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.applications).toEqual(['Trang trại tôm', 'Hợp tác xã']);
    expect(result.data.ip.number).toBeUndefined();
  });

  it('maps server error paths onto fields: items to their list, objects to their first field', () => {
    expect(offerErrors({ 'sectors.0': 'sector', ip: 'required', 'price.max': 'number', foo: 'x' })).toEqual({
      sectors: 'sector',
      'ip.type': 'required',
      'price.max': 'number',
      _form: 'x',
    });
  });
});

describe('validateOfferChanges', () => {
  it('sends only the fields that changed', () => {
    const baseline = offerValuesFrom(offerDto());
    const result = validateOfferChanges(
      { ...baseline, title: 'Quy trình nuôi tôm tuần hoàn thế hệ 2', trl: '8' },
      baseline,
    );
    expect(result).toEqual({ ok: true, data: { title: 'Quy trình nuôi tôm tuần hoàn thế hệ 2', trl: 8 } });
  });

  it('sends the language and the translation, trimmed, without empty boxes', () => {
    const baseline = offerValuesFrom(offerDto());
    expect(baseline.lang).toBe('vi');
    const result = validateOfferChanges(
      { ...baseline, 'translation.title': '  Recirculating shrimp farming  ', 'translation.summary': '' },
      baseline,
    );
    expect(result).toEqual({ ok: true, data: { translation: { title: 'Recirculating shrimp farming' } } });
    const created = validateNewOffer({ ...baseline, lang: 'en' });
    expect(created.ok && [created.data.lang, created.data.translation]).toEqual(['en', {}]);
  });

  it('checks the translation with the same limits as the server, on its own field', () => {
    const baseline = offerValuesFrom(offerDto());
    const result = validateNewOffer({ ...baseline, 'translation.title': 'RAS', 'translation.summary': 'Too short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['translation.title']).toBe('too_short');
    expect(result.errors['translation.summary']).toBe('too_short');
  });

  it('sends nothing when nothing changed', () => {
    const baseline = offerValuesFrom(offerDto());
    expect(validateOfferChanges({ ...baseline }, baseline)).toEqual({ ok: true, data: {} });
  });

  it('still checks the whole form', () => {
    const baseline = offerValuesFrom(offerDto());
    const result = validateOfferChanges({ ...baseline, summary: 'ngắn' }, baseline);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.summary).toBe('too_short');
  });
});
