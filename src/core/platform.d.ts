// The web-platform APIs src/core uses, which every runtime it runs in provides (browsers, workers,
// Node ≥ 20). Core compiles without DOM and Node types (tsconfig.core.json), so they are declared
// here, only as far as core uses them; the app and pipeline builds take them from DOM or Node types
// (this file is in no other tsconfig).

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

declare class URLSearchParams {
  constructor(init?: string);
  get(name: string): string | null;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

declare function structuredClone<T>(value: T): T;
