import crypto from 'node:crypto';
import type { ImportPhase } from '@techbridge/shared';
import {
  demandCreateSchema,
  type ImportProblem,
  type ImportReport,
  type Lang,
  type ListingType,
  offerCreateSchema,
  renderValidationMessage,
} from '@techbridge/shared';
import type { AppContext } from '../../context';
import { forbidden } from '../../platform/errors';
import { issuesToFields } from '../../platform/http/middleware/validate';
import type { AuthUser } from '../../platform/principal';
import { updateListing } from '../listings/commands/updateListing';
import { listingQueue } from '../listings/queue.store';
import { listingStore } from '../listings/store';
import { organizationStore } from '../organizations/store';
import { columnOf, type ImportInput, rowToInput } from './columns';

/**
 * Rows written, and handed to the index, at a time. Each indexing task has a
 * fixed cost in Meilisearch besides its documents' (about 0.4 s of CPU at
 * 2,000 listings): 500-row tasks index 2,000 rows in 25–30% less CPU than
 * 200-row ones.
 */
const BATCH = 500;

/** A row that passed validation: its reference, its listing's fields and their hash (unchanged rows are skipped). */
type ValidRow = { ref: string; input: ImportInput; hash: string };

/**
 * Imports offers or demands from spreadsheet records. A dry run reports every
 * row's problems (by row number and column, in words) and writes nothing. A
 * real run creates new listings (published, or pending review for an
 * unverified organisation), updates changed ones, and leaves identical ones
 * untouched: rows are keyed by the organisation's own reference (`ref`).
 */
export async function importListings(
  ctx: AppContext,
  user: AuthUser,
  type: ListingType,
  records: Record<string, string>[],
  options: {
    dryRun: boolean;
    lang: Lang;
    /** The row number of each record in its file (reported with its problems); header on row 1 when absent. */
    rows?: number[];
    onProgress?: (done: number, total: number, phase: ImportPhase) => void;
  },
): Promise<ImportReport> {
  const orgId = user.organizationId;
  if (!orgId) throw forbidden('Only members of an organisation can import listings');
  const schema = type === 'offer' ? offerCreateSchema : demandCreateSchema;
  const report: ImportReport = {
    dryRun: options.dryRun,
    total: records.length,
    valid: 0,
    invalid: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems: [],
  };
  const valid: ValidRow[] = [];
  const seenRefs = new Set<string>();
  records.forEach((record, i) => {
    const row = options.rows?.[i] ?? i + 2;
    const ref = (record.ref ?? '').trim();
    const fields: Record<string, string> = {};
    if (!ref) fields.ref = renderValidationMessage('required', options.lang);
    else if (seenRefs.has(ref))
      fields.ref = options.lang === 'vi' ? 'Mã tham chiếu bị trùng trong tệp' : 'Duplicate reference in the file';
    else if (ref.length > 60) fields.ref = renderValidationMessage('too_long', options.lang);
    const parsed = schema.safeParse(rowToInput(type, record));
    if (!parsed.success) {
      for (const [path, key] of Object.entries(issuesToFields(parsed.error.issues))) {
        fields[columnOf(path)] ??= renderValidationMessage(key, options.lang);
      }
    }
    if (ref) seenRefs.add(ref);
    if (Object.keys(fields).length || !parsed.success) {
      report.problems.push({ row, ref: ref || null, fields } satisfies ImportProblem);
      return;
    }
    valid.push({
      ref,
      input: parsed.data,
      hash: crypto.createHash('sha1').update(JSON.stringify(parsed.data)).digest('hex'),
    });
    if ((i + 1) % 100 === 0) options.onProgress?.(i + 1, records.length, 'validating');
  });
  report.valid = valid.length;
  report.invalid = report.problems.length;
  options.onProgress?.(records.length, records.length, 'validating');
  if (options.dryRun) return report;
  // Someone waits for this answer: background matching gives way until the last row is searchable.
  await ctx.indexer.bulk(() => writeRows(ctx, user, orgId, type, valid, report, options.onProgress));
  return report;
}

/** Writes the valid rows in batches (new, changed, unchanged), resolving once every new listing is searchable. */
async function writeRows(
  ctx: AppContext,
  user: AuthUser,
  orgId: string,
  type: ListingType,
  valid: ValidRow[],
  report: ImportReport,
  onProgress?: (done: number, total: number, phase: ImportPhase) => void,
): Promise<void> {
  const store = listingStore(ctx.db);
  const org = await organizationStore(ctx.db).findById(orgId);
  const live = !!org?.verified;
  // The organisation's listings under the file's references: one key lookup per reference.
  const byRef = await store.findByRefs(
    orgId,
    type,
    valid.map((v) => v.ref),
  );
  let done = 0;
  const indexing: { indexed: Promise<void>; rows: number }[] = [];
  for (let start = 0; start < valid.length; start += BATCH) {
    const batch = valid.slice(start, start + BATCH);
    const fresh: typeof batch = [];
    for (const item of batch) {
      const current = byRef.get(item.ref);
      if (!current) {
        fresh.push(item);
      } else if (current.importHash === item.hash) {
        report.unchanged += 1;
      } else {
        await updateListing(ctx, type, current, item.input, { importHash: item.hash });
        report.updated += 1;
      }
    }
    if (fresh.length) {
      const now = new Date();
      // Hydrated here (defaults applied, ids chosen) so the index is fed from memory.
      const docs = fresh.map((item) => {
        const { deadline, ...input } = item.input as ImportInput & { deadline?: string };
        return store.hydrate(type, {
          ...input,
          ...(deadline ? { deadline: new Date(deadline) } : {}),
          organizationId: orgId,
          authorId: user.id,
          externalRef: item.ref,
          importHash: item.hash,
          status: live ? 'published' : 'pending_review',
          publishedAt: live ? now : null,
          createdAt: now,
          updatedAt: now,
          // Indexed through an index job (below), not through the per-listing flag.
          searchDirty: false,
          matchDirty: true,
        });
      });
      const listingIds = docs.map((d) => String(d._id));
      const write = async () => {
        await store.insertBatch(type, docs);
        // Created published: no match could be computed from an earlier state of them.
        if (live) for (const d of docs) ctx.matcher.firstPublished(String(d._id), d.rev ?? 0);
        await listingQueue(ctx.db).enqueueCreated(['matchDirty'], type, listingIds);
      };
      if (live) {
        // One event for the batch (its processor reads the saved searches and followers once), carried by the batch's job.
        const events = [ctx.events.create('listing.published', { type, listingIds })];
        // Batches go on while Meilisearch indexes the previous ones; the import ends when all are searchable.
        const { indexed } = await ctx.indexer.bulkWrite(type, docs, write, events);
        indexing.push({ indexed, rows: docs.length });
      } else {
        await write();
        await store.queueForReview(type, listingIds);
      }
      report.created += docs.length;
    }
    done += batch.length;
    onProgress?.(done, valid.length, 'writing');
  }
  const toIndex = indexing.reduce((sum, batch) => sum + batch.rows, 0);
  let searchable = 0;
  for (const batch of indexing) {
    await batch.indexed;
    searchable += batch.rows;
    onProgress?.(searchable, toIndex, 'indexing');
  }
  // Updated rows go through the per-listing flags; matching starts once the rows are in.
  ctx.indexer.notify();
  ctx.matcher.notify();
}
