/**
 * The API object shapes the simulator stores: kubernetes-types' own interfaces, so that what a
 * user loads or exports is a real manifest. Only the kinds below are simulated; `kind` is
 * always set on stored objects. What the API server says about each kind (names, group,
 * versions, scope) is kinds.ts; what it does with each is registry.ts.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Event, Node, Pod, ReplicationController, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import type { IAnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import type { IAnalysisRun } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisRun';
import type { IHTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import type { IGateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import type { IGatewayClass } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';

/** Istio's CRD shapes; the simulator serves them as networking.istio.io/v1 (same schema as v1beta1). */
export type VirtualService = Omit<IVirtualService, 'apiVersion'> & { apiVersion?: string };
export type DestinationRule = Omit<IDestinationRule, 'apiVersion'> & { apiVersion?: string };

/**
 * Argo Rollouts' CRD shapes, with the pod template and metadata typed as Kubernetes' own so the
 * ReplicaSet machinery takes them unchanged.
 */
export type Rollout = Omit<IRollout, 'metadata' | 'spec'> & {
  metadata?: ObjectMeta;
  spec: Omit<IRollout['spec'], 'template'> & { template?: PodTemplateSpec };
};
export type RolloutSpec = Rollout['spec'];
export type RolloutStatus = NonNullable<Rollout['status']>;
export type CanaryStrategy = NonNullable<NonNullable<RolloutSpec['strategy']>['canary']>;
export type CanaryStep = NonNullable<CanaryStrategy['steps']>[number];
export type BlueGreenStrategy = NonNullable<NonNullable<RolloutSpec['strategy']>['blueGreen']>;
export type AnalysisTemplate = Omit<IAnalysisTemplate, 'metadata'> & { metadata?: ObjectMeta };
export type AnalysisRun = Omit<IAnalysisRun, 'metadata'> & { metadata?: ObjectMeta };
export type AnalysisMetric = IAnalysisTemplate['spec']['metrics'][number];

/** Gateway API's CRD shapes (gateway.networking.k8s.io/v1), with Kubernetes' own metadata type. */
type GatewayApi<T> = Omit<T, 'metadata' | 'apiVersion'> & {
  metadata?: ObjectMeta;
  apiVersion?: string;
};
export type HTTPRoute = GatewayApi<IHTTPRoute>;
export type Gateway = GatewayApi<IGateway>;
export type GatewayClass = GatewayApi<IGatewayClass>;
export type HTTPRouteRule = NonNullable<HTTPRoute['spec']['rules']>[number];

export type {
  HorizontalPodAutoscaler,
  Deployment,
  ReplicaSet,
  Event,
  Node,
  Pod,
  ReplicationController,
  Service,
  EndpointSlice,
};

export type KubeObject =
  | Deployment
  | ReplicaSet
  | ReplicationController
  | Pod
  | Service
  | EndpointSlice
  | Node
  | Event
  | HorizontalPodAutoscaler
  | VirtualService
  | DestinationRule
  | Rollout
  | AnalysisTemplate
  | AnalysisRun
  | GatewayClass
  | Gateway
  | HTTPRoute;

export type Kind = NonNullable<KubeObject['kind']>;

export const NAMESPACE = 'default';
