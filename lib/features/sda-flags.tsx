/**
 * Feature 2: for rows a number (SDA) holds, why they cannot be terminated and the way out
 * (dissociate the number first), with the page's Numéros tab when it has one and the numbers
 * holding the licence when the page shows them. Collapsed by default; the state survives re-reads.
 */

import { sameLicence } from '../portal/labels';
import { findNumbersTab } from '../portal/sda';
import { foldText } from '../portal/text';
import type { Feature } from '../runtime/feature';
import { ensureChildHost } from '../runtime/owned-hosts';
import type { RowView } from '../runtime/page-view';
import { SdaFlag, type SdaFlagProps } from '../ui/SdaFlag';
import { removeHost, renderInHost, setData } from '../ui/shadow-host';
import { SDA_FLAG_CSS } from '../ui/styles';
import { SDA_FLAG_TAG } from '../ui/tags';

type FlagData = Omit<SdaFlagProps, 'expanded' | 'onToggle' | 'onOpenNumbersTab' | 'text'> & { key: string };

export const sdaFlags: Feature = {
  id: 'sdaFlags',
  needs: ['sdaAssignments', 'sdaListPartial', 'numbersTab'],
  init(context) {
    const owned = new WeakSet<Element>();
    const expanded = new Set<string>();
    const shown = new WeakMap<HTMLElement, string>();
    let hosts = new Map<HTMLElement, HTMLElement>();

    const openNumbersTab = () => {
      // Read again at click time: the tab may have been re-rendered since the flag was drawn. Only a
      // tab or an in-page anchor is ever returned (never a submit button or an action link).
      const tab = findNumbersTab(context.document);
      if (!tab) return;
      tab.click();
      // The button that was pressed is in the pane just hidden: the keyboard goes to the tab opened
      // (found again if the page replaced it on activation).
      const target = tab.isConnected ? tab : findNumbersTab(context.document);
      target?.focus();
    };
    const draw = (host: HTMLElement, data: FlagData) => {
      const text = context.text();
      // Re-rendered only when something shown changes (toggle, numbers, tab, language).
      const key = `${text.language}|${expanded.has(data.key)}|${JSON.stringify(data)}`;
      if (shown.get(host) === key) return;
      shown.set(host, key);
      const onToggle = () => {
        if (expanded.has(data.key)) expanded.delete(data.key);
        else expanded.add(data.key);
        draw(host, data);
      };
      renderInHost(
        host,
        SDA_FLAG_CSS,
        <SdaFlag
          numbers={data.numbers}
          partial={data.partial}
          canOpenNumbersTab={data.canOpenNumbersTab}
          expanded={expanded.has(data.key)}
          onToggle={onToggle}
          onOpenNumbersTab={openNumbersTab}
          text={text}
        />,
      );
    };

    return {
      update(page) {
        // Row by row, those the operator sees first once known, in slices that yield to the page (200-row blocks).
        const next = new Map<HTMLElement, HTMLElement>();
        const flag = ({ row, assessment }: RowView) => {
          if (assessment.state === 'unknown' || !assessment.active) return;
          const host = ensureChildHost(row.labelElement, SDA_FLAG_TAG, owned, undefined, context.placing);
          setData(host, 'data-licence', row.label);
          const numbers = page
            .sdaAssignments()
            .filter((assignment) => sameLicence(assignment.licenceLabel, row.label))
            .map(({ number, user }) => ({ number, user }));
          draw(host, {
            key: foldText(row.label),
            numbers,
            partial: page.sdaListPartial(),
            canOpenNumbersTab: page.numbersTab() !== null,
          });
          next.set(row.labelElement, host);
          // Known at once, so a run replaced half-way leaves no host behind.
          hosts.set(row.labelElement, host);
        };
        context.slices.run(
          page.rows.map((view) => () => flag(view)),
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
