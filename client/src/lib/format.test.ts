import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime, formatFileSize, formatMoney, formatNumber, formatTime } from './format';

// Noon UTC on 25 Nov 2025: the formatters use the machine's time zone, and noon is the 25th in nearly all of them.
const iso = '2025-11-25T12:05:00.000Z';

describe('format helpers', () => {
  it('writes numbers with the UI language’s separators', () => {
    expect(formatNumber(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('writes money in Vietnamese notation whatever the UI language', () => {
    expect(formatMoney(1_200_000_000)).toBe('1.200.000.000\u00a0₫');
    expect(formatMoney(1500, 'USD')).toBe('1.500\u00a0US$');
  });

  it('falls back to the bare number and code for an unknown currency', () => {
    expect(formatMoney(1500, 'not a currency')).toBe('1.500 not a currency');
  });

  it('gives sizes in B, KB, MB with one decimal below ten', () => {
    expect(formatFileSize(512, 'en')).toBe('512 B');
    expect(formatFileSize(2.4 * 1024 * 1024, 'en')).toBe('2.4 MB');
    expect(formatFileSize(2.4 * 1024 * 1024, 'vi')).toBe('2,4 MB');
    expect(formatFileSize(15 * 1024, 'en')).toBe('15 KB');
    expect(formatFileSize(5 * 1024 ** 4, 'en')).toBe('5,120 GB');
  });

  it('formats dates per language and returns anything that is not a date unchanged', () => {
    expect(formatDate(iso, 'en')).toBe('25 Nov 2025');
    expect(formatDate(iso, 'vi')).toContain('2025');
    expect(formatDate(iso, 'vi')).not.toBe(formatDate(iso, 'en'));
    expect(formatDate('someday', 'vi')).toBe('someday');
    expect(formatDateTime('', 'en')).toBe('');
    expect(formatTime('later', 'vi')).toBe('later');
  });

  it('shows a time of day as hours and minutes', () => {
    expect(formatTime(iso, 'vi')).toMatch(/^\d{2}:\d{2}$/);
    expect(formatDateTime(iso, 'en')).toMatch(/^25 Nov 2025, \d{2}:\d{2}$/);
  });
});
