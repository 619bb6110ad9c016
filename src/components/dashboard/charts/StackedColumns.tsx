/**
 * Stacked columns in plain SVG: one column per bucket (week or month), one coloured block per
 * series (reason). Hover a column for its numbers; click a block to list its leads.
 */
import { useState } from 'react';

export interface Series {
  id: string;
  label: string;
  color: string;
  values: number[];
}

interface Props {
  /** One per bucket, shown under the columns and in the tooltip. */
  labels: string[];
  /** Data attribute of each bucket (its start time). */
  keys: string[];
  series: Series[];
  totalLabel: string;
  ariaLabel: string;
  onSelect(bucket: number, seriesId: string): void;
  format(n: number): string;
}

const H = 220;
const TOP = 10;
const BOTTOM = 24;
const LEFT = 40;

/** 1, 2 or 5 × 10^k at or above x, and at least 5. */
export function niceMax(x: number): number {
  if (x <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x)!;
}

/**
 * The axis's grid values for a niceMax: six evenly spaced whole numbers from 0 (a fifth of 5,
 * 10, 20, 50… is whole). Quarters rounded gave 0, 1, 3, 4, 5 for a maximum of 5.
 */
export function axisTicks(max: number): number[] {
  return [0, 1, 2, 3, 4, 5].map((i) => (max * i) / 5);
}

export function StackedColumns({ labels, keys, series, totalLabel, ariaLabel, onSelect, format }: Props) {
  const [hover, setHover] = useState<number | null>(null);
  const n = labels.length;
  const totals = labels.map((_, b) => series.reduce((sum, s) => sum + (s.values[b] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const colW = Math.max(8, Math.min(48, Math.floor(900 / Math.max(1, n))));
  const W = LEFT + n * colW + 10;
  const plotH = H - TOP - BOTTOM;
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(52 / colW));
  const ticks = axisTicks(max);

  return (
    <div className="wl-chart" onMouseLeave={() => setHover(null)}>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={ariaLabel} data-testid="wl-trend">
        {ticks.map((v) => (
          <g key={v} className="wl-grid">
            <line x1={LEFT} x2={W - 6} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {labels.map((label, b) => {
          const x = LEFT + b * colW;
          let acc = 0;
          return (
            <g key={keys[b]} onMouseEnter={() => setHover(b)} className={hover === b ? 'is-hover' : undefined}>
              <rect className="wl-colhit" x={x} y={TOP} width={colW} height={plotH} />
              {series.map((s) => {
                const v = s.values[b] ?? 0;
                if (!v) return null;
                const top = y(acc + v);
                const h = y(acc) - top;
                acc += v;
                return (
                  <rect
                    key={s.id}
                    x={x + 1}
                    y={top}
                    width={Math.max(1, colW - 2)}
                    height={Math.max(1, h)}
                    fill={s.color}
                    data-testid="wl-trend-bar"
                    data-start={keys[b]}
                    data-reason-id={s.id}
                    data-count={v}
                    onClick={() => onSelect(b, s.id)}
                  >
                    <title>{`${label} · ${s.label}: ${format(v)}`}</title>
                  </rect>
                );
              })}
              {b % labelEvery === 0 && (
                <text className="wl-xlabel" x={x + colW / 2} y={H - 8} textAnchor="middle">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {hover !== null && (
        <div
          className="wl-tooltip"
          data-shell="drop"
          data-testid="wl-trend-tooltip"
          style={{ left: Math.min(LEFT + hover * colW + colW + 8, W - 180), top: 8 }}
          role="status"
        >
          <strong>{labels[hover]}</strong>
          <ul>
            {series
              .filter((s) => s.values[hover])
              .map((s) => (
                <li key={s.id}>
                  <span className="wl-swatch" style={{ background: s.color }} />
                  {s.label}: <b>{format(s.values[hover]!)}</b>
                </li>
              ))}
          </ul>
          <div>
            {totalLabel}: <b>{format(totals[hover]!)}</b>
          </div>
        </div>
      )}
      <ul className="wl-legend">
        {series.map((s) => (
          <li key={s.id}>
            <span className="wl-swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
