/** SQLite columns are snake_case, the contract's fields camelCase: one mapping, typed, for every service's rows. */

export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

export type CamelRow<R> = { [K in keyof R as K extends string ? CamelCase<K> : K]: R[K] };

export function camelRow<R extends object>(row: R): CamelRow<R> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    out[key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())] = value;
  return out as CamelRow<R>;
}
