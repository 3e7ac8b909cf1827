/**
 * Blocking and restoring the dialog's Confirmer button. The original `disabled` and `aria-disabled`
 * are saved the first time and put back exactly, so the portal finds its button as it left it.
 */
export interface ConfirmBlock {
  element: HTMLElement;
  disabled: boolean | null;
  ariaDisabled: string | null;
}

function hasDisabled(element: HTMLElement): element is HTMLButtonElement | HTMLInputElement {
  return element instanceof HTMLButtonElement || element instanceof HTMLInputElement;
}

export function blockConfirm(element: HTMLElement, previous: ConfirmBlock | null): ConfirmBlock {
  const saved: ConfirmBlock =
    previous && previous.element === element
      ? previous
      : {
          element,
          disabled: hasDisabled(element) ? element.disabled : null,
          ariaDisabled: element.getAttribute('aria-disabled'),
        };
  // Re-asserted on every check: the portal may have re-enabled its button meanwhile.
  if (hasDisabled(element) && !element.disabled) element.disabled = true;
  if (element.getAttribute('aria-disabled') !== 'true') element.setAttribute('aria-disabled', 'true');
  return saved;
}

export function restoreConfirm(block: ConfirmBlock): void {
  const { element, disabled, ariaDisabled } = block;
  if (hasDisabled(element) && disabled !== null) element.disabled = disabled;
  if (ariaDisabled === null) element.removeAttribute('aria-disabled');
  else element.setAttribute('aria-disabled', ariaDisabled);
}
