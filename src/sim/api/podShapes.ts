/** Core/v1 sub-shapes the kubelet and printers use. */
export type {
  Container,
  ContainerStatus,
  ContainerState,
  Pod,
  PodCondition,
  PodStatus,
  Probe,
} from 'kubernetes-types/core/v1';
