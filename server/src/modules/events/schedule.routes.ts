import { agendaExportQuerySchema } from '@techbridge/shared';
import { route } from '../../context';
import { sendTable } from '../../platform/files/tables';
import { requestLang } from '../../platform/http/middleware/lang';
import { agendaCalendar, agendaPdf, agendaPreamble, agendaRows } from './agenda';
import { runSchedule } from './commands/runSchedule';
import { agendaFor, loadOrganizedEvent, loadOverseenEvent, loadReadableEvent, presentEventFor } from './view';

/** The scheduler, the agenda (JSON, iCalendar) and the organiser's exports (XLSX, PDF). */
export const scheduleRoutes = [
  route({
    method: 'post',
    path: '/events/:id/schedule',
    tag: 'Events',
    summary:
      'Run the scheduler: a slot and a table for every accepted meeting, keeping announced slots (the organiser)',
    access: 'user',
    responses: { 200: 'The run: how many were placed, kept and moved, and what could not be placed and why' },
    errors: [403],
    async handler({ ctx, user, params }) {
      await loadOrganizedEvent(ctx, params.id, user);
      const { event } = await runSchedule(ctx, user, params.id);
      return { data: (await presentEventFor(ctx, event, user)).schedule };
    },
  }),
  route({
    method: 'get',
    path: '/events/:id/schedule',
    tag: 'Events',
    summary: 'The schedule: all of it for the organiser, my organisation’s meetings for a participant',
    access: 'user',
    responses: { 200: 'The scheduled meetings, in time and table order' },
    errors: [403],
    async handler({ ctx, user, params }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      return { data: (await agendaFor(ctx, event, user)).entries };
    },
  }),
  route({
    method: 'get',
    path: '/events/:id/schedule.ics',
    tag: 'Events',
    summary: 'My agenda as an iCalendar file (RFC 5545)',
    access: 'user',
    responses: { 200: 'The calendar (text/calendar)' },
    responseShape: 'file',
    errors: [403],
    async handler({ ctx, user, params, req, res }) {
      const event = await loadReadableEvent(ctx, params.id, user);
      const { entries } = await agendaFor(ctx, event, user);
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="agenda-${event._id}.ics"`);
      res.send(agendaCalendar(event, entries, user.organizationId, requestLang(req)));
    },
  }),
  route({
    method: 'get',
    path: '/events/:id/schedule/export',
    tag: 'Events',
    summary:
      'The whole agenda as an XLSX or PDF file, under a header stating event, dates, scope and export time (the organiser)',
    access: 'user',
    query: agendaExportQuerySchema,
    responses: { 200: 'The file' },
    responseShape: 'file',
    errors: [403],
    async handler({ ctx, user, params, query, req, res }) {
      const event = await loadOverseenEvent(ctx, params.id, user);
      const { entries } = await agendaFor(ctx, event, user);
      const lang = requestLang(req);
      const now = new Date();
      if (query.format === 'xlsx') {
        const preamble = agendaPreamble(event, entries, lang, now);
        return sendTable(res, agendaRows(entries, lang), `agenda-${event._id}`, 'xlsx', preamble);
      }
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="agenda-${event._id}.pdf"`);
      res.send(await agendaPdf(event, entries, lang, now));
    },
  }),
];
