/**
 * Where "Enregistrer une capture anonymisée" appears (beside "non reconnu" only, and in the popup on
 * any portal page), and what the panel shows before saving (count of masked texts, the file, a link
 * that downloads it).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavableCapture } from '../../../lib/capture/messages';
import type { LicenceAssessment } from '../../../lib/licences/types';
import { CaptureAction } from '../../../lib/ui/CaptureAction';
import { CapturePanel } from '../../../lib/ui/CapturePanel';
import { LicenceBadge } from '../../../lib/ui/LicenceBadge';
import { PopupView } from '../../../lib/ui/PopupView';
import { TerminationGuard } from '../../../lib/ui/TerminationGuard';
import { en, fr, frAll } from '../ui/text';

afterEach(cleanup);

const SAVE = 'Enregistrer une capture anonymisée';
const unknown: LicenceAssessment = {
  label: 'Licence full',
  state: 'unknown',
  subscribed: null,
  active: null,
  terminable: null,
  reason: 'not-a-number',
};
const capture: SavableCapture = {
  html: '<!DOCTYPE html>\n<p>Licence full 1 / 2</p>',
  maskedTexts: 12,
  fileName: 'capture-anonymisee-2026-12-01-14-50.html',
  url: 'data:text/html;charset=utf-8,x',
};

describe('the capture action', () => {
  it('is offered beside a row that is "non reconnu", and only there', () => {
    const onCapture = vi.fn();
    render(<LicenceBadge assessment={unknown} text={fr} capture={onCapture} />);
    fireEvent.click(screen.getByRole('button', { name: SAVE }));
    expect(onCapture).toHaveBeenCalledTimes(1);
    cleanup();
    const known = {
      ...unknown,
      state: 'terminable' as const,
      subscribed: 2,
      active: 1,
      terminable: 1,
      reason: null,
    };
    render(<LicenceBadge assessment={known} text={fr} capture={onCapture} />);
    expect(screen.queryByRole('button', { name: SAVE })).toBeNull();
  });

  it('is offered under the guard\'s "maximum non reconnu", not under a known maximum', () => {
    const onCapture = vi.fn();
    render(
      <TerminationGuard
        view={{
          kind: 'unknown',
          reason: 'not-a-number',
          check: { valid: true, value: 1 },
          blocks: 'confirm',
        }}
        text={fr}
        capture={onCapture}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: SAVE }));
    expect(onCapture).toHaveBeenCalledTimes(1);
    cleanup();
    render(
      <TerminationGuard
        view={{ kind: 'checked', max: 1, check: { valid: true, value: 1 }, blocks: 'confirm' }}
        text={fr}
        capture={onCapture}
      />,
    );
    expect(screen.queryByRole('button', { name: SAVE })).toBeNull();
  });

  it('speaks English too', () => {
    render(<LicenceBadge assessment={unknown} text={en} capture={() => {}} />);
    expect(screen.getByRole('button', { name: 'Save an anonymised capture' })).toBeTruthy();
  });
});

describe('the capture panel', () => {
  it('shows the count of masked texts, the file, and a link that downloads it', () => {
    const onClose = vi.fn();
    render(<CapturePanel text={fr} capture={capture} onClose={onClose} />);
    expect(screen.getByRole('status').textContent).toMatch(/^12 textes masqués\. Vérifiez l’aperçu/);
    expect(document.querySelector('pre')?.textContent).toBe(capture.html);
    const link = screen.getByRole('link', { name: 'Enregistrer le fichier' });
    expect(link.getAttribute('download')).toBe(capture.fileName);
    expect(link.getAttribute('href')).toBe(capture.url);
    fireEvent.click(screen.getByRole('button', { name: 'Fermer' }));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('the popup', () => {
  const status = {
    recognised: false,
    reason: 'no-licence-block' as const,
    licences: [],
    summary: { terminableTotal: 0, sdaLinkedTotal: 0, unknownCount: 0 },
  };

  it('offers a capture on any portal page, recognised or not, and shows the panel once built', async () => {
    const build = vi.fn(async () => capture);
    render(
      <PopupView
        state={{ kind: 'status', status }}
        text={frAll}
        onOpenOptions={() => {}}
        version="0.1.0"
        helpHref="aide.html"
        capture={build}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: SAVE }));
    expect(await screen.findByRole('link', { name: 'Enregistrer le fichier' })).toBeTruthy();
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('says so when the capture cannot be made, and offers nothing without a content script', async () => {
    render(<CaptureAction text={fr} capture={() => Promise.reject(new Error('x'))} />);
    fireEvent.click(screen.getByRole('button', { name: SAVE }));
    expect((await screen.findByRole('status')).textContent).toMatch(/n’a pas pu être préparée/);
    cleanup();
    render(
      <PopupView
        state={{ kind: 'no-content-script', why: 'not-portal' }}
        text={frAll}
        onOpenOptions={() => {}}
        version="0.1.0"
        helpHref="aide.html"
        capture={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: SAVE })).toBeNull();
  });
});
