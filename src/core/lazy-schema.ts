/**
 * A schema built when it is first used, not when its module is evaluated.
 *
 * Building zod schemas is not free: `z.string().min(1).max(10)` makes three schema objects,
 * ~65 µs in all in Node on this machine. Every context that imports the protocol — each CRM
 * page's content script, every extension page, the service worker as it wakes — used to build
 * every schema of every message before its first line ran (~35–40 ms in Node), though it uses
 * a handful. Wrapped in `lazySchema`, a schema costs a closure until a property of it is read
 * (a parse, `.shape`, `.extend`, or a schema built around it); messages are built the same way
 * (protocol/common.ts `message`). Measured in Chromium: a CRM page's load costs 14–19 ms less
 * script time (docs/benchmarks.md, "Stop 17, second session").
 *
 * The value is a Proxy that forwards everything to the real schema, built once: zod sees a
 * schema wherever it looks (`_zod`, `instanceof` through its traits, methods bound to the
 * instance). It is still not the same object, so never compare schemas by identity.
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  // The target only stands in: every trap answers from the real schema. A property the real
  // schema holds as non-configurable (zod's `_zod`) is described as configurable, as a proxy
  // must for a property its (empty, extensible) target lacks.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const described = Reflect.getOwnPropertyDescriptor(real(), key);
      return described && { ...described, configurable: true };
    },
    defineProperty: (_, key, described) => Reflect.defineProperty(real(), key, described),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
