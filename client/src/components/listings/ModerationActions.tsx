import type { ListingDto } from '@techbridge/shared';
import { approveListing, rejectListing } from '../../api/admin';
import { useListingCache } from '../../lib/useListingCache';
import { DecisionActions } from '../moderation/DecisionActions';

export interface ModerationActionsProps {
  listing: Pick<ListingDto, 'id' | 'type' | 'title'>;
  onDone?: (outcome: 'approved' | 'rejected', listing: ListingDto) => void;
}

/** Approve, or reject with a reason the owner will read. Admins only (the server checks too). */
export function ModerationActions({ listing, onDone }: ModerationActionsProps) {
  const cache = useListingCache();
  return (
    <DecisionActions
      id={listing.id}
      approve={() => approveListing(listing.type, listing.id)}
      reject={(reason) => rejectListing(listing.type, listing.id, reason)}
      onDone={(outcome, res) => {
        cache.changed(listing.type, listing.id);
        onDone?.(outcome, res.data);
      }}
    />
  );
}
