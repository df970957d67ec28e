/**
 * The cluster as text, like `kubectl get all` plus the objects the tutorials add: pods, then a
 * table per kind with objects (ReplicationControllers, Services, Deployments, ReplicaSets,
 * HorizontalPodAutoscalers, Argo Rollouts and AnalysisRuns, Istio VirtualServices and
 * DestinationRules) with the columns `kubectl get` prints, then each VirtualService's http
 * routes in order. For reduced motion, screen readers, projectors and anyone who prefers
 * reading to watching. Rows are selected as strings (compared shallowly), so a table
 * re-renders only when one of its rows changes.
 *
 * The simulation builds every table but the pods' (src/sim/view/objectTables.ts); pod rows come
 * from the pod views, their ages from the frame's clock (kubectlAge.ts). Every pod is listed —
 * the stage may draw a big fleet as counts, so this is where each pod can still be read.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SimState } from '../../store/createSimStore';
import { useSim } from '../../store/SimStoreProvider';
import { useCoarseClock } from '../useCoarseClock';
import { kubectlAge } from './kubectlAge';
import { destName, formatShare } from './routeText';
import './textView.css';

const SEP = '\u0000';
/** Pod rows drawn at once; the rest one press away (every pod stays reachable). */
export const POD_PAGE = 500;

const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Pods by name, without AGE (it changes every second; added at render from createdAt). */
const selectPodRows = (s: SimState): string[] =>
  [...(s.frame?.pods ?? [])]
    .sort(byName)
    .map((p) =>
      [
        `pod/${p.name}`,
        p.readyColumn,
        p.status,
        p.restarts,
        p.lastRestartAt ?? '',
        p.createdAt,
        p.image,
      ].join(SEP),
    );

/** One string per table: kind, resource, headers, then the rows. */
const selectTables = (s: SimState): string[] =>
  (s.frame?.objects ?? []).map((t) =>
    [t.kind, t.resource, t.headers.join(SEP), ...t.rows.map((r) => r.join(SEP))].join('\n'),
  );

/** Each VirtualService's http routes: name, route, match, destinations, mirror, clients. */
const selectRouteRows = (s: SimState): string[] =>
  (s.frame?.routes ?? []).flatMap((vs) =>
    vs.http.map((r) =>
      [
        `virtualservice.networking.istio.io/${vs.name}`,
        r.name ?? `#${r.index + 1}`,
        r.match,
        r.destinations.map((d) => `${destName(d)} ${d.weight}%`).join(', ') || '<none>',
        r.mirror ? `${destName(r.mirror)} ${r.mirror.percent}%` : '<none>',
        vs.active ? formatShare(r.share) : 'not the traffic target',
      ].join(SEP),
    ),
  );

/** `replicationcontrollers`, `horizontalpodautoscalers`: what `kubectl get` calls the kind. */
const plural = (kind: string) => `${kind.toLowerCase()}s`;

function Table({
  title,
  command,
  head,
  rows,
}: {
  title: string;
  /** The kubectl command that prints it; none for a table kubectl has no command for. */
  command?: string;
  head: string[];
  rows: string[][];
}) {
  return (
    <table className="text-table" aria-label={title}>
      <caption>
        {title}
        {command && <code className="text-command">$ kubectl {command}</code>}
      </caption>
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
              No resources found in default namespace.
            </td>
          </tr>
        ) : (
          rows.map((cells, i) => (
            <tr key={`${cells[0] ?? ''}#${i}`}>
              {cells.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function PodTable() {
  const rows = useSim(useShallow(selectPodRows));
  const now = useCoarseClock(1000);
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, POD_PAGE);
  const cells = shown.map((row) => {
    const [name = '', ready = '', status = '', restarts = '', last = '', created = '', image = ''] =
      row.split(SEP);
    const since = last === '' ? '' : ` (${kubectlAge(now - Number(last))} ago)`;
    return [name, ready, status, `${restarts}${since}`, kubectlAge(now - Number(created)), image];
  });
  return (
    <div className="text-block">
      <Table
        title="Pods"
        command="get pods"
        head={['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IMAGE']}
        rows={cells}
      />
      {rows.length > shown.length && (
        <button type="button" className="text-more" onClick={() => setAll(true)}>
          Show all {rows.length} pods ({rows.length - shown.length} more)
        </button>
      )}
    </div>
  );
}

export function TextView() {
  const tables = useSim(useShallow(selectTables));
  const routes = useSim(useShallow(selectRouteRows));
  return (
    <section className="text-view" aria-label="Text view">
      <PodTable />
      {tables.map((t) => {
        const [kind = '', resource = '', head = '', ...rows] = t.split('\n');
        return (
          <Table
            key={kind}
            title={`${kind}s`}
            command={`get ${plural(kind)}`}
            head={head.split(SEP)}
            rows={rows.map((r) => {
              const cells = r.split(SEP);
              // As `kubectl get all` prints several kinds: names prefixed with the resource.
              cells[0] = `${resource}/${cells[0] ?? ''}`;
              return cells;
            })}
          />
        );
      })}
      {routes.length > 0 && (
        <Table
          title="Routes of each VirtualService (in order: the first match wins)"
          head={['VIRTUALSERVICE', 'ROUTE', 'MATCH', 'DESTINATIONS', 'MIRROR', 'CLIENTS']}
          rows={routes.map((r) => r.split(SEP))}
        />
      )}
    </section>
  );
}
