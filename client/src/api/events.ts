import type {
  DealDto,
  EventCreateInput,
  EventDto,
  EventMeetingDto,
  EventParticipantDto,
  EventStatsDto,
  EventSuggestionDto,
  IntervalInput,
  MeetingAttendance,
  ScheduleEntryDto,
  ScheduleRunDto,
} from '@techbridge/shared';
import { apiFetch, apiFetchBlob } from './http';

export interface EventFilters {
  when?: 'upcoming' | 'past' | 'all';
  province?: string;
  sector?: string;
  mine?: 'organizing' | 'participating';
}

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export function getEvents(filters: EventFilters = {}, signal?: AbortSignal): Promise<{ data: EventDto[] }> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return apiFetch(`/api/events${query ? `?${query}` : ''}`, { signal });
}

export function getEvent(id: string, signal?: AbortSignal): Promise<{ data: EventDto }> {
  return apiFetch(eventPath(id), { signal });
}

export function createEvent(input: EventCreateInput): Promise<{ data: EventDto }> {
  return apiFetch('/api/events', { method: 'POST', body: input });
}

export function publishEvent(id: string): Promise<{ data: EventDto }> {
  return apiFetch(`${eventPath(id)}/publish`, { method: 'POST' });
}

export function getParticipants(id: string, signal?: AbortSignal): Promise<{ data: EventParticipantDto[] }> {
  return apiFetch(`${eventPath(id)}/participants`, { signal });
}

export function registerForEvent(
  id: string,
  input: { listingIds: string[]; availability?: IntervalInput[] },
): Promise<{ data: EventParticipantDto }> {
  return apiFetch(`${eventPath(id)}/participants`, { method: 'POST', body: input });
}

export function withdrawFromEvent(id: string): Promise<void> {
  return apiFetch(`${eventPath(id)}/participants`, { method: 'DELETE' });
}

export function getSuggestions(id: string, signal?: AbortSignal): Promise<{ data: EventSuggestionDto[] }> {
  return apiFetch(`${eventPath(id)}/suggestions`, { signal });
}

export function getMeetings(id: string, signal?: AbortSignal): Promise<{ data: EventMeetingDto[] }> {
  return apiFetch(`${eventPath(id)}/meetings`, { signal });
}

export function requestMeeting(
  id: string,
  input: { withOrganizationId: string; message?: string; listingIds?: string[] },
): Promise<{ data: EventMeetingDto }> {
  return apiFetch(`${eventPath(id)}/meetings`, { method: 'POST', body: input });
}

export function answerMeeting(id: string, meetingId: string, answer: 'accept' | 'decline') {
  return apiFetch<{ data: EventMeetingDto }>(`${eventPath(id)}/meetings/${encodeURIComponent(meetingId)}/${answer}`, {
    method: 'POST',
  });
}

export function markAttendance(id: string, meetingId: string, attendance: MeetingAttendance) {
  return apiFetch<{ data: EventMeetingDto }>(`${eventPath(id)}/meetings/${encodeURIComponent(meetingId)}/attendance`, {
    method: 'POST',
    body: { attendance },
  });
}

export function startMeetingDeal(id: string, meetingId: string): Promise<{ data: DealDto }> {
  return apiFetch(`${eventPath(id)}/meetings/${encodeURIComponent(meetingId)}/deal`, { method: 'POST' });
}

export function runScheduler(id: string): Promise<{ data: ScheduleRunDto }> {
  return apiFetch(`${eventPath(id)}/schedule`, { method: 'POST' });
}

export function getSchedule(id: string, signal?: AbortSignal): Promise<{ data: ScheduleEntryDto[] }> {
  return apiFetch(`${eventPath(id)}/schedule`, { signal });
}

export function getEventStats(id: string, signal?: AbortSignal): Promise<{ data: EventStatsDto }> {
  return apiFetch(`${eventPath(id)}/stats`, { signal });
}

/** My agenda as an iCalendar file. */
export function downloadAgendaCalendar(id: string): Promise<Blob> {
  return apiFetchBlob(`${eventPath(id)}/schedule.ics`);
}

/** The whole agenda as XLSX or PDF (the organiser). */
export function downloadAgenda(id: string, format: 'xlsx' | 'pdf'): Promise<Blob> {
  return apiFetchBlob(`${eventPath(id)}/schedule/export?format=${format}`);
}
