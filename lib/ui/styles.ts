/**
 * Styles live in each shadow root: nothing leaks into the portal, and the portal's Bootstrap rules do
 * not reach in (`all: initial` also stops inherited fonts, colours and text transforms). Plain text
 * keeps the portal's own text colour (the portal may stay light when the system is dark); coloured
 * parts carry their own background, light or dark with the system.
 *
 * One mark says "added by the extension" everywhere, without shouting: a thin blue bar on the left
 * of each thing we add (badge, disclosure, summary, guard), never on the portal's own markup.
 *
 * Compact rows: the badge and the disclosure button sit inline on the label's line, so a row keeps
 * its height unless the cell is too narrow; the disclosure's details open below as a block. Inline
 * text only adds its longest word to the column's minimum width (the portal's cells carry their own
 * widths), while the summary and the guard are blocks with `contain: inline-size`, so their text
 * never widens the portal's table or dialog.
 */
const BASE = `:host{all:initial;font:12px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:inherit;--mark:#1d4ed8;--ok:#166534;--ok-bg:#dcfce7;--warn:#92400e;--warn-bg:#fef3c7;--mute:#374151;--mute-bg:#f3f4f6;--bad:#991b1b;--bad-bg:#fee2e2;--line:#d1d5db}
@media (prefers-color-scheme:dark){:host{--mark:#93c5fd;--ok:#bbf7d0;--ok-bg:#14532d;--warn:#fde68a;--warn-bg:#78350f;--mute:#e5e7eb;--mute-bg:#374151;--bad:#fecaca;--bad-bg:#7f1d1d;--line:#4b5563}}
p{margin:0}
.mark{border-left:3px solid var(--mark);padding-left:4px}
.tag{display:inline-block;padding:0 5px;border-radius:3px;border:1px solid currentColor}
.terminable{color:var(--ok);background:var(--ok-bg)}
.sda-linked{color:var(--warn);background:var(--warn-bg)}
.none{color:var(--mute);background:var(--mute-bg)}
.unknown,.invalid{color:var(--bad);background:var(--bad-bg)}
button,summary{font:inherit;color:inherit;background:none;border:0;padding:0;text-decoration:underline;cursor:pointer}
button:focus-visible,summary:focus-visible{outline:2px solid currentColor;outline-offset:1px}
ul{margin:2px 0;padding-left:18px}`;

/** On the label's line. */
const INLINE = ':host{display:inline;margin-left:6px}';
/** Under the label, or above the block: out of the table's column sizing. */
const BLOCK = ':host{display:block;contain:inline-size;margin:2px 0}';

const DETAILS =
  '.details{display:block;margin:2px 0;padding:4px 6px;border-left:3px solid var(--mark);background:var(--warn-bg);color:var(--warn)}';
/** A row not recognised: its disclosure's button stays on the label's line, the way out opens below. */
export const LICENCE_CSS = `${BASE}
${INLINE}
details{display:inline;margin-left:4px}
summary{display:inline}
${DETAILS}`;
export const SDA_FLAG_CSS = `${BASE}
${INLINE}
${DETAILS}
.details[hidden]{display:none}`;
export const SUMMARY_CSS = `${BASE}
${BLOCK}
:host{margin:0 0 6px}
.summary{padding:4px 8px;border:1px solid var(--line);border-left:3px solid var(--mark);border-radius:3px}`;
export const GUARD_CSS = `${BASE}
${BLOCK}
:host{margin:4px 0;border-left:3px solid var(--mark);padding-left:4px}
.msg:empty{display:none}
.msg{margin-top:2px;padding:2px 6px;border-radius:3px}`;
