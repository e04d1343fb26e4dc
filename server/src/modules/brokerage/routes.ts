import { introductionCreateSchema, mandateRequestSchema } from '@techbridge/shared';
import { route } from '../../context';
import { presentDealFor } from '../deals/view';
import { introduce } from './commands/introduce';
import { decideMandate, loadMandate, requestMandate } from './commands/mandates';
import { portfolio, presentMandates } from './portfolio';
import { brokerageStore } from './store';

const decision = (action: 'accept' | 'decline' | 'end', summary: string) =>
  route({
    method: 'post',
    path: `/mandates/:id/${action}`,
    tag: 'Brokerage',
    summary,
    access: 'user',
    responses: { 200: 'The mandate' },
    errors: [403, 409],
    async handler({ ctx, user, params }) {
      const mandate = await decideMandate(ctx, user, params.id, action);
      return { data: (await presentMandates(ctx, [mandate], user))[0] };
    },
  });

export const brokerageRoutes = [
  route({
    method: 'post',
    path: '/mandates',
    tag: 'Brokerage',
    summary: 'Ask a client organisation for a mandate, or record new commission terms (intermediaries)',
    access: 'user',
    body: mandateRequestSchema,
    responses: { 200: 'The mandate, terms updated', 201: 'The mandate requested' },
    errors: [403],
    async handler({ ctx, user, body, res }) {
      const { mandate, created } = await requestMandate(ctx, user, body);
      res.status(created ? 201 : 200);
      return { data: (await presentMandates(ctx, [mandate], user))[0] };
    },
  }),
  route({
    method: 'get',
    path: '/mandates',
    tag: 'Brokerage',
    summary: 'The mandates my organisation holds (as a broker) or gave (as a client)',
    access: 'user',
    responses: { 200: 'The mandates' },
    async handler({ ctx, user }) {
      if (!user.organizationId) return { data: [] };
      const mandates = await brokerageStore(ctx.db).ofOrganization(user.organizationId);
      const data = await presentMandates(ctx, mandates, user);
      return { data: data.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)) };
    },
  }),
  decision('accept', 'Give the mandate asked for (the client)'),
  decision('decline', 'Decline the mandate asked for (the client)'),
  decision('end', 'End the mandate (either side; the broker may withdraw its request)'),
  route({
    method: 'get',
    path: '/mandates/:id/portfolio',
    tag: 'Brokerage',
    summary: "The client's listings and their matches, for its broker while the mandate is active",
    access: 'user',
    responses: { 200: 'The mandate and the listings' },
    errors: [403],
    async handler({ ctx, user, params }) {
      const mandate = await loadMandate(ctx, params.id, user);
      return { data: await portfolio(ctx, mandate, user) };
    },
  }),
  route({
    method: 'post',
    path: '/introductions',
    tag: 'Brokerage',
    summary: "Introduce a client's listing to a counterpart: a deal both parties must accept (brokers with a mandate)",
    access: 'user',
    body: introductionCreateSchema,
    responses: { 201: 'The deal' },
    errors: [403, 409],
    async handler({ ctx, user, body, req, res }) {
      const deal = await introduce(ctx, user, body, req.ip ?? null);
      res.status(201);
      return { data: await presentDealFor(ctx, deal, user) };
    },
  }),
];
