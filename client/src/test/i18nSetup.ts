import { beforeAll } from '@jest/globals';
import i18n, { i18nReady } from '../i18n';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';

/**
 * Client tests render at once, in Vietnamese: both languages' messages are
 * added synchronously (the app itself loads only the visitor's language).
 */
i18n.addResourceBundle('vi', 'translation', vi, true, true);
i18n.addResourceBundle('en', 'translation', en, true, true);
beforeAll(() => i18nReady);
