/**
 * What the simulator does with each kind it serves, one entry per kind beside its facts in
 * kinds.ts: the columns `kubectl get` prints (the API server's table convertor, or a CRD's
 * additionalPrinterColumns) and the describer `kubectl describe` uses (kubectl's DescriberFor).
 *
 * This module only composes: it imports the modules that implement each behaviour, and the
 * modules that dispatch on a kind (printGet, kubectl describe) read it. None of the
 * implementations imports a dispatcher, so no import cycle forms. TypeScript requires an entry
 * for every kind kinds.ts marks `simulated`.
 */
import type { ObjectOf, SimulatedKind } from './kinds';
import {
  deploymentColumns,
  endpointSliceColumns,
  endpointsColumns,
  hpaColumns,
  podColumns,
  replicaSetColumns,
  replicationControllerColumns,
  serviceColumns,
  type Columns,
} from '../kubectl/print/columns';
import {
  analysisRunColumns,
  analysisTemplateColumns,
  destinationRuleColumns,
  rolloutColumns,
  virtualServiceColumns,
} from '../kubectl/print/crdColumns';
import {
  deploymentDescriber,
  genericDescriber,
  podDescriber,
  replicaSetDescriber,
  serviceDescriber,
  type Describer,
} from '../kubectl/describers';

export interface KindBehaviour<K extends SimulatedKind> {
  columns: Columns<ObjectOf<K>>;
  /** null: the simulator has no describer for it, and `kubectl describe` refuses the type. */
  describe: Describer<ObjectOf<K>> | null;
}

export const REGISTRY: { readonly [K in SimulatedKind]: KindBehaviour<K> } = {
  Pod: {
    columns: podColumns,
    describe: podDescriber,
  },
  ReplicationController: {
    columns: replicationControllerColumns,
    describe: replicaSetDescriber,
  },
  Service: {
    columns: serviceColumns,
    describe: serviceDescriber,
  },
  // Derived from EndpointSlices on every `get`; kubectl's EndpointsDescriber is not simulated.
  Endpoints: { columns: endpointsColumns, describe: null },
  Deployment: {
    columns: deploymentColumns,
    describe: deploymentDescriber,
  },
  ReplicaSet: {
    columns: replicaSetColumns,
    describe: replicaSetDescriber,
  },
  EndpointSlice: { columns: endpointSliceColumns, describe: genericDescriber },
  HorizontalPodAutoscaler: {
    columns: hpaColumns,
    describe: genericDescriber,
  },
  Rollout: { columns: rolloutColumns, describe: genericDescriber },
  AnalysisRun: { columns: analysisRunColumns, describe: genericDescriber },
  AnalysisTemplate: { columns: analysisTemplateColumns, describe: genericDescriber },
  VirtualService: {
    columns: virtualServiceColumns,
    describe: genericDescriber,
  },
  DestinationRule: { columns: destinationRuleColumns, describe: genericDescriber },
};
