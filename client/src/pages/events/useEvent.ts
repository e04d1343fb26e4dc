import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EventMeetingDto,
  EventParticipantDto,
  EventStatsDto,
  EventSuggestionDto,
  ScheduleEntryDto,
} from '@techbridge/shared';
import { useCallback } from 'react';
import { getEvent, getEventStats, getMeetings, getParticipants, getSchedule, getSuggestions } from '../../api/events';
import { queryKeys } from '../../api/queryKeys';
import { useAuth } from '../../auth/useAuth';

/** An event as the signed-in viewer (or a guest) sees it. */
export function useEvent(id: string) {
  const { user, status } = useAuth();
  return useQuery({
    queryKey: queryKeys.eventInfo(id, user?.id ?? null),
    queryFn: ({ signal }) => getEvent(id, signal),
    enabled: status !== 'loading',
  });
}

const fetchers = {
  participants: getParticipants,
  suggestions: getSuggestions,
  meetings: getMeetings,
  schedule: getSchedule,
  stats: getEventStats,
} as const;

interface PartData {
  participants: EventParticipantDto[];
  suggestions: EventSuggestionDto[];
  meetings: EventMeetingDto[];
  schedule: ScheduleEntryDto[];
  stats: EventStatsDto;
}
type Part = keyof PartData;

/** One part of an event (catalogue, suggestions, meetings, schedule, statistics), fetched when `enabled`. */
export function useEventPart<P extends Part>(id: string, part: P, enabled = true) {
  const fetch = fetchers[part] as (id: string, signal?: AbortSignal) => Promise<{ data: PartData[P] }>;
  return useQuery({
    queryKey: queryKeys.eventPart(id, part),
    queryFn: ({ signal }) => fetch(id, signal),
    enabled,
  });
}

/** Refetches everything shown of an event (after a change here, or one pushed live). */
export function useRefreshEvent(id: string) {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: queryKeys.event(id) }), [queryClient, id]);
}
