export {
  ALWAYS_QUOTED_KEYS,
  renderManifests,
  renderValuesDocument,
} from './renderManifests';
