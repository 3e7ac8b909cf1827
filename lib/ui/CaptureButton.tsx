import type { PageText } from '../i18n/page-messages';

export interface CaptureButtonProps {
  text: PageText;
  onCapture: () => void;
}

/** "Enregistrer une capture anonymisée", beside a "non reconnu" (the capture code loads on click). */
export function CaptureButton({ text, onCapture }: CaptureButtonProps) {
  return (
    <button type="button" class="capture" onClick={onCapture}>
      {text.t('captureSave')}
    </button>
  );
}
