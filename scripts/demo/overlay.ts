/**
 * The tour's own on-screen captions: a box injected into the page by the tour (not by the
 * extension), fixed at the bottom, above everything, ignoring the mouse. Text goes in with
 * `textContent` only. Pages that navigate lose it: the tour shows it again after each action.
 */
import type { Locator, Page } from '@playwright/test';

const CAPTION_ID = 'mla-tour-caption';
const HIGHLIGHT_ID = 'mla-tour-highlight';

export async function showCaption(page: Page, caption: string, progress: string): Promise<void> {
  await page.evaluate(
    ({ id, caption, progress }) => {
      let box = document.getElementById(id);
      if (!box) {
        box = document.createElement('div');
        box.id = id;
        box.setAttribute('role', 'status');
        box.setAttribute('aria-live', 'polite');
        Object.assign(box.style, {
          position: 'fixed',
          left: '50%',
          bottom: '24px',
          transform: 'translateX(-50%)',
          maxWidth: 'min(900px, 92vw)',
          padding: '14px 20px',
          background: 'rgba(20, 28, 44, 0.92)',
          color: '#fff',
          font: '600 18px/1.4 system-ui, "Segoe UI", Arial, sans-serif',
          borderRadius: '10px',
          boxShadow: '0 6px 24px rgba(0,0,0,.35)',
          zIndex: '2147483647',
          pointerEvents: 'none',
        });
        const step = document.createElement('div');
        Object.assign(step.style, {
          font: '500 12px/1.4 system-ui, Arial, sans-serif',
          opacity: '0.75',
          marginBottom: '4px',
        });
        const text = document.createElement('div');
        box.append(step, text);
        document.documentElement.append(box);
      }
      box.style.display = '';
      const [step, text] = box.children as unknown as [HTMLElement, HTMLElement];
      step.textContent = `Visite guidée — ${progress} (légende de la visite, pas de l’extension)`;
      text.textContent = caption;
    },
    { id: CAPTION_ID, caption, progress },
  );
}

/** Draws a frame around what the step is about (positioned from the element's box, page untouched). */
export async function highlight(page: Page, target: Locator | null): Promise<void> {
  const box = target
    ? await target
        .first()
        .boundingBox()
        .catch(() => null)
    : null;
  await page.evaluate(
    ({ id, box }) => {
      document.getElementById(id)?.remove();
      if (!box) return;
      const frame = document.createElement('div');
      frame.id = id;
      Object.assign(frame.style, {
        position: 'fixed',
        left: `${box.x - 4}px`,
        top: `${box.y - 4}px`,
        width: `${box.width + 8}px`,
        height: `${box.height + 8}px`,
        border: '3px solid #f0ad4e',
        borderRadius: '6px',
        boxShadow: '0 0 0 4px rgba(240, 173, 78, 0.25)',
        zIndex: '2147483646',
        pointerEvents: 'none',
      });
      document.documentElement.append(frame);
    },
    { id: HIGHLIGHT_ID, box },
  );
}

/** What README crops leave out: the tour's boxes and the mock's demo panel (not part of the portal). */
const HIDDEN_IN_CROPS = [
  `#${CAPTION_ID}`,
  `#${HIGHLIGHT_ID}`,
  'aside[aria-label^="Panneau de démonstration"]',
];

/** Hides or shows what README crops leave out (they show the page and the extension only). */
export async function setOverlayVisible(page: Page, visible: boolean): Promise<void> {
  await page.evaluate(
    ({ selectors, visible }) => {
      for (const element of document.querySelectorAll<HTMLElement>(selectors.join(','))) {
        element.style.visibility = visible ? '' : 'hidden';
      }
    },
    { selectors: HIDDEN_IN_CROPS, visible },
  );
}
