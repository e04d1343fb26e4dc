import type { EventMeetingDto, EventParticipantDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui';
import { meetingMatrix } from '../eventTime';

const symbols = { requested: '?', accepted: '✓', declined: '✕', cancelled: '–' } as const;

/** Who meets whom: participants by booth on both axes; each cell the pair's meeting and its state. */
export function MeetingMatrix({
  participants,
  meetings,
}: {
  participants: EventParticipantDto[];
  meetings: EventMeetingDto[];
}) {
  const { t } = useTranslation();
  const { orgs, cell } = meetingMatrix(participants, meetings);
  if (orgs.length < 2) return <EmptyState title={t('events.console.matrixEmpty')} />;
  // A focusable region, so keyboard users can scroll a matrix wider than the screen (as DataTable does).
  const scroller = { role: 'region', tabIndex: 0, 'aria-label': t('events.console.matrix') };
  return (
    <div className="matrix-scroll" {...scroller}>
      <table className="matrix">
        <caption className="visually-hidden">{t('events.console.matrixCaption')}</caption>
        <thead>
          <tr>
            <td />
            {orgs.map((o) => (
              <th key={o.id} scope="col" title={o.name}>
                <abbr title={o.name}>{o.booth}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {orgs.map((row) => (
            <tr key={row.id}>
              <th scope="row">
                {row.booth}. {row.name}
              </th>
              {orgs.map((col) => {
                const c = cell(row.id, col.id);
                const label = c
                  ? `${row.name} — ${col.name}: ${t(`events.meetings.status.${c.status}`)}${c.scheduled ? `, ${t('events.console.scheduled')}` : ''}`
                  : '';
                return (
                  <td
                    key={col.id}
                    className={
                      c ? `matrix__cell matrix__cell--${c.status}${c.scheduled ? ' is-scheduled' : ''}` : 'matrix__cell'
                    }
                  >
                    {c && (
                      <span title={label}>
                        <span aria-hidden="true">{symbols[c.status]}</span>
                        <span className="visually-hidden">{label}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="form__note">{t('events.console.matrixLegend')}</p>
    </div>
  );
}
