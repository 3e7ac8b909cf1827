export {
  defaultSettings,
  FEATURE_IDS,
  type FeatureId,
  loadSettings,
  normaliseSettings,
  SETTINGS_KEY,
  type Settings,
  type StorageAreaName,
  type StoredSettings,
  saveSettings,
  watchSettings,
} from './settings';
