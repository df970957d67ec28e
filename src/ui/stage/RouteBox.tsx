/**
 * The VirtualService the clients' requests go through, between the clients and the Services:
 * its http rules in order (the first whose match accepts a request wins), each with the client
 * groups that take it, its destinations' configured weights against the split measured over
 * the last seconds, and its mirror. Request dots enter at their rule and leave at their
 * destination (TrafficCanvas); arrows leave each destination for its Service (ArrowLayer).
 */
import { useLayoutEffect, useMemo } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { selectImages } from '../../store/selectors';
import { RouteRule } from './RouteRule';
import { routeBoxData, routeId, selectRoute, selectSegments } from './stageSelectors';
import { useRegister, useStageRegistry } from './stageRegistry';
import { useRouteRates } from './useRouteRates';
import { MirrorOutcome, useMirrorTotals } from './MirrorOutcome';

export function RouteBox({ name }: { name: string }) {
  const vs = useSim(useMemo(() => selectRoute(name), [name]));
  const segments = useSim(selectSegments);
  const images = useSim(selectImages);
  const data = useMemo(
    () => (vs ? routeBoxData(vs, segments, images) : null),
    [vs, segments, images],
  );
  const rates = useRouteRates(name);
  const mirrorTotals = useMirrorTotals();
  const ref = useRegister('routes', routeId(name));
  const reg = useStageRegistry();
  // Its content changed size: the boxes beside it moved; the overlays measure again.
  useLayoutEffect(() => reg.invalidate(), [reg, data]);
  if (!data) return null;
  // The copies are counted per VirtualService: under the mirror when one rule mirrors, else once.
  const mirroring = data.rules.filter((r) => r.mirror).length;
  const hosts = data.hosts.join(', ');
  // An HTTPRoute picks the most specific match (Gateway API's precedence), not the first.
  const gateway = data.kind === 'HTTPRoute';
  return (
    <div ref={ref} className="route-box" role="group" aria-label={`${data.kind} ${name}`}>
      <div className="route-head">
        <span className="service-kind">{data.kind}</span>
        <span className="route-order">
          {gateway ? 'most specific match wins' : 'first match wins'}
        </span>
      </div>
      <div className="route-title">
        <span className="service-name">{name}</span>
        {hosts !== name && hosts !== '' && (
          <span className="route-hosts">
            {gateway ? 'hostnames' : 'hosts'} {hosts}
          </span>
        )}
      </div>
      <ol className="route-rules">
        {data.rules.map((r) => (
          <RouteRule
            key={r.index}
            vs={name}
            rule={r}
            segmented={data.segmented}
            measured={rates?.rules[r.index] ?? null}
            onlyMirror={mirroring === 1 && rates !== null}
            kind={data.kind}
          />
        ))}
      </ol>
      {mirroring > 1 && rates && mirrorTotals && (
        <MirrorOutcome totals={mirrorTotals} scope="all mirrors" />
      )}
    </div>
  );
}
