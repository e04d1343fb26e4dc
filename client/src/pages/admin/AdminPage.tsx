import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TabPanel, Tabs } from '../../components/ui';
import { usePageTitle } from '../../lib/usePageTitle';
import { AccountsPanel } from './accounts/AccountsPanel';
import { AuditLogBrowser } from './audit/AuditLogBrowser';
import { ModerationQueue } from './ModerationQueue';
import { OrganizationVerification } from './OrganizationVerification';
import { VerificationRequests } from './VerificationRequests';

const adminTabs = ['moderation', 'verifications', 'organizations', 'accounts', 'audit'] as const;
type AdminTab = (typeof adminTabs)[number];

const isAdminTab = (value: string | null): value is AdminTab => adminTabs.includes(value as AdminTab);

/**
 * /admin: the moderation queue, verification requests, organisation
 * verification, suspensions and the audit log. The tab is kept in the URL
 * (`?tab=`); each tab may add its own parameters, which switching tabs clears.
 */
export function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: AdminTab = isAdminTab(requested) ? requested : 'moderation';

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
        items={adminTabs.map((value) => ({ value, label: t(`admin.tabs.${value}`) }))}
        selected={tab}
        onSelect={(next) => setParams(next === 'moderation' ? {} : { tab: next }, { replace: true })}
      />
      <TabPanel idPrefix="admin" value={tab}>
        {tab === 'moderation' && <ModerationQueue />}
        {tab === 'verifications' && <VerificationRequests />}
        {tab === 'organizations' && <OrganizationVerification />}
        {tab === 'accounts' && <AccountsPanel />}
        {tab === 'audit' && <AuditLogBrowser />}
      </TabPanel>
    </div>
  );
}
