/**
 * Named steps with their own time limit, for browser tests whose failure would otherwise read only
 * "Test timed out": the error says which step hung and how long the earlier ones took.
 */
export function stepper(test: string) {
  const done: string[] = [];
  const started = Date.now();
  return async function step<T>(label: string, work: () => Promise<T>, ms = 20_000): Promise<T> {
    const t0 = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`[${test}] step "${label}" did not finish in ${ms} ms; before it: ${done.join(', ') || 'nothing'}`)),
        ms,
      );
    });
    try {
      const out = await Promise.race([work(), limit]);
      done.push(`${label} ${Date.now() - t0} ms`);
      return out;
    } finally {
      clearTimeout(timer);
      if (Date.now() - started > 30_000) console.warn(`[${test}] slow so far: ${done.join(', ')}`);
    }
  };
}
