import { Component } from 'preact';
import type { SavableCapture } from '../capture/in-page';
import type { PageText } from './page-text';

export interface CaptureActionProps {
  text: PageText;
  /** Builds the anonymised capture (rejects when it cannot). */
  capture: () => Promise<SavableCapture>;
}

interface CaptureActionState {
  /** Absent: not asked yet (or being built: a second click only builds it again); `false`: failed. */
  result?: SavableCapture | false;
}

/**
 * "Enregistrer une capture anonymisée", wherever the extension says "non reconnu": builds the
 * capture, shows what it kept (the count of masked texts and the file's text) and a link that saves
 * it — the user's own click starts the download, nothing is sent anywhere. The preview scrolls
 * (a big page's file is megabytes). A class component: the content script ships no hooks.
 */
export class CaptureAction extends Component<CaptureActionProps, CaptureActionState> {
  start = () => {
    this.props.capture().then(
      (result) => this.setState({ result }),
      () => this.setState({ result: false }),
    );
  };

  render({ text }: CaptureActionProps, { result }: CaptureActionState) {
    if (result === undefined)
      return (
        <button type="button" class="capture" onClick={this.start}>
          {text.t('captureSave')}
        </button>
      );
    if (!result) return <p role="status">{text.t('captureFailed')}</p>;
    return (
      <div class="capture">
        <p role="status">{text.n('captureMasked', result.maskedTexts)}</p>
        <pre>{result.html}</pre>
        <a href={result.url} download={result.fileName}>
          {text.t('captureDownload')}
        </a>
      </div>
    );
  }
}
