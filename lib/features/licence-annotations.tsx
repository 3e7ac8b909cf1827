/**
 * Feature 1: one `<mla-licence>` per licence row, inside the label cell after the label, telling how
 * many can be terminated now, how many a number holds, or why the row is not recognised.
 */
import { openCapture } from '../capture/load-capture';
import type { Feature } from '../runtime/feature';
import { ensureChildHost } from '../runtime/owned-hosts';
import type { RowView } from '../runtime/page-view';
import { LicenceBadge } from '../ui/LicenceBadge';
import { removeHost, renderInHost, setData } from '../ui/shadow-host';
import { LICENCE_CSS } from '../ui/styles';
import { LICENCE_TAG, SDA_FLAG_TAG } from '../ui/tags';

export const licenceAnnotations: Feature = {
  id: 'annotations',
  init(context) {
    const owned = new WeakSet<Element>();
    // What each host shows: a page re-read that changes nothing for a row does not re-render it.
    const shown = new WeakMap<HTMLElement, string>();
    let hosts = new Map<HTMLElement, HTMLElement>();
    const capture = () => openCapture(context.document, context.text());
    return {
      update(page) {
        // Row by row, those the operator sees first once known, in slices that yield to the page (200-row blocks).
        const next = new Map<HTMLElement, HTMLElement>();
        const annotate = ({ row, assessment }: RowView) => {
          const host = ensureChildHost(row.labelElement, LICENCE_TAG, owned, SDA_FLAG_TAG, context.placing);
          const known = assessment.state !== 'unknown';
          setData(host, 'data-licence', row.label);
          setData(host, 'data-state', assessment.state);
          setData(host, 'data-subscribed', known ? assessment.subscribed : null);
          setData(host, 'data-active', known ? assessment.active : null);
          setData(host, 'data-terminable', known ? assessment.terminable : null);
          const text = context.text();
          const key = `${text.language}|${JSON.stringify(assessment)}`;
          if (shown.get(host) !== key) {
            renderInHost(
              host,
              LICENCE_CSS,
              <LicenceBadge assessment={assessment} text={text} capture={capture} />,
            );
            shown.set(host, key);
          }
          next.set(row.labelElement, host);
          // Known at once, so a run replaced half-way leaves no host behind.
          hosts.set(row.labelElement, host);
        };
        context.slices.run(
          page.rows.map((view) => () => annotate(view)),
          () => {
            for (const [label, host] of hosts) if (next.get(label) !== host) removeHost(host);
            hosts = next;
          },
          page.rows.map(({ row }) => row.element),
        );
      },
      destroy() {
        context.slices.cancel();
        for (const host of hosts.values()) removeHost(host);
        hosts.clear();
      },
    };
  },
};
