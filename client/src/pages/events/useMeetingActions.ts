import { useMutation } from '@tanstack/react-query';
import type { MeetingAttendance } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { answerMeeting, markAttendance, requestMeeting, startMeetingDeal } from '../../api/events';
import { describeApiError } from '../../forms/describeApiError';
import { useRefreshEvent } from './useEvent';

type Action =
  | { kind: 'request'; withOrganizationId: string; message?: string }
  | { kind: 'accept' | 'decline'; meetingId: string }
  | { kind: 'attendance'; meetingId: string; attendance: MeetingAttendance }
  | { kind: 'deal'; meetingId: string };

const keyOf = (a: Action) =>
  a.kind === 'request'
    ? `request:${a.withOrganizationId}`
    : a.kind === 'attendance'
      ? `${a.attendance}:${a.meetingId}`
      : `${a.kind}:${a.meetingId}`;

/**
 * What can be done with an event's meetings: ask, accept, decline, record
 * attendance, start a deal (then open it). The event is refetched after each;
 * `busy` names the action running, `error` the last failure in words.
 */
export function useMeetingActions(eventId: string) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshEvent(eventId);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (a: Action) => {
      switch (a.kind) {
        case 'request':
          return requestMeeting(eventId, { withOrganizationId: a.withOrganizationId, message: a.message || undefined });
        case 'accept':
        case 'decline':
          return answerMeeting(eventId, a.meetingId, a.kind);
        case 'attendance':
          return markAttendance(eventId, a.meetingId, a.attendance);
        case 'deal':
          return startMeetingDeal(eventId, a.meetingId);
      }
    },
    onMutate: () => setError(null),
    onSuccess: (result, a) => {
      void refresh();
      if (a.kind === 'deal') navigate(`/deals/${(result as { data: { id: string } }).data.id}`);
    },
    onError: (err) => setError(describeApiError(err, t, { conflict: t('events.meetings.conflict') })),
  });
  return {
    run: (a: Action) => mutation.mutateAsync(a).catch(() => undefined),
    busy: mutation.isPending && mutation.variables ? keyOf(mutation.variables) : null,
    keyOf,
    error,
  };
}
