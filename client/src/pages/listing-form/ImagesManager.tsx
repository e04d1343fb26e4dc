import { useMutation } from '@tanstack/react-query';
import type { ListingDto, ListingImageDto } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteListingImage, setListingCover, uploadListingImage } from '../../api/listings';
import { ListingImg } from '../../components/listings/ListingImage';
import { Alert, Badge, Button, ConfirmDialog } from '../../components/ui';
import { FileUpload } from '../../components/upload/FileUpload';
import { describeApiError } from '../../forms/describeApiError';
import { useListingCache } from '../../lib/useListingCache';

/** What the server accepts (server/src/platform/files/uploads.ts): checked there by content. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp'];
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
export const MAX_IMAGES = 8;

/** Upload, preview, remove and choose the cover of a listing's images. Owners only, once the listing is saved. */
export function ImagesManager({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const cache = useListingCache();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<ListingImageDto | null>(null);
  const images = listing.images;
  const full = images.length >= MAX_IMAGES;
  const isPrivate = listing.status !== 'published';

  const cover = useMutation({
    mutationFn: (image: ListingImageDto) => setListingCover(listing.type, listing.id, image.id),
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: () => {
      cache.changed(listing.type, listing.id);
      setDone(t('images.coverChanged'));
    },
    onError: (error) => setProblem(describeApiError(error, t)),
  });
  const remove = useMutation({
    mutationFn: (image: ListingImageDto) => deleteListingImage(listing.type, listing.id, image.id),
    onSuccess: () => {
      cache.changed(listing.type, listing.id);
      setToDelete(null);
      setDone(t('images.deleted'));
    },
  });

  return (
    <div className="images-manager">
      {problem && <Alert tone="error">{problem}</Alert>}
      {done && (
        <Alert tone="success" live>
          {done}
        </Alert>
      )}
      {images.length === 0 ? (
        <p className="muted">{t('images.none')}</p>
      ) : (
        <ul className="images-manager__list" aria-label={t('images.listLabel')}>
          {images.map((image, index) => (
            <li key={image.id} className="images-manager__item">
              <ListingImg
                className="images-manager__thumb"
                src={image.thumbUrl}
                alt={t('images.thumbAlt', { position: index + 1, title: image.alt })}
                width={image.thumbWidth}
                height={image.thumbHeight}
                isPrivate={isPrivate}
              />
              <div className="images-manager__actions">
                {index === 0 ? (
                  <Badge tone="success">{t('images.cover')}</Badge>
                ) : (
                  <Button
                    variant="secondary"
                    size="sm"
                    loading={cover.isPending && cover.variables?.id === image.id}
                    aria-label={t('images.makeCoverNamed', { position: index + 1 })}
                    onClick={() => cover.mutate(image)}
                  >
                    {t('images.makeCover')}
                  </Button>
                )}
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t('images.deleteNamed', { position: index + 1 })}
                  onClick={() => setToDelete(image)}
                >
                  {t('images.delete')}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <FileUpload
        inputId="listing-image-file"
        disabled={full}
        accept={IMAGE_EXTENSIONS}
        maxBytes={MAX_IMAGE_BYTES}
        chooseLabel={t('images.choose')}
        tooLargeMessage={t('images.tooLarge')}
        badTypeMessage={t('images.badType')}
        hint={full ? t('images.full', { max: MAX_IMAGES }) : t('images.hint', { max: MAX_IMAGES })}
        upload={(file, options) => uploadListingImage(listing.type, listing.id, file, options)}
        onStart={() => {
          setProblem(null);
          setDone(null);
        }}
        onSuccess={(_res, file) => {
          cache.changed(listing.type, listing.id);
          setDone(t('images.uploaded', { name: file.name }));
        }}
        onError={setProblem}
      />
      <ConfirmDialog
        open={toDelete !== null}
        title={t('images.deleteTitle')}
        confirmLabel={t('images.delete')}
        loading={remove.isPending}
        error={remove.isError ? describeApiError(remove.error, t) : null}
        onConfirm={() => toDelete && remove.mutate(toDelete)}
        onCancel={() => {
          setToDelete(null);
          remove.reset();
        }}
      >
        <p>{t('images.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
