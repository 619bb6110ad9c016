/** The numbers behind a chart, as a table, folded under it (built only once unfolded). */
import { useState, type ReactNode } from 'react';

export function TableDetails({ summary, head, rows, testId }: { summary: string; head: ReactNode[]; rows: ReactNode[][]; testId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="wl-tabledetails" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid={`${testId}-toggle`}>{summary}</summary>
      {open && (
        <div className="wl-tablewrap" data-shell="drop">
          <table className="wl-table" data-testid={testId}>
            <thead>
              <tr>
                {head.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={j}>{c}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
