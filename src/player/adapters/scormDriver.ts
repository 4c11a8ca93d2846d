import type { CallLog } from './callLog';

export interface Dialect {
  readonly initialize: string;
  readonly terminate: string;
  readonly getValue: string;
  readonly setValue: string;
  readonly commit: string;
  readonly getLastError: string;
  readonly getErrorString: string;
  readonly getDiagnostic: string;
  /** 2004's "value not initialized" (403): an element never set, such as suspend data on a first launch; not a fault. */
  readonly notSet: string | null;
}

export const DIALECT_12: Dialect = {
  initialize: 'LMSInitialize',
  terminate: 'LMSFinish',
  getValue: 'LMSGetValue',
  setValue: 'LMSSetValue',
  commit: 'LMSCommit',
  getLastError: 'LMSGetLastError',
  getErrorString: 'LMSGetErrorString',
  getDiagnostic: 'LMSGetDiagnostic',
  notSet: null,
};

export const DIALECT_2004: Dialect = {
  initialize: 'Initialize',
  terminate: 'Terminate',
  getValue: 'GetValue',
  setValue: 'SetValue',
  commit: 'Commit',
  getLastError: 'GetLastError',
  getErrorString: 'GetErrorString',
  getDiagnostic: 'GetDiagnostic',
  notSet: '403',
};

/** One SCORM runtime behind its own method names; every call checked and logged, none allowed to throw. */
export interface ScormDriver {
  initialize(): boolean;
  get(element: string): string | null;
  set(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
}

export function createScormDriver(api: object, dialect: Dialect, log: CallLog): ScormDriver {
  const raw = (method: string, args: readonly string[]): { value: string; thrown: string | null } => {
    const fn = (api as Record<string, unknown>)[method];
    if (typeof fn !== 'function') return { value: '', thrown: `the LMS's API has no ${method}()` };
    try {
      return { value: String(fn.apply(api, args)), thrown: null };
    } catch (error) {
      return { value: '', thrown: error instanceof Error ? error.message : String(error) };
    }
  };
  const lastError = (allowNotSet = false): string | null => {
    const code = raw(dialect.getLastError, []).value;
    if (code === '' || code === '0' || (allowNotSet && code === dialect.notSet)) return null;
    const text = raw(dialect.getErrorString, [code]).value;
    const diagnostic = raw(dialect.getDiagnostic, [code]).value;
    return `error ${code}${text ? ` ${text}` : ''}${diagnostic && diagnostic !== text ? ` (${diagnostic})` : ''}`;
  };
  const call = (
    method: string,
    args: readonly string[],
    succeeded: (value: string) => boolean,
  ): { ok: boolean; value: string } => {
    const { value, thrown } = raw(method, args);
    const label = `${method}(${args.map((arg) => JSON.stringify(arg.length > 80 ? `${arg.slice(0, 80)}…` : arg)).join(', ')})`;
    const error = thrown ?? (succeeded(value) ? null : (lastError() ?? `answered ${JSON.stringify(value)}`));
    log.add(label, value, error);
    return { ok: error === null, value };
  };
  const isTrue = (value: string) => value === 'true';
  return {
    initialize: () => call(dialect.initialize, [''], isTrue).ok,
    get(element) {
      // GetValue answers "" both for an empty value and for a failure; only the error code tells them apart.
      const { value, thrown } = raw(dialect.getValue, [element]);
      const error = thrown ?? lastError(true);
      log.add(`${dialect.getValue}(${JSON.stringify(element)})`, value, error);
      return error === null ? value : null;
    },
    set: (element, value) => call(dialect.setValue, [element, value], isTrue).ok,
    commit: () => call(dialect.commit, [''], isTrue).ok,
    terminate: () => call(dialect.terminate, [''], isTrue).ok,
  };
}
