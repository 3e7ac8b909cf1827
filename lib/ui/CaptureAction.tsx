import { Component } from 'preact';
import type { SavableCapture } from '../capture/messages';
import type { PageText } from '../i18n/page-messages';
import { CapturePanel } from './CapturePanel';

export interface CaptureActionProps {
  text: PageText;
  /** Builds the anonymised capture (rejects when it cannot). */
  capture: () => Promise<SavableCapture>;
}

interface CaptureActionState {
  /** Absent: not asked yet (or being built); `false`: failed. */
  result?: SavableCapture | false;
}

/** The popup's "Enregistrer une capture anonymisée": builds it on click, then shows `CapturePanel`. */
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
        <p>
          <button type="button" class="capture" onClick={this.start}>
            {text.t('captureSave')}
          </button>
        </p>
      );
    if (!result) return <p role="status">{text.t('captureFailed')}</p>;
    return <CapturePanel text={text} capture={result} />;
  }
}
