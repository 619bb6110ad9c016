/**
 * Time limits for browser tests, whose failure would otherwise read only "Test timed out":
 * `within` bounds one wait, `stepper` names the steps of a test so the error says which one hung
 * and how long the earlier ones took.
 */

/** `work`'s value, or `late` if it has not settled after `ms`. */
export async function within<T, L>(ms: number, work: Promise<T>, late: L): Promise<T | L> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([work, new Promise<L>((resolve) => (timer = setTimeout(() => resolve(late), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

const LATE = Symbol('late');

export function stepper(test: string) {
  const done: string[] = [];
  const started = Date.now();
  return async function step<T>(label: string, work: () => Promise<T>, ms = 20_000): Promise<T> {
    const t0 = Date.now();
    try {
      const out = await within(ms, work(), LATE);
      if (out === LATE) throw new Error(`[${test}] step "${label}" did not finish in ${ms} ms; before it: ${done.join(', ') || 'nothing'}`);
      done.push(`${label} ${Date.now() - t0} ms`);
      return out;
    } finally {
      if (Date.now() - started > 30_000) console.warn(`[${test}] slow so far: ${done.join(', ')}`);
    }
  };
}
