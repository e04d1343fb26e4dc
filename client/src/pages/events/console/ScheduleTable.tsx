import type { ScheduleEntryDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data/DataTable';
import { Badge, Button, EmptyState } from '../../../components/ui';
import { useLang } from '../../../lib/useLang';
import { venueDay, venueRange } from '../eventTime';
import type { useMeetingActions } from '../useMeetingActions';

/** The whole agenda for the organiser, with attendance recorded at the venue. */
export function ScheduleTable({
  entries,
  actions,
}: {
  entries: ScheduleEntryDto[];
  actions: ReturnType<typeof useMeetingActions>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <DataTable
      label={t('events.console.agenda')}
      rows={entries}
      rowKey={(e) => e.meetingId}
      empty={<EmptyState title={t('events.agenda.emptyOrganizer')} />}
      columns={[
        {
          key: 'when',
          header: t('events.console.columns.when'),
          rowHeader: true,
          cell: (e) => `${venueDay(e.startsAt, lang)}, ${venueRange(e.startsAt, e.endsAt, lang)}`,
        },
        { key: 'table', header: t('events.console.columns.table'), cell: (e) => e.table, align: 'center' },
        {
          key: 'who',
          header: t('events.console.columns.who'),
          cell: (e) => e.organizations.map((o) => o.name).join(' — '),
        },
        {
          key: 'attendance',
          header: t('events.console.columns.attendance'),
          cell: (e) => (
            <div className="attendance">
              {e.attendance && (
                <Badge tone={e.attendance === 'held' ? 'success' : 'warning'}>
                  {t(`events.attendance.${e.attendance}`)}
                </Badge>
              )}
              {e.dealId && <Link to={`/deals/${e.dealId}`}>{t('events.console.deal')}</Link>}
              {(['held', 'no_show'] as const)
                .filter((a) => a !== e.attendance)
                .map((a) => (
                  <Button
                    key={a}
                    size="sm"
                    variant="ghost"
                    loading={actions.busy === `${a}:${e.meetingId}`}
                    onClick={() => actions.run({ kind: 'attendance', meetingId: e.meetingId, attendance: a })}
                    aria-label={t(`events.console.mark.${a}`, { who: e.organizations.map((o) => o.name).join(' — ') })}
                  >
                    {t(`events.attendance.${a}`)}
                  </Button>
                ))}
            </div>
          ),
        },
      ]}
    />
  );
}
