export { checkWebVtt, parseTimestamp } from './webvtt';
export { captionDefaults, languageName } from './languages';
export { CAPTIONS_MAX_BYTES } from './schemas';
