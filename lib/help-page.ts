/**
 * The extension's help page (entrypoints/aide/), linked from the popup and the options page. One
 * constant so both links and the tests agree; relative to the extension's root, like its other pages.
 */
export const HELP_PAGE_PATH = 'aide.html';
