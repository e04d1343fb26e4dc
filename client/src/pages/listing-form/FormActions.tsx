import { useTranslation } from 'react-i18next';
import { Button, ButtonLink } from '../../components/ui';
import type { SubmitIntent } from './useListingSubmit';

export interface FormActionsProps {
  /** Draft, rejected and archived listings (and new ones) can be published from the form. */
  canPublish: boolean;
  isNew: boolean;
  pending: SubmitIntent | null;
  cancelHref: string;
}

/**
 * Submit buttons carry their intent as the submitter's value. "Save draft"
 * comes first, so Enter in a text box saves rather than publishes.
 */
export function FormActions({ canPublish, isNew, pending, cancelHref }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="form__actions">
      {canPublish ? (
        <>
          <Button
            type="submit"
            name="intent"
            value="draft"
            variant="secondary"
            loading={pending === 'draft'}
            disabled={pending !== null}
          >
            {t('listingForm.saveDraft')}
          </Button>
          <Button
            type="submit"
            name="intent"
            value="publish"
            loading={pending === 'publish'}
            disabled={pending !== null}
          >
            {t('listingForm.publish')}
          </Button>
        </>
      ) : (
        <Button type="submit" name="intent" value="draft" loading={pending === 'draft'} disabled={pending !== null}>
          {t('listingForm.saveChanges')}
        </Button>
      )}
      <ButtonLink to={cancelHref} variant="ghost">
        {isNew ? t('common.cancel') : t('listingForm.backToListing')}
      </ButtonLink>
    </div>
  );
}

export function submitIntent(event: { nativeEvent: Event }): SubmitIntent {
  const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
  return submitter?.value === 'publish' ? 'publish' : 'draft';
}
