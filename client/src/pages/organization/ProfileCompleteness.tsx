import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/ui';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { missingList } from './profileLabels';

export interface ProfileCompletenessProps {
  percent: number;
  missing: readonly string[];
  /** Owners and admins get a link to edit; other members are told who can; none on the edit page itself. */
  action: 'edit' | 'ask' | null;
}

/** For the organisation's own members: how complete the profile is, what it lacks, and where to fix it. */
export function ProfileCompleteness({ percent, missing, action }: ProfileCompletenessProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <section className="card card--padded org-completeness" aria-labelledby="org-completeness-title">
      <h2 className="card__title" id="org-completeness-title">
        {t('orgProfile.completeness.title')}
      </h2>
      <p className="org-completeness__percent">
        <span>{t('orgProfile.completeness.percent', { percent: formatNumber(value, lang) })}</span>
      </p>
      <div
        className="org-completeness__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={t('orgProfile.completeness.title')}
      >
        <span className="org-completeness__fill" style={{ width: `${value}%` }} />
      </div>
      {missing.length > 0 ? (
        <p className="org-completeness__missing">
          {t('orgProfile.completeness.missing', { list: missingList(missing, t, lang) })}
        </p>
      ) : (
        <p className="org-completeness__missing">{t('orgProfile.completeness.complete')}</p>
      )}
      {action === 'edit' && (
        <ButtonLink to="/organization/profile" variant={missing.length ? 'primary' : 'secondary'} size="sm">
          {t('orgProfile.edit')}
        </ButtonLink>
      )}
      {action === 'ask' && <p className="muted">{t('orgProfile.completeness.askOwner')}</p>}
    </section>
  );
}
