/** Named, module-level selectors (stable references; components subscribe narrowly). */
import type { SimState } from './createSimStore';
import type {
  CaptionView,
  DeploymentView,
  PodView,
  ReplicaSetView,
  ServiceView,
} from '../sim/view/frame';
import type { RolloutView } from '../sim/view/rolloutView';

const NO_RS: ReplicaSetView[] = [];
const NO_DEPLOYMENTS: DeploymentView[] = [];
const NO_SERVICES: ServiceView[] = [];
const NO_IDS: string[] = [];
const NO_IMAGES: string[] = [];
const NO_ROLLOUTS: RolloutView[] = [];

export const selectTime = (s: SimState): number => s.frame?.t ?? 0;
export const selectPlaying = (s: SimState): boolean => s.playback.playing;
export const selectSpeed = (s: SimState): number => s.playback.speed;
export const selectReplicaSets = (s: SimState): ReplicaSetView[] => s.frame?.replicaSets ?? NO_RS;
export const selectDeployments = (s: SimState): DeploymentView[] =>
  s.frame?.deployments ?? NO_DEPLOYMENTS;
export const selectServices = (s: SimState): ServiceView[] => s.frame?.services ?? NO_SERVICES;
export const selectImages = (s: SimState): string[] => s.frame?.images ?? NO_IMAGES;
export const selectEvents = (s: SimState) => s.events;
export const selectHistory = (s: SimState) => s.history;
/** The caption with its time and whether its moment has passed (the same object per frame). */
export const selectCaptionMoment = (s: SimState): CaptionView | null =>
  s.frame?.captionMoment ?? null;

/**
 * The pod names of one ReplicaSet (the same array while its view is unchanged; with
 * useShallow, while its membership is).
 */
export const selectPodIds =
  (owner: string) =>
  (s: SimState): string[] =>
    s.frame?.replicaSets.find((rs) => rs.name === owner)?.pods ?? NO_IDS;

/** One pod's view (same object while the pod is unchanged). */
export const selectPod =
  (name: string) =>
  (s: SimState): PodView | undefined =>
    s.pods.get(name);

export const selectDeployment =
  (name: string) =>
  (s: SimState): DeploymentView | undefined =>
    s.frame?.deployments.find((d) => d.name === name);

/** Argo Rollouts (the same array while no Rollout changed: the frame says which did). */
export const selectRollouts = (s: SimState): RolloutView[] => s.frame?.rollouts ?? NO_ROLLOUTS;

export const selectRollout =
  (name: string) =>
  (s: SimState): RolloutView | undefined =>
    s.frame?.rollouts.find((r) => r.name === name);
