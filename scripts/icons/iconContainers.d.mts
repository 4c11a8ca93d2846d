export interface IconImage {
  size: number;
  png: Buffer;
}
export declare function icoFile(images: readonly IconImage[]): Buffer;
export declare const ICNS_TYPES: Readonly<Record<number, string>>;
export declare function icnsFile(images: readonly IconImage[]): Buffer;
