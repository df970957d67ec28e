/**
 * The columns `kubectl get` prints for the custom resources: each CRD's additionalPrinterColumns,
 * as the API server's table convertor renders them (apiextensions-apiserver tableconvertor: a
 * missing field is an empty cell, a date column an age).
 */
import type {
  AnalysisRun,
  AnalysisTemplate,
  DestinationRule,
  Rollout,
  VirtualService,
} from '../../api/objects';
import type { Columns } from './columns';
import { since } from './humanDuration';

/** An integer column of a CRD: empty when the field is absent. */
const intCell = (v: number | undefined): string => (v === undefined ? '' : String(v));

/** argo-rollouts manifests/crds/rollout-crd.yaml. */
export const rolloutColumns: Columns<Rollout> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: [],
  cells: (r: Rollout, now) => [
    r.metadata?.name ?? '',
    intCell(r.spec.replicas),
    intCell(r.status?.replicas),
    intCell(r.status?.updatedReplicas),
    intCell(r.status?.availableReplicas),
    since(r.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};

/** argo-rollouts analysis-run-crd.yaml: STATUS is .status.phase. */
export const analysisRunColumns: Columns<AnalysisRun> = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wideHeaders: [],
  cells: (a: AnalysisRun, now) => [
    a.metadata?.name ?? '',
    a.status?.phase ?? '',
    since(a.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};

/** argo-rollouts analysis-template-crd.yaml. */
export const analysisTemplateColumns: Columns<AnalysisTemplate> = {
  headers: ['NAME', 'AGE'],
  wideHeaders: [],
  cells: (t: AnalysisTemplate, now) => [
    t.metadata?.name ?? '',
    since(t.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};

/** istio manifests/charts/base/files/crd-all.gen.yaml, as DestinationRule's below. */
export const virtualServiceColumns: Columns<VirtualService> = {
  headers: ['NAME', 'GATEWAYS', 'HOSTS', 'AGE'],
  wideHeaders: [],
  cells: (v: VirtualService, now) => [
    v.metadata?.name ?? '',
    v.spec?.gateways?.length ? `[${v.spec.gateways.join(',')}]` : '',
    `[${(v.spec?.hosts ?? []).join(',')}]`,
    since(v.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};

export const destinationRuleColumns: Columns<DestinationRule> = {
  headers: ['NAME', 'HOST', 'AGE'],
  wideHeaders: [],
  cells: (d: DestinationRule, now) => [
    d.metadata?.name ?? '',
    d.spec?.host ?? '',
    since(d.metadata?.creationTimestamp, now),
  ],
  wideCells: () => [],
};
