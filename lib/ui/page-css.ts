/** Styles of the popup and options pages (extension pages: no page to isolate from). */
export const EXTENSION_PAGE_CSS = `:root{color-scheme:light dark;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
body{margin:0;padding:12px 14px;min-width:320px;background:Canvas;color:CanvasText}
h1{font-size:15px;margin:0 0 8px}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{text-align:left;padding:3px 6px;border-bottom:1px solid color-mix(in srgb,CanvasText 20%,transparent)}
tr[data-state=terminable] td:nth-child(2){color:#15803d}
tr[data-state=unknown] td:nth-child(2){color:#b91c1c}
@media (prefers-color-scheme:dark){tr[data-state=terminable] td:nth-child(2){color:#86efac}tr[data-state=unknown] td:nth-child(2){color:#fca5a5}}
fieldset{border:1px solid color-mix(in srgb,CanvasText 25%,transparent);border-radius:4px}
button,select{font:inherit}
th.number,td.number{text-align:right}
td.number{white-space:nowrap}
.next-step{font-weight:600}
footer{display:flex;gap:12px;align-items:baseline;margin-top:10px}
footer .version{margin-left:auto;opacity:.8;font-size:12px}
a{color:LinkText}
main.popup{min-width:392px}
main.help{max-width:42em}
main.help h2{font-size:14px;margin:14px 0 4px}`;
