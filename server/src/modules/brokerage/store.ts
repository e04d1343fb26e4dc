import { defineStore, findEachById } from '../../platform/db';
import { carry } from '../../platform/events/pending';
import { collectionEventSource } from '../../platform/events/source';
import type { PendingEvent } from '../../platform/events/types';
import { keyIndex } from '../../platform/keyIndex';
import { leases } from '../../platform/lease';
import { type Mandate, type MandateModel, mandateId } from './model';

/** Every query on mandates: `_id` lookups (ids derived from the pair) and the organisations' key collection. */
export const brokerageStore = defineStore((connection) => {
  const Mandate = connection.model('Mandate') as MandateModel;
  const orgMandates = keyIndex(connection, 'OrgMandates');
  const lease = leases(connection);
  /** One write to a mandate at a time, across instances (FerretDB rewrites the document). */
  const withMandate = <T>(id: unknown, work: () => Promise<T>) => lease.run(`mandate:${id}`, work);
  return {
    mandates: collectionEventSource('mandates', Mandate, withMandate),
    withMandate,
    /** The `_id` of the mandate between a broker and a client (one per pair). */
    idOf: (brokerOrgId: unknown, clientOrgId: unknown) => mandateId(brokerOrgId, clientOrgId),
    findById: (id: unknown) => Mandate.findById(id).lean<Mandate>(),
    async ofOrganization(orgId: string): Promise<Mandate[]> {
      return findEachById<Mandate>(Mandate, await orgMandates.get(orgId), undefined, 16);
    },
    /** Creates or rewrites a mandate (the caller holds its lease), carrying events. */
    async save(id: unknown, set: Record<string, unknown>, events: PendingEvent[]): Promise<Mandate> {
      const saved = await Mandate.findByIdAndUpdate(id, carry({ $set: set }, events), {
        new: true,
        upsert: true,
        setDefaultsOnInsert: true,
      }).lean<Mandate>();
      await Promise.all([
        orgMandates.add(String(saved!.brokerOrgId), [String(id)]),
        orgMandates.add(String(saved!.clientOrgId), [String(id)]),
      ]);
      return saved!;
    },
  };
});
