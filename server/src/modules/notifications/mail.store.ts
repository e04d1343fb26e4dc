import {
  defaultMailPreferences,
  type MailKind,
  type MailMode,
  type MailPreferences,
  mailKinds,
} from '@techbridge/shared';
import { defineStore, findEachById } from '../../platform/db';
import { keyedMutex } from '../../platform/lib/keyedMutex';
import { RECENT_READ_MAX_AGE_MS, recentRecords } from '../../platform/lib/recentRecords';
import type { DigestRunModel, MailPreferenceModel } from './model';

type Stored = Partial<Record<MailKind, MailMode>> & { _id: string };

const withDefaults = (stored: Stored | null): MailPreferences => ({
  ...defaultMailPreferences,
  ...Object.fromEntries(mailKinds.filter((k) => stored?.[k]).map((k) => [k, stored![k]])),
});

/** E-mail preferences (by user `_id`) and the record of finished digest runs (by day). */
export const mailStore = defineStore((connection) => {
  const Preference = connection.model('MailPreference') as MailPreferenceModel;
  const DigestRun = connection.model('DigestRun') as DigestRunModel;
  const perUser = keyedMutex();
  /** Preferences read lately (absent ones too, as their defaults). */
  const recent = recentRecords<{ _id: string; preferences: MailPreferences }>({
    retainMs: RECENT_READ_MAX_AGE_MS,
    capacity: 5_000,
  });

  return {
    async preferencesOf(userId: string): Promise<MailPreferences> {
      return withDefaults(await Preference.findById(userId).lean<Stored>());
    },
    /**
     * Preferences of several users (each by `_id`), defaults for those who never chose. Read within a few seconds,
     * they are not read again (notifications come in bursts): a change through this store shows at once, another
     * instance's once the read is older than `maxAgeMs`.
     */
    async preferencesOfEach(
      userIds: string[],
      maxAgeMs = RECENT_READ_MAX_AGE_MS,
    ): Promise<Map<string, MailPreferences>> {
      const found = await recent.read(userIds, maxAgeMs, async (missing) => {
        const stored = new Map(
          (await findEachById<Stored>(Preference, missing, undefined, 16)).map((p) => [p._id, p] as const),
        );
        return missing.map((id) => ({ _id: id, preferences: withDefaults(stored.get(id) ?? null) }));
      });
      return new Map(found.map((p) => [p._id, p.preferences]));
    },
    /** Sets some kinds' modes; resolves with the full preferences after. */
    setPreferences: (userId: string, changes: Partial<MailPreferences>) =>
      perUser(userId, () =>
        recent.writing([userId], async () =>
          withDefaults(
            await Preference.findByIdAndUpdate(userId, { $set: changes }, { upsert: true, new: true }).lean<Stored>(),
          ),
        ),
      ),
    digestDone: async (day: string) => !!(await DigestRun.exists({ _id: day })),
    markDigestDone: (day: string, counts: { users: number; mails: number }) =>
      DigestRun.updateOne({ _id: day }, { $set: { ...counts, doneAt: new Date() } }, { upsert: true }),
  };
});
