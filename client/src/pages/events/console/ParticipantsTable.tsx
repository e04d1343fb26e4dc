import type { EventParticipantDto } from '@techbridge/shared';
import { labelOf, organizationTypes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data/DataTable';
import { EmptyState } from '../../../components/ui';
import { useLang } from '../../../lib/useLang';
import { venueDateTime } from '../eventTime';

/** The registered organisations: booth, type, what they show, when they can meet. */
export function ParticipantsTable({ participants }: { participants: EventParticipantDto[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <DataTable
      label={t('events.console.participants')}
      rows={participants}
      rowKey={(p) => p.organization.id}
      empty={<EmptyState title={t('events.catalogue.empty')} />}
      columns={[
        { key: 'booth', header: t('events.console.columns.booth'), cell: (p) => p.booth, align: 'center' },
        {
          key: 'org',
          header: t('events.console.columns.organization'),
          rowHeader: true,
          cell: (p) => <Link to={`/organizations/${p.organization.id}`}>{p.organization.name}</Link>,
        },
        {
          key: 'type',
          header: t('events.console.columns.type'),
          cell: (p) => labelOf(organizationTypes, p.organization.type, lang),
        },
        {
          key: 'listings',
          header: t('events.console.columns.listings'),
          cell: (p) => p.listings.map((l) => l.title).join('; ') || '—',
        },
        {
          key: 'availability',
          header: t('events.console.columns.availability'),
          cell: (p) =>
            p.availability.length
              ? p.availability.map((a) => `${venueDateTime(a.start, lang)} – ${venueDateTime(a.end, lang)}`).join('; ')
              : t('events.console.wholeEvent'),
        },
      ]}
    />
  );
}
