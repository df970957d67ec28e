/**
 * The cluster as a picture: clients on the left, then the route box when a VirtualService
 * covers the traffic target, then the Services, then each Deployment with its ReplicaSets as
 * columns of pod tiles. Arrows and request dots are drawn over it from the
 * positions the parts register. Stage itself subscribes only to the structure (which Services,
 * groups and ReplicaSet columns exist), so it re-renders when that changes, not every frame.
 */
import { useCallback, useMemo, useState } from 'react';
import { useSim } from '../../store/SimStoreProvider';
import { ArrowLayer } from './ArrowLayer';
import { ClientColumn } from './ClientColumn';
import { KubectlClients } from './KubectlClients';
import { Legend } from './Legend';
import { RouteBox } from './RouteBox';
import { SegmentLegend } from './SegmentLegend';
import { ServiceBox } from './ServiceBox';
import { TrafficCanvas } from './TrafficCanvas';
import { WorkloadGroup } from './WorkloadGroup';
import { AutoscaledRow } from './AutoscalerGroup';
import { createStageRegistry, StageRegistryContext } from './stageRegistry';
import { stageStructureSelector } from './stageSelectors';
import { useReducedMotion } from './useReducedMotion';
import { selectCalm } from './calm';
// The stage's styles, in cascade order.
import './stage.css';
import './stageServices.css';
import './stageRoute.css';
import './stageGroups.css';
import './stageOverlays.css';

export function Stage() {
  const [reg] = useState(createStageRegistry);
  const structure = useSim(useMemo(stageStructureSelector, []));
  const hasFrame = useSim((s) => s.frame !== null);
  const status = useSim((s) => s.status);
  const reduced = useReducedMotion();
  const calm = useSim(selectCalm);
  const ref = useCallback(
    (el: HTMLElement | null) => {
      reg.stage = el;
      if (!el) return;
      reg.invalidate(true);
      // The overlays cache boxes: a resized stage must be measured again at once.
      const resize =
        typeof ResizeObserver === 'function'
          ? new ResizeObserver(() => reg.invalidate(true))
          : null;
      resize?.observe(el);
      return () => {
        resize?.disconnect();
        reg.stage = null;
      };
    },
    [reg],
  );

  return (
    <StageRegistryContext.Provider value={reg}>
      <section
        ref={ref}
        className="stage"
        role="region"
        aria-label="Cluster"
        data-calm={calm ? '' : undefined}
        data-mesh={structure.route ? '' : undefined}
      >
        <ArrowLayer reduced={reduced} />
        <div className="stage-left">
          <KubectlClients />
          <ClientColumn />
          {structure.route && <RouteBox name={structure.route} />}
          <div className="stage-services">
            {structure.services.map((name) => (
              <ServiceBox key={name} name={name} />
            ))}
          </div>
        </div>
        <div className="stage-groups" onScroll={() => reg.invalidate(true)}>
          {structure.groups.map((g) => (
            <AutoscaledRow key={g.key} kind={g.kind} name={g.name}>
              <WorkloadGroup group={g} />
            </AutoscaledRow>
          ))}
          {!hasFrame && (
            <p className="stage-empty">
              {status === 'error' ? 'The scenario could not be loaded.' : 'Loading the cluster…'}
            </p>
          )}
        </div>
        <div className="stage-keys">
          <SegmentLegend />
          <Legend />
        </div>
        {!reduced && <TrafficCanvas />}
      </section>
    </StageRegistryContext.Provider>
  );
}
