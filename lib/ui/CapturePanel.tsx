import type { SavableCapture } from '../capture/messages';
import type { PageText } from '../i18n/page-messages';

export interface CapturePanelProps {
  text: PageText;
  capture: SavableCapture;
  onClose?: () => void;
}

/**
 * What an anonymised capture kept, before the user saves it: the count of masked texts, the file's
 * text (it scrolls: a big page's file is megabytes) and a link whose click saves it — the user's own
 * click starts the download, nothing is sent anywhere.
 */
export function CapturePanel({ text, capture, onClose }: CapturePanelProps) {
  return (
    <section class="capture" aria-label={text.t('captureSave')}>
      <p role="status">{text.n('captureMasked', capture.maskedTexts)}</p>
      <pre>{capture.html}</pre>
      <p>
        <a href={capture.url} download={capture.fileName}>
          {text.t('captureDownload')}
        </a>
        {onClose && (
          <>
            {' · '}
            <button type="button" onClick={onClose}>
              {text.t('captureClose')}
            </button>
          </>
        )}
      </p>
    </section>
  );
}
