/** The audit page's own styles, on top of the extension pages' (page-css.ts). */
export const AUDIT_CSS = `body{min-width:0}
main{max-width:none}
.controls button,.confirm button{margin-right:6px}
button.primary{font-weight:600}
.warning{color:#b45309}
progress{width:100%;max-width:480px}
table.results{font-size:13px}
table.results th button.sort{all:unset;cursor:pointer;font-weight:600}
td.number,td.licence{text-align:right;white-space:nowrap}
tr[data-status=unknown] td.status{color:#b45309}
tr[data-status=error] td.status{color:#b91c1c}
tr[data-status=ok] td.status{color:#15803d}
mla-audit{display:block}`;
