/** The CHANGELOG.md entry of a release: found, or written at the top from the commits it brings. */

export interface ChangelogEntry {
  /** The whole file, with the entry. */
  text: string;
  /** The entry alone (its heading and body). */
  entry: string;
  /** Whether this run wrote it. */
  added: boolean;
}

const HEADING = /^## \[?(\d+\.\d+\.\d+[^\]\s]*)\]?/;

/** The entry of `version` in `text`: from its `## version` heading to the next `## ` heading. */
export function findEntry(text: string, version: string): string | null {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => HEADING.exec(line)?.[1] === version);
  if (start < 0) return null;
  const next = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  return lines
    .slice(start, next < 0 ? undefined : next)
    .join('\n')
    .trim();
}

/**
 * Keeps an entry already written by hand; otherwise adds one at the top, under the title, dated, that
 * lists `changes` (the subjects of the commits since the changelog last changed).
 */
export function withEntry(
  text: string,
  version: string,
  date: string,
  changes: readonly string[],
): ChangelogEntry {
  const existing = findEntry(text, version);
  if (existing) return { text, entry: existing, added: false };
  const body =
    changes.length > 0 ? changes.map((change) => `- ${change}`).join('\n') : '- Aucun changement noté.';
  const entry = `## [${version}] — ${date}\n\n${body}`;
  const title = '# Journal des versions';
  const rest = text.startsWith(title) ? text.slice(title.length).trimStart() : text.trim();
  return { text: `${title}\n\n${entry}\n${rest ? `\n${rest}\n` : ''}`, entry, added: true };
}
