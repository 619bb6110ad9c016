/**
 * Small pieces the options sections share: CRM names, the "saved / refused" line, live detection
 * health, dates in the page's language.
 */
import { useEffect, useState } from 'react';
import type { HealthReport } from '../../core/health';
import type { CrmId, Lang } from '../../core/primitives';
import { request } from '../../platform/messaging';
import { healthItem } from '../../platform/stored';

export const CRM_NAMES: Record<CrmId, string> = { amocrm: 'amoCRM / Kommo', bitrix24: 'Bitrix24', onebox: 'OneBox' };

export type Flash = { kind: 'ok' | 'error'; text: string } | null;

/** The result of the last action in a section: announced politely when saved, assertively when refused. */
export function FlashLine({ flash, testId }: { flash: Flash; testId: string }) {
  if (!flash) return null;
  return (
    <p className={flash.kind === 'error' ? 'wl-error' : 'wl-ok'} role={flash.kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {flash.text}
    </p>
  );
}

/** The latest detection report per host and page, kept live while the page is open. */
export function useHealth(): HealthReport[] {
  const [reports, setReports] = useState<HealthReport[]>([]);
  useEffect(() => {
    let alive = true;
    const run = () => {
      request('health', { host: null }).then(
        (list) => alive && setReports(list),
        () => undefined,
      );
    };
    run();
    const unwatch = healthItem.watch(run);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return reports;
}

/**
 * A control that saves on change: shows the new value at once, and follows the stored value when
 * it changes (after the save, or from another tab).
 */
export function useSaved<T>(stored: T): [T, (value: T) => void] {
  const [value, setValue] = useState(stored);
  useEffect(() => setValue(stored), [stored]);
  return [value, setValue];
}

export function formatTime(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
