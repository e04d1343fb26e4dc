import fs from 'node:fs';
import type { Services } from '../../server/src/platform/services';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__TB_SERVICES__ as
    | { services: Services; dataDir: string }
    | undefined;
  if (!state) return;
  await state.services.stop();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}
