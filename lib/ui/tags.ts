/**
 * The extension's elements in the page, one constant per element (QA contract: tests and the
 * portal's readers know them by these names; every one starts with `mla-`, see `isOwnElement`).
 */
export const LICENCE_TAG = 'mla-licence';
export const SDA_FLAG_TAG = 'mla-sda-flag';
export const SUMMARY_TAG = 'mla-summary';
export const GUARD_TAG = 'mla-termination-guard';
/** Every element the features show in the page (not the capture's panel, which the operator closes). */
export const SHOWN_TAGS = `${LICENCE_TAG},${SDA_FLAG_TAG},${SUMMARY_TAG},${GUARD_TAG}`;
/** The anonymised capture's panel over the page (lib/capture/in-page.tsx), while the user reviews it. */
export const CAPTURE_PANEL_TAG = 'mla-capture';
