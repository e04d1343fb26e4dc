import { offerTerms } from '@techbridge/shared';
import { worldOffers } from '../server/src/demo/world';
const offers = worldOffers.map((o) => o.input as any);
for (let r = 0; r < 5; r++) for (const o of offers) offerTerms(o);
