import { type ListingType, provinceCodes } from '@techbridge/shared';
import { stringify } from 'csv-stringify/sync';
import { worldDemands as demoDemands, worldOffers as demoOffers } from '../../server/src/demo/world';
import { columns, listingToRow } from '../../server/src/modules/imports/columns';
import type { Demand, Offer } from '../../server/src/modules/listings/model';

/** Every province of the 2025 map, in turn. */
const PROVINCES = provinceCodes;

/**
 * Generated import rows (a CSV file with its header): the demo world's
 * listing texts with varied titles, provinces and TRLs, numbered from `from`
 * (each row's external reference is `BENCH-<type>-<n>`).
 */
export function rowsFor(type: ListingType, from: number, count: number): string {
  const lines: (string | number)[][] = [columns[type]];
  for (let i = from; i < from + count; i++) {
    const ref = `BENCH-${type}-${i}`;
    const province = PROVINCES[i % PROVINCES.length];
    if (type === 'offer') {
      const t = demoOffers[i % demoOffers.length].input;
      const listing = {
        ...t,
        title: `${t.title} (mẫu ${i})`,
        province,
        trl: 3 + (i % 7),
        externalRef: ref,
      } as unknown as Offer;
      lines.push(listingToRow('offer', listing));
    } else {
      const t = demoDemands[i % demoDemands.length].input;
      const listing = {
        ...t,
        title: `${t.title} (mẫu ${i})`,
        province,
        deadline: null,
        externalRef: ref,
      } as unknown as Demand;
      lines.push(listingToRow('demand', listing));
    }
  }
  return stringify(lines);
}
