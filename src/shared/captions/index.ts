export { checkWebVtt, parseTimestamp } from './webvtt';
export { captionDefaults, languageName, normalizeTag } from './languages';
export { CAPTIONS_MAX_BYTES, type Caption } from './schemas';
