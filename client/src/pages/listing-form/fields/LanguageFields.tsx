import { type ListingLang, listingLangs } from '@techbridge/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, Select } from '../../../components/ui';
import type { FormApi } from '../../../forms/formTools';
import { TextField } from './TextField';

interface Translatable {
  lang: ListingLang;
  'translation.title': string;
  'translation.summary': string;
}

/** The listing's other language: a translation of a Vietnamese listing is English, and the reverse. */
export const otherLang = (lang: ListingLang): ListingLang => (lang === 'vi' ? 'en' : 'vi');

/** "Ngôn ngữ của tin": the language the title and main text are written in. */
export function LangField<V extends Translatable>({ form }: { form: FormApi<V> }) {
  const { t } = useTranslation();
  const f = form as unknown as FormApi<Translatable>;
  return (
    <Field name="lang" label={t('listingForm.fields.lang')} hint={t('listingForm.hints.lang')} error={f.error('lang')}>
      {(control) => (
        <Select
          {...control}
          options={listingLangs.map((value) => ({ value, label: t(`listing.langs.${value}`) }))}
          value={f.values.lang}
          onChange={(e) => f.set('lang', e.target.value as ListingLang)}
        />
      )}
    </Field>
  );
}

/**
 * "Bản dịch tiếng Anh/tiếng Việt": the title and summary in the other
 * language, optional, in a section that starts collapsed unless it has
 * content, and opens by itself when one of its fields has an error.
 */
export function TranslationFields<V extends Translatable>({ form }: { form: FormApi<V> }) {
  const { t } = useTranslation();
  const uid = useId();
  const f = form as unknown as FormApi<Translatable>;
  const filled = !!(f.values['translation.title'].trim() || f.values['translation.summary'].trim());
  const [expanded, setExpanded] = useState(filled);
  const hasError = !!(f.error('translation.title') || f.error('translation.summary'));
  const open = expanded || hasError;
  const other = otherLang(f.values.lang);
  const panelId = `${uid}-translation`;

  return (
    <div className={`translation-fields${open ? ' is-open' : ''}`}>
      <h3 className="translation-fields__heading">
        <button
          type="button"
          className="translation-fields__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setExpanded(!open)}
        >
          <svg className="translation-fields__chevron" viewBox="0 0 20 20" aria-hidden="true">
            <path fill="currentColor" d="M7.5 5.2 12.3 10l-4.8 4.8-1.2-1.2 3.6-3.6-3.6-3.6z" />
          </svg>
          <span className="translation-fields__label">
            {t(`listingForm.translation.heading.${other}`)}{' '}
            <span className="field__optional">{t('forms.optional')}</span>
          </span>
          {filled && !open && <span className="translation-fields__filled">{t('listingForm.translation.filled')}</span>}
        </button>
      </h3>
      <div className="translation-fields__panel" id={panelId} hidden={!open}>
        {open && (
          <>
            <p className="field__hint">{t(`listingForm.translation.lead.${other}`)}</p>
            <TextField
              form={f}
              name="translation.title"
              label={t(`listingForm.translation.title.${other}`)}
              hint={t('listingForm.translation.titleHint')}
              lang={other}
            />
            <TextField
              form={f}
              name="translation.summary"
              label={t(`listingForm.translation.summary.${other}`)}
              hint={t('listingForm.translation.summaryHint')}
              rows={4}
              lang={other}
            />
          </>
        )}
      </div>
    </div>
  );
}
