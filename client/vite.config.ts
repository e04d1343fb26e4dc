import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.TECHBRIDGE_API_URL ?? 'http://localhost:3000';

/** Long-lived vendor chunks, so app releases do not bust the cache of libraries. */
const vendorChunks: Record<string, string[]> = {
  react: ['react', 'react-dom', 'scheduler', 'use-sync-external-store'],
  router: ['react-router'],
  i18n: ['i18next', 'react-i18next'],
  query: ['@tanstack/query-core', '@tanstack/react-query'],
  zod: ['zod'],
};

function vendorChunk(id: string): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id);
  if (!match) return undefined;
  const pkg = match[1];
  return Object.keys(vendorChunks).find((chunk) => vendorChunks[chunk].includes(pkg));
}

export default defineConfig({
  root,
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      // zod's sources carry `@__PURE__` comments where Rollup cannot use them; Rollup drops them, nothing to act on.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
