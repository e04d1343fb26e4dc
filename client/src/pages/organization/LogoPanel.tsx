import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteOrganizationLogo, type OrganizationProfile, uploadOrganizationLogo } from '../../api/organizations';
import { queryKeys } from '../../api/queryKeys';
import { Alert, Button } from '../../components/ui';
import { FileUpload } from '../../components/upload/FileUpload';
import { describeApiError } from '../../forms/describeApiError';
import { OrganizationLogo } from './OrganizationLogo';

const LOGO_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp'];

/**
 * Whether the logo was uploaded (rather than generated from the initials):
 * the completeness hint names the logo as missing when there is none.
 */
export function hasUploadedLogo(profile: OrganizationProfile): boolean {
  if (!profile.logoUrl) return false;
  if (profile.completeness) return !profile.completeness.missing.some((field) => field.startsWith('logo'));
  return !/initials|\.svg(\?|$)/.test(profile.logoUrl);
}

/** The logo: upload a picture (PNG, JPEG or WebP) or remove it to go back to the generated initials. */
export function LogoPanel({ profile }: { profile: OrganizationProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [logoUrl, setLogoUrl] = useState(profile.logoUrl);
  const [hasUpload, setHasUpload] = useState(() => hasUploadedLogo(profile));

  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.organization(profile.id) });
  const remove = useMutation({
    mutationFn: deleteOrganizationLogo,
    onSuccess: () => {
      setLogoUrl('');
      setHasUpload(false);
      setMessage({ tone: 'success', text: t('orgProfile.logo.removed') });
      refresh();
    },
    onError: (error) => setMessage({ tone: 'error', text: describeApiError(error, t) }),
  });

  return (
    <section className="card card--padded org-logo-panel" aria-labelledby="org-logo-title">
      <h2 className="card__title" id="org-logo-title">
        {t('orgProfile.logo.title')}
      </h2>
      <div className="org-logo-panel__body">
        <OrganizationLogo name={profile.name} logoUrl={logoUrl} />
        <div className="org-logo-panel__actions">
          <FileUpload
            inputId="org-logo-file"
            hint={t('orgProfile.logo.hint')}
            chooseLabel={t('orgProfile.logo.choose')}
            accept={LOGO_EXTENSIONS}
            upload={uploadOrganizationLogo}
            onStart={() => setMessage(null)}
            onSuccess={(res) => {
              setLogoUrl(res.data.logoUrl);
              setHasUpload(true);
              setMessage({ tone: 'success', text: t('orgProfile.logo.uploaded') });
              queryClient.setQueryData(queryKeys.organization(profile.id), res);
              refresh();
            }}
            onError={(text) =>
              // The upload's own wording lists every attachment type; a logo is a picture.
              setMessage({
                tone: 'error',
                text: text === t('attachments.badType') ? t('orgProfile.logo.badType') : text,
              })
            }
          />
          {hasUpload && (
            <Button variant="ghost" size="sm" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('orgProfile.logo.remove')}
            </Button>
          )}
        </div>
      </div>
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
    </section>
  );
}
