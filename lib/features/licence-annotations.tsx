/**
 * Feature 1: one `<mla-licence>` per licence row, inside the label cell after the label, telling how
 * many can be terminated now, how many a number holds, or why the row is not recognised.
 */
import { LicenceBadge } from '../ui/LicenceBadge';
import { removeHost, renderInHost, setData } from '../ui/shadow-host';
import { LICENCE_CSS } from '../ui/styles';
import type { Feature } from './feature';
import { ensureChildHost } from './owned-hosts';

export const LICENCE_TAG = 'mla-licence';

export const licenceAnnotations: Feature = {
  id: 'annotations',
  init(context) {
    const owned = new WeakSet<Element>();
    let hosts = new Map<HTMLElement, HTMLElement>();
    return {
      update(page) {
        const next = new Map<HTMLElement, HTMLElement>();
        for (const { row, assessment } of page.rows) {
          const host = ensureChildHost(row.labelElement, LICENCE_TAG, owned, 'mla-sda-flag');
          const known = assessment.state !== 'unknown';
          setData(host, 'data-licence', row.label);
          setData(host, 'data-state', assessment.state);
          setData(host, 'data-subscribed', known ? assessment.subscribed : null);
          setData(host, 'data-active', known ? assessment.active : null);
          setData(host, 'data-terminable', known ? assessment.terminable : null);
          renderInHost(host, LICENCE_CSS, <LicenceBadge assessment={assessment} text={context.text()} />);
          next.set(row.labelElement, host);
        }
        for (const [label, host] of hosts) if (next.get(label) !== host) removeHost(host);
        hosts = next;
      },
      destroy() {
        for (const host of hosts.values()) removeHost(host);
        hosts.clear();
      },
    };
  },
};
