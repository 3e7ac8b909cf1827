// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditCsv, CSV_COLUMNS, csvCell, csvFileName } from '../../../lib/audit/csv';
import type { AuditRow, ListedService } from '../../../lib/audit/types';
import { partlyReadRow } from './support';

const words = {
  status: (row: AuditRow) => ({ ok: 'ok', unknown: 'non reconnu', error: 'erreur' })[row.status],
  reason: (_row: AuditRow, reason: string | null) => reason ?? _row.reason ?? '',
};

const service: ListedService = {
  ref: 'MC-1',
  name: 'Standard "Siège"; bâtiment B',
  client: 'Hôtel Lefèvre',
  account: 'CC-1',
  site: 'Paris 11e – 12 rue Oberkampf',
  url: 'https://p.example/s/1',
};
const row = partlyReadRow('MC-1');

describe('the CSV export', () => {
  it('starts with a BOM, separates with ;, ends lines with CRLF, one line per service × licence', () => {
    const csv = auditCsv([service], { 'MC-1': row }, words);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      CSV_COLUMNS.join(';'),
      'MC-1;"Standard ""Siège""; bâtiment B";Hôtel Lefèvre;CC-1;Paris 11e – 12 rue Oberkampf;Licence full;2;1;1;ok;',
      'MC-1;"Standard ""Siège""; bâtiment B";Hôtel Lefèvre;CC-1;Paris 11e – 12 rue Oberkampf;Licence SVI;;;;non reconnu;not-a-number',
      '',
    ]);
    expect(lines[0]).toBe(
      'Réf. du service;Nom du service;Client;Compte client;Site;Licence;Souscrite;Active;Résiliable;Statut;Raison',
    );
  });

  it('a service without licences read is one line with its status', () => {
    const error: AuditRow = {
      ref: 'MC-1',
      status: 'error',
      terminable: 0,
      sdaLinked: 0,
      licences: [],
      reason: 'server',
    };
    const lines = auditCsv([service], { 'MC-1': error }, words).split('\r\n');
    expect(lines[1]?.endsWith(';;;;;erreur;server')).toBe(true);
  });

  it.each([
    ['plain', 'plain'],
    ['a;b', '"a;b"'],
    ['dit "oui"', '"dit ""oui"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['=1+1', "'=1+1"],
    ['-3', '-3'],
    ['é à ç œ', 'é à ç œ'],
  ])('cell %j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    [' =1+1', "' =1+1"],
    ['\t=1+1', "'\t=1+1"],
    ['\n+cmd', '"\'\n+cmd"'],
    ['\u00a0-2+3', "'\u00a0-2+3"],
    ['\uff1d1+1', "'\uff1d1+1"],
    [' \uff0bcmd', "' \uff0bcmd"],
    ['\uff20SUM(A1)', "'\uff20SUM(A1)"],
    ['\u3000\uff0d1', "'\u3000\uff0d1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    [' -3', '" -3"'],
  ])('a formula behind spaces or in full-width: cell %j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('no cell ever starts, once unquoted and its leading blanks set aside, with a formula sign (numbers aside)', () => {
    const piece = fc.constantFrom(
      '=',
      '+',
      '-',
      '@',
      '\uff1d',
      '\uff0b',
      '\uff0d',
      '\uff20',
      ' ',
      '\t',
      '\r',
      '\n',
      '\u00a0',
      '\u3000',
      ';',
      '"',
      'a',
      '1',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
        (value) => {
          const cell = csvCell(value);
          const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
          if (/^-?\d+$/.test(value.trim())) return;
          expect(unquoted).not.toMatch(/^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/u);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a very long name with ; and quotes comes out whole, in one cell', () => {
    const name = `${'Siège "A"; '.repeat(4000)}fin`;
    const line = auditCsv([{ ...service, name }], { 'MC-1': row }, words).split('\r\n')[1] ?? '';
    expect(line).toContain(`"${name.replace(/"/g, '""')}"`);
  });

  it('a service whose licences read but with rows that could not be read says so on a line of its own', () => {
    const unread: AuditRow = {
      ...partlyReadRow('MC-1'),
      reason: 'unread-rows',
      licences: partlyReadRow('MC-1').licences.slice(0, 1),
    };
    const lines = auditCsv([service], { 'MC-1': unread }, words).split('\r\n');
    expect(lines.slice(1, -1).map((line) => line.split(';').slice(-2).join(';'))).toEqual([
      'ok;',
      'non reconnu;unread-rows',
    ]);
  });

  it('names the file with the date', () => {
    expect(csvFileName(new Date(2026, 11, 1))).toBe('audit-licences-2026-12-01.csv');
  });
});
