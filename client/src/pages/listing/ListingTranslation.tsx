import type { ListingDto } from '@techbridge/shared';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The owner's title and summary in the listing's other language, when given:
 * "In English" under a Vietnamese listing, "Bằng tiếng Việt" under an English
 * one. The heading is written in that language, like a language switch.
 */
export function ListingTranslation({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const uid = useId();
  const { title, summary } = listing.translation ?? {};
  if (!title && !summary) return null;
  const other = listing.lang === 'en' ? 'vi' : 'en';
  return (
    <section className="listing-translation" lang={other} aria-labelledby={`${uid}-title`}>
      <h3 className="listing-translation__heading" id={`${uid}-title`}>
        {t(`listing.translation.${other}`)}
      </h3>
      {title && <p className="listing-translation__title">{title}</p>}
      {summary && <p className="listing-translation__summary">{summary}</p>}
    </section>
  );
}
