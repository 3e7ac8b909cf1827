/**
 * The capture panel's style, in its own shadow root over the portal page: a box in the corner, the
 * file's text scrolling inside it. Shipped in the capture bundle, not in the content script.
 */
export const CAPTURE_PANEL_CSS = `:host{all:initial;position:fixed;z-index:2147483647;right:16px;bottom:16px;width:min(36em,calc(100vw - 32px));font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827}
.capture,[role=status]{display:block;padding:10px 12px;background:#fff;border:1px solid #9ca3af;border-radius:4px;box-shadow:0 4px 16px rgba(0,0,0,.2)}
@media (prefers-color-scheme:dark){:host{color:#f3f4f6}.capture,[role=status]{background:#1f2937;border-color:#4b5563}}
p{margin:0 0 6px}
pre{max-height:14em;overflow:auto;white-space:pre-wrap;word-break:break-all;font-size:11px;margin:0 0 6px;padding:4px;border:1px solid #d1d5db}
a,button{font:inherit;color:inherit}
button{background:none;border:0;padding:0;text-decoration:underline;cursor:pointer}`;
