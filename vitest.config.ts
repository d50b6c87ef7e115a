import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: node (shared, src-main, CLI, HTTP — real SQLite files, real servers on loopback)
// and dom (renderer components under happy-dom). E2E in real Chromium is Playwright's (test/e2e).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['test/dom/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
