/** Set at build time (wxt.config.ts): `true` in the test build only. Unset under Vitest. */
interface ImportMetaEnv {
  readonly MLA_TEST_BUILD?: boolean;
}
