export { checkWebVtt, parseTimestamp, type WebVttCheck } from './webvtt';
export { captionDefaults, languageName, normalizeTag, SRCLANG } from './languages';
export { CAPTIONS_MAX_BYTES, captionLabelSchema, captionSchema, srclangSchema, type Caption } from './schemas';
