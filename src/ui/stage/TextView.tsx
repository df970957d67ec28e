/**
 * The stage as text, like `kubectl get deploy,rs,pods`: the same columns in HTML tables. For
 * reduced motion, screen readers and anyone who prefers reading to watching. Rows are selected
 * as strings (compared shallowly), so the tables re-render only when a row changes.
 */
import { useShallow } from 'zustand/react/shallow';
import type { SimState } from '../../store/createSimStore';
import { useSim } from '../../store/SimStoreProvider';

const SEP = '\t';
const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

const selectDeploymentRows = (s: SimState): string[] =>
  [...(s.frame?.deployments ?? [])]
    .sort(byName)
    .map((d) => [d.name, `${d.ready}/${d.desired}`, d.updated, d.available].join(SEP));

const selectReplicaSetRows = (s: SimState): string[] =>
  [...(s.frame?.replicaSets ?? [])]
    .sort(byName)
    .map((rs) => [rs.name, rs.desired, rs.current, rs.ready].join(SEP));

const selectPodRows = (s: SimState): string[] =>
  [...(s.frame?.pods ?? [])]
    .sort(byName)
    .map((p) =>
      [p.name, `${p.ready ? 1 : 0}/1`, p.status, p.restarts, p.image, p.node ?? '<none>'].join(SEP),
    );

function Table({ title, head, rows }: { title: string; head: string[]; rows: string[] }) {
  return (
    <table className="text-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={head.length} className="text-none">
              No resources found.
            </td>
          </tr>
        ) : (
          rows.map((r) => {
            const cells = r.split(SEP);
            return (
              <tr key={cells[0]}>
                {cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            );
          })
        )}
      </tbody>
    </table>
  );
}

export function TextView() {
  const deployments = useSim(useShallow(selectDeploymentRows));
  const replicaSets = useSim(useShallow(selectReplicaSetRows));
  const pods = useSim(useShallow(selectPodRows));
  return (
    <section className="text-view" aria-label="Text view">
      <Table
        title="DEPLOYMENTS"
        head={['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE']}
        rows={deployments}
      />
      <Table
        title="REPLICASETS"
        head={['NAME', 'DESIRED', 'CURRENT', 'READY']}
        rows={replicaSets}
      />
      <Table
        title="PODS"
        head={['NAME', 'READY', 'STATUS', 'RESTARTS', 'IMAGE', 'NODE']}
        rows={pods}
      />
    </section>
  );
}
