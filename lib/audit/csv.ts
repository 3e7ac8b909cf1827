/**
 * The export: a CSV that French Excel opens right — UTF-8 with a BOM, `;` between cells, CRLF line
 * ends, cells quoted when they hold `;`, `"`, a line break or leading/trailing spaces — one line per
 * service × licence type (a service without licences read gets one line with its status).
 */
import type { AuditRow, ListedService } from './types';

export const CSV_COLUMNS = [
  'Réf. du service',
  'Nom du service',
  'Client',
  'Compte client',
  'Site',
  'Licence',
  'Souscrite',
  'Active',
  'Résiliable',
  'Statut',
  'Raison',
] as const;

const BOM = '\uFEFF';

/**
 * A cell Excel (or another spreadsheet) could read as a formula: =, +, - or @ — or their full-width
 * forms ＝ ＋ － ＠, which some spreadsheets fold to them — first, or behind blanks (spaces, tabs, line
 * breaks, no-break and ideographic spaces), which they skip. It gets a quote mark first.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/u;

export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = FORMULA_START.test(text) && !/^-?\d+$/.test(text.trim()) ? `'${text}` : text;
  return /[;"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(';');
}

/** The status words of the CSV and the table (French, as the issue spells them). */
export interface CsvWords {
  status(row: AuditRow): string;
  reason(row: AuditRow, licenceReason: string | null): string;
}

export function auditCsv(
  services: readonly ListedService[],
  rows: Readonly<Record<string, AuditRow>>,
  words: CsvWords,
): string {
  const lines = [csvLine(CSV_COLUMNS)];
  for (const service of services) {
    const row = rows[service.ref];
    if (!row) continue;
    const identity = [service.ref, service.name, service.client, service.account, service.site];
    if (row.licences.length === 0) {
      lines.push(csvLine([...identity, '', null, null, null, words.status(row), words.reason(row, null)]));
      continue;
    }
    const unknownLicences = row.licences.filter((licence) => licence.state === 'unknown');
    for (const licence of row.licences) {
      const unknown = licence.state === 'unknown';
      lines.push(
        csvLine([
          ...identity,
          licence.label,
          licence.subscribed,
          licence.active,
          licence.terminable,
          unknown ? words.status({ ...row, status: 'unknown' }) : words.status({ ...row, status: 'ok' }),
          unknown ? words.reason(row, licence.reason) : '',
        ]),
      );
    }
    // A service not read whole while each licence shown was (rows that could not be read at all):
    // a line of its own says so, or the file would show only "ok" lines for it.
    if (row.status !== 'ok' && unknownLicences.length === 0) {
      lines.push(csvLine([...identity, '', null, null, null, words.status(row), words.reason(row, null)]));
    }
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** `audit-licences-2026-12-01.csv` (local date). */
export function csvFileName(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `audit-licences-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.csv`;
}
