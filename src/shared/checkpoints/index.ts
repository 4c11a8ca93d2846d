export * from './schema';
export * from './normalize';
export * from './scoring';
export * from './learnerState';
export * from './suspendData';
export * from './gating';
export * from './markdown';
