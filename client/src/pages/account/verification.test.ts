import { describe, expect, it } from '@jest/globals';
import type { VerificationDto } from '../../api/verification';
import {
  splitServerFieldErrors,
  validateVerification,
  verificationInput,
  verificationValuesFrom,
} from './verificationForm';
import { verificationView } from './verificationState';

const filled = {
  registrationNumber: ' QD-12345 ',
  taxCode: '',
  address: '268 Lý Thường Kiệt, TP. Hồ Chí Minh',
  website: '',
  note: '  ',
};

describe('verification form', () => {
  it('prefills from a rejected request, with blanks for what it lacked', () => {
    const previous = {
      registrationNumber: 'QD-1',
      taxCode: null,
      address: 'Hà Nội',
      website: 'https://x.vn',
      note: null,
    } as VerificationDto;
    expect(verificationValuesFrom(previous)).toEqual({
      registrationNumber: 'QD-1',
      taxCode: '',
      address: 'Hà Nội',
      website: 'https://x.vn',
      note: '',
    });
    expect(verificationValuesFrom(null).registrationNumber).toBe('');
  });

  it('sends required fields always and optional ones only when filled, trimmed', () => {
    expect(verificationInput(filled)).toEqual({
      registrationNumber: 'QD-12345',
      address: '268 Lý Thường Kiệt, TP. Hồ Chí Minh',
    });
  });

  it('accepts a complete request', () => {
    expect(validateVerification({ ...filled, taxCode: '0301234567', website: 'https://hcmut.edu.vn' })).toEqual({
      ok: true,
      data: {
        registrationNumber: 'QD-12345',
        taxCode: '0301234567',
        address: '268 Lý Thường Kiệt, TP. Hồ Chí Minh',
        website: 'https://hcmut.edu.vn',
      },
    });
  });

  it('names errors by form field, empty required fields as "required"', () => {
    expect(validateVerification({ ...filled, registrationNumber: '', taxCode: '12' })).toEqual({
      ok: false,
      errors: { 'verification.registrationNumber': 'required', 'verification.taxCode': 'invalid_type' },
    });
    const short = validateVerification({ ...filled, address: 'Hà Nội' });
    expect(short.ok || short.errors).toEqual({ 'verification.address': 'too_short' });
  });

  it('splits the server’s field messages between the form’s fields and the rest', () => {
    expect(splitServerFieldErrors({ taxCode: 'Sai mã số thuế', organization: 'Không tìm thấy' })).toEqual({
      byField: { 'verification.taxCode': 'Sai mã số thuế' },
      other: ['Không tìm thấy'],
    });
  });
});

describe('verificationView', () => {
  it('offers the form to an owner with no request yet', () => {
    expect(verificationView(false, null, true)).toEqual({
      note: 'none',
      notOwner: false,
      showRequest: false,
      canUpload: false,
      canRequest: true,
    });
  });

  it('tells a member that only the owner may ask', () => {
    expect(verificationView(false, null, false)).toMatchObject({ note: 'none', notOwner: true, canRequest: false });
  });

  it('shows a pending request, with uploads for the owner only', () => {
    expect(verificationView(false, { status: 'pending' }, true)).toEqual({
      note: 'pending',
      notOwner: false,
      showRequest: true,
      canUpload: true,
      canRequest: false,
    });
    expect(verificationView(false, { status: 'pending' }, false)).toMatchObject({
      note: 'pendingMember',
      notOwner: false,
      canUpload: false,
    });
  });

  it('lets the owner ask again after a rejection', () => {
    expect(verificationView(false, { status: 'rejected' }, true)).toMatchObject({
      note: 'rejected',
      showRequest: true,
      canRequest: true,
    });
  });

  it('once verified, shows only an approved request and offers nothing', () => {
    expect(verificationView(true, { status: 'approved' }, true)).toEqual({
      note: 'verified',
      notOwner: false,
      showRequest: true,
      canUpload: false,
      canRequest: false,
    });
    expect(verificationView(true, { status: 'rejected' }, true).showRequest).toBe(false);
  });
});
