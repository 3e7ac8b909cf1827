import type { PageText } from '../i18n/page-messages';

export interface SdaNumber {
  number: string;
  user: string | null;
}

export interface SdaFlagProps {
  /** The numbers the page shows holding this licence (often none: the portal may not show them). */
  numbers: readonly SdaNumber[];
  /** The page shows only part of its numbers: the list says so (others may hold the licence too). */
  partial?: boolean;
  /** Whether the page has a "Numéros" tab to send the operator to. */
  canOpenNumbersTab: boolean;
  expanded: boolean;
  onToggle: () => void;
  onOpenNumbersTab: () => void;
  text: PageText;
}

/**
 * Why a licence held by a number cannot be terminated, and the way out (dissociate the number first).
 * The details are built only when shown: a 200-row block has a flag on most rows, nearly all collapsed.
 */
export function SdaFlag({
  numbers,
  partial = false,
  canOpenNumbersTab,
  expanded,
  onToggle,
  onOpenNumbersTab,
  text,
}: SdaFlagProps) {
  // No wrapper: the host sits inline after the badge, the details open below it as a block.
  return (
    <>
      <button
        type="button"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls="details"
        onClick={onToggle}
      >
        {text.t('sdaToggle')}
      </button>
      <div id="details" class="details" hidden={!expanded}>
        {expanded && (
          <>
            <p>{text.t('sdaRule')}</p>
            <p>{text.t('sdaWayOut')}</p>
            {canOpenNumbersTab ? (
              <p>
                <button type="button" onClick={onOpenNumbersTab}>
                  {text.t('sdaOpenNumbersTab')}
                </button>
              </p>
            ) : (
              <p>{text.t('sdaProcedure')}</p>
            )}
            {numbers.length > 0 && (
              <>
                <p>{text.t(partial ? 'sdaNumbersPartial' : 'sdaNumbers')}</p>
                <ul>
                  {numbers.map((entry) => (
                    <li key={entry.number}>
                      {entry.user ? `${entry.number} (${entry.user})` : entry.number}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </>
  );
}
