import { type EventCreateInput, eventCreateSchema } from '@techbridge/shared';
import { type ValidationResult, validate } from '../../forms/validate';
import { fromLocalInput } from './eventTime';

/** The event form as typed: date-times as `datetime-local` values on the venue's clock. */
export interface EventFormValues {
  title: string;
  description: string;
  kind: 'techmart' | 'brokerage';
  startsAt: string;
  endsAt: string;
  registrationClosesAt: string;
  venue: string;
  address: string;
  province: string;
  online: boolean;
  onlineUrl: string;
  sectors: string[];
  slotMinutes: string;
  tables: string;
  breaks: { start: string; end: string }[];
}

export const emptyEventForm = (): EventFormValues => ({
  title: '',
  description: '',
  kind: 'brokerage',
  startsAt: '',
  endsAt: '',
  registrationClosesAt: '',
  venue: '',
  address: '',
  province: '',
  online: false,
  onlineUrl: '',
  sectors: [],
  slotMinutes: '20',
  tables: '10',
  breaks: [],
});

/** Form paths in the order the fields appear (focus goes to the first with an error). */
export const eventFieldOrder = [
  'title',
  'kind',
  'description',
  'startsAt',
  'endsAt',
  'registrationClosesAt',
  'location',
  'location.venue',
  'location.province',
  'online',
  'online.url',
  'sectors',
  'slotMinutes',
  'tables',
  'breaks',
];

const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The API body from the form, validated with the shared schema (the server checks the same). */
export function toEventInput(v: EventFormValues): ValidationResult<EventCreateInput> {
  const venue = v.venue.trim();
  const body = {
    title: v.title,
    description: v.description,
    kind: v.kind,
    startsAt: fromLocalInput(v.startsAt),
    endsAt: fromLocalInput(v.endsAt),
    timezone: 'Asia/Ho_Chi_Minh',
    ...(venue
      ? {
          location: {
            venue,
            ...(v.address.trim() ? { address: v.address.trim() } : {}),
            ...(v.province ? { province: v.province } : {}),
          },
        }
      : {}),
    ...(v.online ? { online: v.onlineUrl.trim() ? { url: v.onlineUrl.trim() } : true } : {}),
    ...(v.province ? { province: v.province } : {}),
    sectors: v.sectors,
    slotMinutes: number(v.slotMinutes),
    tables: number(v.tables),
    registrationClosesAt: fromLocalInput(v.registrationClosesAt),
    breaks: v.breaks
      .filter((b) => b.start || b.end)
      .map((b) => ({ start: fromLocalInput(b.start), end: fromLocalInput(b.end) })),
  };
  return validate(eventCreateSchema, body);
}
