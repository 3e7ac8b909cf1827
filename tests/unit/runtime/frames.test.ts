import { describe, expect, it } from 'vitest';
import { isFrame, isFrameWithoutLicences, mentionsLicences } from '../../../lib/runtime/frames';

function documentWith(body: string, view: unknown): Document {
  const document = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
  Object.defineProperty(document, 'defaultView', { value: view });
  return document;
}

const top = {
  get top() {
    return top;
  },
};
const frame = { top };
const crossOrigin = {
  get top(): never {
    throw new DOMException('Blocked a frame with origin', 'SecurityError');
  },
};

describe('frames', () => {
  it.each([
    ['the page itself', () => top, false],
    ['a frame', () => frame, true],
    ['a frame whose parent cannot be read', () => crossOrigin, true],
    ['no window', () => null, false],
  ])('%s is a frame: %s', (_case, view, expected) => {
    expect(isFrame(view() as unknown as Window)).toBe(expected);
  });

  it.each([
    ['<table><tr><td>Licence full</td><td>1 / 2</td></tr></table>', true],
    ['<h4>Résiliation LICENCE simple</h4>', true],
    ['<p>Publicité</p><script>var licenceKey</script>', true],
    ['<p>Éditeur de texte</p>', false],
    ['', false],
  ])('%s mentions licences: %s', (body, expected) => {
    expect(mentionsLicences(documentWith(body, frame))).toBe(expected);
  });

  it.each([
    ['a frame without licences', '<p>Carte</p>', frame, true],
    ['a frame with the block', '<td>Licence full</td>', frame, false],
    ['the page itself, even without licences yet (they arrive by XHR)', '<p>Chargement...</p>', top, false],
  ])('%s is left: %s', (_case, body, view, expected) => {
    expect(isFrameWithoutLicences(documentWith(body, view))).toBe(expected);
  });
});
