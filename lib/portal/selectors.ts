/**
 * The structural selectors the readers share, in one place beside `labels.ts`: generic HTML and ARIA
 * structure (never the mock's ids or classes), so that every reader agrees on what a dialog, a
 * clickable element or a table is.
 */

/** Dialogs and modals, native or ARIA. */
export const DIALOGS = 'dialog, [role="dialog"], [role="alertdialog"], [aria-modal="true"]';

/** What a click reaches inside a row: links and buttons (an ⓘ link, a termination icon). */
export const CLICKABLE = 'a, button, [role="button"]';

/** What may act inside a dialog: the clickables above plus form buttons written as inputs. */
export const DIALOG_ACTIONS = `${CLICKABLE}, input[type="submit"], input[type="button"]`;

/** What may be a tab or lead to one (`<li role="tab"><a>Numéros</a></li>`, a nav link). */
export const TAB_LIKE = 'a, button, [role="tab"], [role="button"], [role="link"]';

/** The inputs a quantity can be typed into. */
export const TEXT_INPUTS = 'input:not([type]), input[type="text"], input[type="number"], input[type="tel"]';

/**
 * What a quantity can be typed or chosen in: the text inputs, a search box or a slider (a value all the
 * same), a list of one choice, and an editable element (`contenteditable`) holding its text.
 */
export const QUANTITY_CONTROLS = `${TEXT_INPUTS}, input[type="search"], input[type="range"], select:not([multiple]), [contenteditable]:not([contenteditable="false"])`;

/** Tables, native or ARIA. */
export const TABLE_LIKE = 'table, [role="table"], [role="grid"], [role="treegrid"]';

/** A tab's content: a block hidden only by its tab panel is in a tab not shown right now. */
export const TAB_PANEL = '[role="tabpanel"]';
