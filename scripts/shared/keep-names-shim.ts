/**
 * tsx (esbuild `keepNames`) wraps named inner functions in `__name(…)`; functions a script sends to a
 * page for evaluation would then throw there. The page gets a do-nothing `__name` first. Shared by
 * the benches and the demo, which both launch their browsers through `tests/e2e/support/`.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (target) => target;';
