/**
 * What the simulator does with each kind it serves, one entry per kind beside its facts in
 * kinds.ts: the API server's defaulting and validation (what a kind's registry strategy does in
 * pkg/registry), the columns `kubectl get` prints (the API server's table convertor, or a CRD's
 * additionalPrinterColumns) and the describer `kubectl describe` uses (kubectl's DescriberFor).
 *
 * This module only composes: it imports the modules that implement each behaviour, and the
 * modules that dispatch on a kind (applyDefaults, validateObject, printGet, kubectl describe)
 * read it. None of the implementations imports a dispatcher, so no import cycle forms.
 * TypeScript requires an entry for every kind kinds.ts marks `simulated`.
 */
import type { KubeObject } from './objects';
import { isSimulated, type ObjectOf, type SimulatedKind } from './kinds';
import {
  defaultDeployment,
  defaultHpa,
  defaultPodSpec,
  defaultReplicaSet,
  defaultReplicationController,
  defaultService,
} from './defaultSpecs';
import type { FieldError } from '../scenario/fieldError';
import type { DecodeSchema } from '../scenario/decodeCheck';
import {
  DEPLOYMENT_FIELDS,
  POD_FIELDS,
  REPLICASET_FIELDS,
  REPLICATIONCONTROLLER_FIELDS,
  SERVICE_FIELDS,
} from '../scenario/decodeRules';
import {
  selectorUnchanged,
  validateDeploymentSpec,
  validateReplicaSetSpec,
  validateReplicationControllerSpec,
} from '../scenario/validateWorkloads';
import { validatePodSpec } from '../scenario/validatePodSpec';
import { validateServiceSpec } from '../scenario/validateService';
import { validateHpaSpec } from '../scenario/validateHpa';
import { validateVirtualService } from '../scenario/validateIstio';
import { isDNS1035Label } from '../scenario/nameRules';
import {
  validateGatewayClassSpec,
  validateGatewaySpec,
  validateHttpRouteSpec,
} from '../scenario/validateGateway';
import { defaultHttpRoute } from './gatewayDefaults';
import {
  gatewayClassColumns,
  gatewayColumns,
  httpRouteColumns,
} from '../kubectl/print/gatewayColumns';
import {
  deploymentColumns,
  endpointSliceColumns,
  endpointsColumns,
  eventColumns,
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
import { nodeColumns } from '../kubectl/print/nodeColumns';
import { namespaceColumns } from '../kubectl/print/namespaceColumns';
import { describeNamespace } from '../kubectl/print/describeNamespace';
import {
  deploymentDescriber,
  endpointSliceDescriber,
  genericDescriber,
  hpaDescriber,
  podDescriber,
  replicaSetDescriber,
  serviceDescriber,
  type Describer,
} from '../kubectl/describers';

type Rec = Record<string, unknown>;

/** The API server's own validation: decode, ValidateObjectMeta's name, the spec; on update, the strategy's ValidateUpdate. */
export interface ServerValidation {
  /** The fields decoded into Go structs first (decodeRules.ts); none: no decode check. */
  decode?: DecodeSchema;
  /** The name rule; DNS-1123 subdomain when absent. */
  name?: (name: string) => string[];
  spec: (spec: Rec) => FieldError[];
  /** What an update may not change. */
  update?: (oldSpec: Rec, newSpec: Rec) => FieldError[];
}

/** A custom resource validated by an admission webhook: its complete messages. */
export interface WebhookValidation<T> {
  webhook: (obj: T) => string[];
}

export interface KindBehaviour<K extends SimulatedKind> {
  /** SetDefaults_* on the spec (defaultSpecs.ts); none: nothing the simulator reads. */
  defaults?: (spec: Rec, obj: Rec) => void;
  /** None: the simulated API server takes any object of the kind. */
  validation?: ServerValidation | WebhookValidation<ObjectOf<K>>;
  columns: Columns<ObjectOf<K>>;
  /** null: the simulator has no describer for it, and `kubectl describe` refuses the type. */
  describe: Describer<ObjectOf<K>> | null;
}

export const REGISTRY: { readonly [K in SimulatedKind]: KindBehaviour<K> } = {
  Pod: {
    defaults: defaultPodSpec,
    validation: { decode: POD_FIELDS, spec: (spec) => validatePodSpec(spec, 'spec') },
    columns: podColumns,
    describe: podDescriber,
  },
  ReplicationController: {
    defaults: defaultReplicationController,
    validation: { decode: REPLICATIONCONTROLLER_FIELDS, spec: validateReplicationControllerSpec },
    columns: replicationControllerColumns,
    describe: replicaSetDescriber,
  },
  Service: {
    defaults: defaultService,
    validation: { decode: SERVICE_FIELDS, name: isDNS1035Label, spec: validateServiceSpec },
    columns: serviceColumns,
    describe: serviceDescriber,
  },
  // Derived from EndpointSlices on every `get`; kubectl's EndpointsDescriber is not simulated.
  Endpoints: { columns: endpointsColumns, describe: null },
  // Created once by the engine (engine/nodes.ts); read-only: kubectl's NodeDescriber is not
  // simulated, so `describe node` prints every field (the generic describer).
  Node: { columns: nodeColumns, describe: genericDescriber },
  // Fixed (api/namespaces.ts).
  Namespace: { columns: namespaceColumns, describe: (ns) => describeNamespace(ns) },
  // Listed from the event recorder on every `get` (kubectl/served.ts); never written by kubectl.
  Event: { columns: eventColumns, describe: genericDescriber },
  Deployment: {
    defaults: defaultDeployment,
    validation: {
      decode: DEPLOYMENT_FIELDS,
      spec: validateDeploymentSpec,
      update: selectorUnchanged,
    },
    columns: deploymentColumns,
    describe: deploymentDescriber,
  },
  ReplicaSet: {
    defaults: defaultReplicaSet,
    validation: {
      decode: REPLICASET_FIELDS,
      spec: validateReplicaSetSpec,
      update: selectorUnchanged,
    },
    columns: replicaSetColumns,
    describe: replicaSetDescriber,
  },
  EndpointSlice: { columns: endpointSliceColumns, describe: endpointSliceDescriber },
  HorizontalPodAutoscaler: {
    defaults: defaultHpa,
    validation: { spec: validateHpaSpec },
    columns: hpaColumns,
    describe: hpaDescriber,
  },
  Rollout: { columns: rolloutColumns, describe: genericDescriber },
  AnalysisRun: { columns: analysisRunColumns, describe: genericDescriber },
  AnalysisTemplate: { columns: analysisTemplateColumns, describe: genericDescriber },
  VirtualService: {
    validation: { webhook: validateVirtualService },
    columns: virtualServiceColumns,
    describe: genericDescriber,
  },
  DestinationRule: { columns: destinationRuleColumns, describe: genericDescriber },
  GatewayClass: {
    validation: { spec: validateGatewayClassSpec },
    columns: gatewayClassColumns,
    describe: genericDescriber,
  },
  Gateway: {
    validation: { spec: validateGatewaySpec },
    columns: gatewayColumns,
    describe: genericDescriber,
  },
  HTTPRoute: {
    defaults: defaultHttpRoute,
    validation: { spec: validateHttpRouteSpec },
    columns: httpRouteColumns,
    describe: genericDescriber,
  },
};

/** The part of a kind's behaviour the API server applies to an object whose kind is read at run time. */
export interface ServerBehaviour {
  defaults?: (spec: Rec, obj: Rec) => void;
  validation?: ServerValidation | WebhookValidation<KubeObject>;
}

/** The behaviour of the kind an object names (a manifest's or a patch's `kind`), if simulated. */
export function behaviourOf(kind: unknown): ServerBehaviour | undefined {
  return typeof kind === 'string' && isSimulated(kind)
    ? (REGISTRY[kind] as ServerBehaviour)
    : undefined;
}
