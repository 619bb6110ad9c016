/**
 * Horizontal bars, one row per item: label, bar (optionally split in parts), count, share.
 * Each row is a button (keyboard and click) that opens the drill-down; the numbers show on
 * hover (title) and are always written beside the bar.
 */
import type { ReactNode } from 'react';

export interface BarPart {
  value: number;
  color: string;
  label: string;
}

export interface BarItem {
  key: string;
  label: ReactNode;
  value: number;
  /** Text beside the count, e.g. a share. */
  note?: string;
  parts?: BarPart[];
  color?: string;
  /** Hover text with the numbers. */
  title: string;
  attrs?: Record<string, string>;
}

export function BarList({ items, onSelect, testId }: { items: BarItem[]; onSelect?: (item: BarItem) => void; testId: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="wl-barlist">
      {items.map((item) => (
        <li key={item.key} data-testid={testId} {...item.attrs}>
          <button type="button" className="wl-barrow" title={item.title} onClick={onSelect ? () => onSelect(item) : undefined} disabled={!onSelect}>
            <span className="wl-barlabel">{item.label}</span>
            <span className="wl-bartrack" aria-hidden="true">
              {(item.parts ?? [{ value: item.value, color: item.color ?? '#2f6fed', label: '' }]).map((p, i) =>
                p.value ? <span key={i} className="wl-barfill" style={{ width: `${(p.value / max) * 100}%`, background: p.color }} /> : null,
              )}
            </span>
            <span className="wl-barcount" data-testid={`${testId}-count`}>
              {item.value}
            </span>
            <span className="wl-barnote" data-testid={`${testId}-share`}>
              {item.note ?? ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
