/**
 * The extension's elements in the page, one constant per element (QA contract: tests and the
 * portal's readers know them by these names; every one starts with `mla-`, see `isOwnElement`).
 */
export const LICENCE_TAG = 'mla-licence';
export const SDA_FLAG_TAG = 'mla-sda-flag';
export const SUMMARY_TAG = 'mla-summary';
export const GUARD_TAG = 'mla-termination-guard';
/** The anonymised capture's panel over the page (lib/capture/in-page.tsx), while the user reviews it. */
export const CAPTURE_PANEL_TAG = 'mla-capture';
