/**
 * Small pieces the options sections share: CRM names, the "saved / refused" line, live detection
 * health, dates in the page's language.
 */
import { useEffect, useState } from 'react';
import { LOCALES } from '../../core/i18n-core';
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

/** A select that saves on change. */
export function SavedSelect<T extends string>({
  testId,
  stored,
  options,
  onSave,
}: {
  testId: string;
  stored: T;
  options: { value: T; label: string; lang?: string }[];
  onSave(value: T): void;
}) {
  const [value, setValue] = useSaved(stored);
  return (
    <select
      data-testid={testId}
      value={value}
      onChange={(e) => {
        const next = e.target.value as T;
        setValue(next);
        onSave(next);
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value} lang={o.lang}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A checkbox that saves on change. */
export function SavedCheckbox({ testId, stored, disabled, onSave }: { testId: string; stored: boolean; disabled?: boolean; onSave(on: boolean): void }) {
  const [on, setOn] = useSaved(stored);
  return (
    <input
      type="checkbox"
      data-testid={testId}
      checked={on}
      disabled={disabled}
      onChange={(e) => {
        setOn(e.target.checked);
        onSave(e.target.checked);
      }}
    />
  );
}

export function formatTime(at: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
