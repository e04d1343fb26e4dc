import type { ListingDto } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListingImg } from '../../components/listings/ListingImage';

/**
 * A listing's images: the chosen one large (the cover first), the others as
 * thumbnail buttons below (Tab to reach, Enter or Space to show; the shown
 * one is marked pressed). Unpublished listings' images are fetched with the
 * session's token.
 */
export function ListingGallery({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const [shownId, setShownId] = useState<string | null>(null);
  const images = listing.images;
  if (images.length === 0) return null;
  const shown = images.find((i) => i.id === shownId) ?? images[0];
  const isPrivate = listing.status !== 'published';
  const position = images.indexOf(shown) + 1;
  return (
    <section className="listing-gallery" aria-label={t('images.gallery')}>
      <figure className="listing-gallery__main">
        <ListingImg
          key={shown.id}
          className="listing-gallery__image"
          src={shown.url}
          alt={shown.alt}
          width={shown.width}
          height={shown.height}
          isPrivate={isPrivate}
          eager
        />
        {images.length > 1 && (
          <figcaption className="listing-gallery__caption" aria-live="polite">
            {t('images.position', { position, count: images.length })}
          </figcaption>
        )}
      </figure>
      {images.length > 1 && (
        <ul className="listing-gallery__thumbs">
          {images.map((image, index) => (
            <li key={image.id}>
              <button
                type="button"
                className="listing-gallery__thumb"
                aria-pressed={image.id === shown.id}
                aria-label={t('images.show', { position: index + 1, count: images.length })}
                onClick={() => setShownId(image.id)}
              >
                <ListingImg
                  src={image.thumbUrl}
                  alt=""
                  width={image.thumbWidth}
                  height={image.thumbHeight}
                  isPrivate={isPrivate}
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
