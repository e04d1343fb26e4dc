/** The events pages (issue 17), loaded together on demand. */
export { AgendaPage } from './AgendaPage';
export { OrganizerConsolePage } from './console/OrganizerConsolePage';
export { EventDetailPage } from './EventDetailPage';
export { EventFormPage } from './EventFormPage';
export { EventsPage } from './EventsPage';
