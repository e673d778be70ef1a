import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // tfjs-core's ESM build uses extensionless imports that plain Node rejects, and its gradients
    // exist only there: let Vite resolve and transform the tfjs packages.
    server: { deps: { inline: [/@tensorflow\//] } },
  },
});
