/**
 * For the options page only (not the Détails tab's code): whether the stored options held something
 * this version could not use — a damaged value, or a type it never wrote — so the page can say that
 * some options are back to their defaults. Keys and features it does not know (a newer version's)
 * are not damage: they are kept through a save (settings.ts).
 */
import { FEATURE_IDS, normaliseSettings } from './settings';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function settingsDamaged(raw: unknown): boolean {
  if (raw === undefined) return false;
  if (!isRecord(raw)) return true;
  const normal = normaliseSettings(raw);
  const { features, language, auditPace } = raw;
  if (features !== undefined) {
    if (!isRecord(features)) return true;
    if (FEATURE_IDS.some((id) => id in features && features[id] !== normal.features[id])) return true;
  }
  return (
    (language !== undefined && language !== normal.language) ||
    (auditPace !== undefined && auditPace !== normal.auditPace)
  );
}
