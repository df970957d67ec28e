/**
 * A ReplicaSet's pods counted by STATUS, for a column whose pods no longer fit as tiles: one
 * row per status with its count as text and a bar as long as its share, in the tiles' version
 * colour and lifecycle look. A table, so the counts read as "status → count"; each pod stays
 * listed by name in the Text view. Request dots that reach one of these pods end at the edge of its row.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { statusCounts, statusLabel } from './podAggregate';
import { useStageRegistry } from './stageRegistry';
import './podAggregate.css';

export function PodAggregate({ ids, label, slot }: { ids: string[]; label: string; slot: number }) {
  const pods = useSim((s) => s.pods);
  const rows = useMemo(() => statusCounts(ids, pods), [ids, pods]);
  const total = rows.reduce((n, r) => n + r.count, 0);

  // Each pod's request dots end at its status row: the registry points its name there.
  const reg = useStageRegistry();
  const rowEls = useRef(new Map<string, HTMLElement>());
  useLayoutEffect(() => {
    const mine = new Set(rowEls.current.values());
    const set: string[] = [];
    for (const id of ids) {
      const p = pods.get(id);
      const el = p && rowEls.current.get(statusLabel(p));
      if (!el) continue;
      reg.pods.set(id, el);
      set.push(id);
    }
    reg.invalidate();
    return () => {
      for (const id of set) {
        const el = reg.pods.get(id);
        if (el && mine.has(el)) reg.pods.delete(id);
      }
      reg.invalidate();
    };
  }, [reg, ids, pods, rows]);

  return (
    <div className="pod-agg" data-v={slot}>
      <table className="pod-agg-table" aria-label={`${label}: pods by status`}>
        <caption className="pod-agg-caption">
          {total} pods by STATUS (too many to draw one by one)
        </caption>
        <thead className="pod-agg-visually-hidden">
          <tr>
            <th scope="col">STATUS</th>
            <th scope="col">pods</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={`pod-agg-row pod-agg-${r.look}`}>
              <th scope="row" className="pod-agg-status">
                {/* Where this row's request dots end: the column's edge, clear of any text. */}
                <span
                  ref={(el) => {
                    if (el) rowEls.current.set(r.label, el);
                    else rowEls.current.delete(r.label);
                  }}
                  className="pod-agg-port"
                  aria-hidden="true"
                />
                {r.label}
              </th>
              <td className="pod-agg-count">{r.count}</td>
              <td className="pod-agg-bar-cell" aria-hidden="true">
                <span
                  className="pod-agg-bar"
                  style={{ width: `${total ? (r.count / total) * 100 : 0}%` }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="pod-agg-note">Every pod is listed by name in the Text view.</p>
    </div>
  );
}
