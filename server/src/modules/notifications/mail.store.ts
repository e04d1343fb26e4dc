import {
  defaultMailPreferences,
  type MailKind,
  type MailMode,
  type MailPreferences,
  mailKinds,
} from '@techbridge/shared';
import { defineStore, findEachById } from '../../platform/db';
import { keyedMutex } from '../../platform/lib/keyedMutex';
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

  return {
    async preferencesOf(userId: string): Promise<MailPreferences> {
      return withDefaults(await Preference.findById(userId).lean<Stored>());
    },
    /** Preferences of several users (each by `_id`), defaults for those who never chose. */
    async preferencesOfEach(userIds: string[]): Promise<Map<string, MailPreferences>> {
      const found = new Map(
        (await findEachById<Stored>(Preference, userIds, undefined, 16)).map((p) => [p._id, p] as const),
      );
      return new Map(userIds.map((id) => [id, withDefaults(found.get(id) ?? null)]));
    },
    /** Sets some kinds' modes; resolves with the full preferences after. */
    setPreferences: (userId: string, changes: Partial<MailPreferences>) =>
      perUser(userId, async () =>
        withDefaults(
          await Preference.findByIdAndUpdate(userId, { $set: changes }, { upsert: true, new: true }).lean<Stored>(),
        ),
      ),
    digestDone: async (day: string) => !!(await DigestRun.exists({ _id: day })),
    markDigestDone: (day: string, counts: { users: number; mails: number }) =>
      DigestRun.updateOne({ _id: day }, { $set: { ...counts, doneAt: new Date() } }, { upsert: true }),
  };
});
