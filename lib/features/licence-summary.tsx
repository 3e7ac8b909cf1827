/**
 * Feature 3: one `<mla-summary>` just above the licence block: totals of what can be terminated now
 * and of what numbers hold, and how many rows were not recognised.
 */

import type { Feature } from '../runtime/feature';
import { LicenceSummary } from '../ui/LicenceSummary';
import { createShadowHost, removeHost, renderInHost, setData } from '../ui/shadow-host';
import { SUMMARY_CSS } from '../ui/styles';
import { SUMMARY_TAG } from '../ui/tags';

const TABLE_PARTS = new Set(['TBODY', 'THEAD', 'TFOOT', 'TR']);

/** What the summary goes before: the block, or its table when the block is a part of one. */
function anchorOf(container: HTMLElement): HTMLElement {
  return TABLE_PARTS.has(container.tagName) ? (container.closest('table') ?? container) : container;
}

export const licenceSummary: Feature = {
  id: 'summary',
  init(context) {
    let host: HTMLElement | null = null;
    const drop = () => {
      if (host) removeHost(host);
      host = null;
    };
    return {
      update(page) {
        if (!page.block || page.rows.length === 0) {
          drop();
          return;
        }
        const anchor = anchorOf(page.block.container);
        host ??= createShadowHost(context.document, SUMMARY_TAG);
        if (anchor.previousElementSibling !== host) anchor.before(host);
        // Strays from a previous copy of the content script (extension updated) go.
        for (const stray of Array.from(context.document.querySelectorAll(SUMMARY_TAG)))
          if (stray !== host) stray.remove();
        setData(host, 'data-terminable-total', page.summary.terminableTotal);
        setData(host, 'data-sda-linked-total', page.summary.sdaLinkedTotal);
        setData(host, 'data-unknown-count', page.summary.unknownCount);
        renderInHost(host, SUMMARY_CSS, <LicenceSummary summary={page.summary} text={context.text()} />);
      },
      destroy: drop,
    };
  },
};
