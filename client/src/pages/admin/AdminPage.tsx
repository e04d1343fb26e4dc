import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TabPanel, Tabs } from '../../components/ui';
import { usePageTitle } from '../../lib/usePageTitle';
import { ModerationQueue } from './ModerationQueue';
import { OrganizationVerification } from './OrganizationVerification';

type AdminTab = 'moderation' | 'organizations';

/** /admin: the moderation queue and organisation verification. The tab is kept in the URL. */
export function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const [params, setParams] = useSearchParams();
  const tab: AdminTab = params.get('tab') === 'organizations' ? 'organizations' : 'moderation';

  return (
    <div className="container page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('admin.title')}</h1>
          <p className="page-header__subtitle">{t('admin.subtitle')}</p>
        </div>
      </header>
      <Tabs<AdminTab>
        idPrefix="admin"
        label={t('admin.title')}
        items={[
          { value: 'moderation', label: t('admin.tabs.moderation') },
          { value: 'organizations', label: t('admin.tabs.organizations') },
        ]}
        selected={tab}
        onSelect={(next) => setParams(next === 'moderation' ? {} : { tab: next }, { replace: true })}
      />
      <TabPanel idPrefix="admin" value={tab}>
        {tab === 'moderation' ? <ModerationQueue /> : <OrganizationVerification />}
      </TabPanel>
    </div>
  );
}
