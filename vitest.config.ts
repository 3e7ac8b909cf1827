import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // These tests check behaviour, not speed (benches measure speed): a property test of ~1.3 s on a quiet
    // machine timed out at the 5 s default once while other work loaded the two cores.
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
  },
});
