/** Each area of the interface keeps its texts in one file here: English defines the keys; Russian and Ukrainian must have every one. */
export type Messages<T extends Record<string, string>> = { en: T; ru: Record<keyof T, string>; uk: Record<keyof T, string> };
