import type { UserDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Badge, Card, CardHeader } from '../../components/ui';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { DetailList } from './DetailList';

export function ProfileCard({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const lang = useLang();

  return (
    <Card as="section" aria-labelledby="profile-title">
      <CardHeader
        id="profile-title"
        level={3}
        title={t('account.profile.title')}
        actions={user.role === 'admin' ? <Badge tone="accent">{t('account.profile.admin')}</Badge> : null}
      />
      <DetailList
        items={[
          { label: t('account.profile.name'), value: user.name },
          { label: t('account.profile.email'), value: <span className="text-break">{user.email}</span> },
          {
            label: t('account.profile.orgRole'),
            value: user.orgRole ? t(`account.roles.${user.orgRole}`) : t('common.notProvided'),
          },
          {
            // The language in use now (the switch in the header), not the one chosen at registration.
            label: t('account.profile.locale'),
            value: (
              <>
                <span lang={lang}>{t(`language.${lang}`)}</span>
                {user.locale !== lang && (
                  <span className="muted">
                    {' · '}
                    {t('accountLanguage.mailIn', { language: t(`language.${user.locale}`) })}
                  </span>
                )}
              </>
            ),
          },
          { label: t('account.profile.joined'), value: formatDate(user.createdAt, lang) },
        ]}
      />
    </Card>
  );
}
