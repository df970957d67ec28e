/**
 * `kubectl describe hpa`: kubectl's HorizontalPodAutoscaler describer, not the generic one
 * (kubectl v1.32 pkg/describe/describe.go describeHorizontalPodAutoscalerV2, which it uses
 * whenever the server serves autoscaling/v2). Metrics as `( current / target )`, the
 * behavior when set, `Deployment pods: 4 current / 5 desired`, the conditions with their
 * messages, then the events.
 */
import type {
  HorizontalPodAutoscaler,
  HPAScalingRules,
  MetricSpec,
  MetricStatus,
} from 'kubernetes-types/autoscaling/v2';
import type { Event } from 'kubernetes-types/core/v1';
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  PrefixWriter,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
} from './describeText';
import { writeEvents } from './describeEvents';

/** Quantity.String() of a served quantity (the API server sends it canonical already). */
const q = (v: unknown): string => (v === undefined || v === null ? '0' : String(v));

function writeMetric(w: PrefixWriter, m: MetricSpec, cur: MetricStatus | undefined): void {
  switch (m.type) {
    case 'External': {
      const e = m.external;
      if (e?.target.averageValue !== undefined) {
        const c = cur?.external?.current.averageValue;
        const current = c !== undefined ? q(c) : '<unknown>';
        w.write(
          LEVEL_1,
          `${JSON.stringify(e.metric.name)} (target average value):\t${current} / ${q(e.target.averageValue)}\n`,
        );
      } else {
        const current = cur?.external ? q(cur.external.current.value) : '<unknown>';
        w.write(
          LEVEL_1,
          `${JSON.stringify(e?.metric.name ?? '')} (target value):\t${current} / ${q(e?.target.value)}\n`,
        );
      }
      return;
    }
    case 'Pods': {
      const current = cur?.pods ? q(cur.pods.current.averageValue) : '<unknown>';
      w.write(
        LEVEL_1,
        `${JSON.stringify(m.pods?.metric.name ?? '')} on pods:\t${current} / ${q(m.pods?.target.averageValue)}\n`,
      );
      return;
    }
    case 'Object': {
      const o = m.object;
      w.write(
        LEVEL_1,
        `"${o?.metric.name ?? ''}" on ${o?.describedObject.kind ?? ''}/${o?.describedObject.name ?? ''} `,
      );
      if (o?.target.type === 'AverageValue') {
        const current = cur?.object ? q(cur.object.current.averageValue) : '<unknown>';
        w.write(LEVEL_0, `(target average value):\t${current} / ${q(o.target.averageValue)}\n`);
      } else {
        const current = cur?.object ? q(cur.object.current.value) : '<unknown>';
        w.write(LEVEL_0, `(target value):\t${current} / ${q(o?.target.value)}\n`);
      }
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const r = m.type === 'Resource' ? m.resource : m.containerResource;
      const c = m.type === 'Resource' ? cur?.resource : cur?.containerResource;
      const container = m.type === 'ContainerResource' ? m.containerResource?.container : '';
      w.write(
        LEVEL_1,
        m.type === 'Resource'
          ? `resource ${r?.name ?? ''} on pods`
          : `resource ${r?.name ?? ''} of container "${container ?? ''}" on pods`,
      );
      if (r?.target.averageValue !== undefined) {
        const current = c ? q(c.current.averageValue) : '<unknown>';
        w.write(LEVEL_0, `:\t${current} / ${q(r.target.averageValue)}\n`);
      } else {
        const util = c?.current.averageUtilization;
        const current =
          c && util !== undefined ? `${util}% (${q(c.current.averageValue)})` : '<unknown>';
        const target =
          r?.target.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : '<auto>';
        w.write(LEVEL_1, `(as a percentage of request):\t${current} / ${target}\n`);
      }
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(m.type)}>\n`);
  }
}

/** printDirectionBehavior. */
function writeDirection(w: PrefixWriter, direction: string, rules: HPAScalingRules | undefined) {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined)
    w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies?.length) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(LEVEL_2, 'Policies:\n');
    for (const p of rules.policies)
      w.write(
        LEVEL_3,
        `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`,
      );
  }
}

export function describeHpa(
  hpa: HorizontalPodAutoscaler,
  events: readonly Event[] | null,
  nowMs: number,
): string {
  const w = new PrefixWriter();
  const spec = hpa.spec;
  const status = hpa.status;
  w.write(LEVEL_0, `Name:\t${hpa.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${hpa.metadata?.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', hpa.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', hpa.metadata?.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata?.creationTimestamp)}\n`);
  w.write(
    LEVEL_0,
    `Reference:\t${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}\n`,
  );
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
  (spec?.metrics ?? []).forEach((m, i) => writeMetric(w, m, status?.currentMetrics?.[i]));
  w.write(
    LEVEL_0,
    `Min replicas:\t${spec?.minReplicas !== undefined ? spec.minReplicas : '<unset>'}\n`,
  );
  w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
  if (spec?.behavior) {
    w.write(LEVEL_0, 'Behavior:\n');
    writeDirection(w, 'Scale Up', spec.behavior.scaleUp);
    writeDirection(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(LEVEL_0, `${spec?.scaleTargetRef.kind ?? ''} pods:\t`);
  w.write(
    LEVEL_0,
    `${status?.currentReplicas ?? 0} current / ${status?.desiredReplicas ?? 0} desired\n`,
  );
  if (status?.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------\t-------\n');
    for (const c of status.conditions)
      w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  if (events) writeEvents(w, events, nowMs);
  return w.text();
}
