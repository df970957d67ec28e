/**
 * API versions of kinds the simulator knows that today's API server no longer serves (all were
 * removed in Kubernetes v1.16), and what each one's defaulting did that apps/v1's does not, so a
 * conversion to apps/v1 can make those defaults explicit and the object keeps behaving as the
 * tutorial that printed it expects.
 *
 * Sources (kubernetes/kubernetes, SetDefaults_Deployment / SetDefaults_ReplicaSet):
 * - pkg/apis/extensions/v1beta1/defaults.go: selector and metadata.labels from the template's
 *   labels when absent; RollingUpdate maxUnavailable 1, maxSurge 1; progressDeadlineSeconds and
 *   revisionHistoryLimit math.MaxInt32 ("no deadline", "retaining all old ReplicaSets" in the
 *   field docs; before v1.9 they were left unset, which meant the same to the controller).
 * - pkg/apis/apps/v1beta1/defaults.go: selector and metadata.labels from the template's labels;
 *   25%/25%; revisionHistoryLimit 2; progressDeadlineSeconds 600.
 * - pkg/apis/apps/v1beta2/defaults.go: apps/v1's defaults (25%/25%, 10, 600) and no selector
 *   defaulting (v1beta2 already required spec.selector, as apps/v1 does).
 * The deployment controller reads MaxInt32 as "none" (controller/deployment/util
 * HasProgressDeadline; cleanupDeployment keeps revisionHistoryLimit old ReplicaSets).
 */

/** math.MaxInt32. */
const MAX_INT32 = 2147483647;

/** The version they convert to. */
export const TARGET_API_VERSION = 'apps/v1';

export type RetiredKind = 'Deployment' | 'ReplicaSet';

/** A field the old version defaulted to a value apps/v1 would not give it. */
export interface ExplicitDefault {
  /** Path under `spec` (`strategy.rollingUpdate.maxSurge`). */
  path: readonly string[];
  value: number | string;
  /** Why the value, for people (`every old ReplicaSet is kept`); '' when the value says it. */
  meaning: string;
  /** Only for the RollingUpdate strategy (the type absent or RollingUpdate). */
  rollingUpdateOnly?: boolean;
}

export interface RetiredVersion {
  apiVersion: string;
  kind: RetiredKind;
  /** spec.selector and metadata.labels were defaulted from the template's labels. */
  labelsFromTemplate: boolean;
  /** Defaults to write where the user left the field out, in the order they are inserted. */
  defaults: readonly ExplicitDefault[];
  /** Fields apps/v1 no longer has, with what replaces them. */
  removed: readonly { path: readonly string[]; why: string }[];
}

const ROLLBACK_TO = {
  path: ['rollbackTo'],
  why: 'apps/v1 has no rollbackTo; kubectl rollout undo rolls back',
} as const;

const RETIRED: readonly RetiredVersion[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kind: 'Deployment',
    labelsFromTemplate: true,
    defaults: [
      {
        path: ['strategy', 'rollingUpdate', 'maxSurge'],
        value: 1,
        meaning: '',
        rollingUpdateOnly: true,
      },
      {
        path: ['strategy', 'rollingUpdate', 'maxUnavailable'],
        value: 1,
        meaning: '',
        rollingUpdateOnly: true,
      },
      { path: ['revisionHistoryLimit'], value: MAX_INT32, meaning: 'every old ReplicaSet is kept' },
      { path: ['progressDeadlineSeconds'], value: MAX_INT32, meaning: 'no progress deadline' },
    ],
    removed: [ROLLBACK_TO],
  },
  {
    apiVersion: 'apps/v1beta1',
    kind: 'Deployment',
    labelsFromTemplate: true,
    defaults: [
      {
        path: ['strategy', 'rollingUpdate', 'maxSurge'],
        value: '25%',
        meaning: '',
        rollingUpdateOnly: true,
      },
      {
        path: ['strategy', 'rollingUpdate', 'maxUnavailable'],
        value: '25%',
        meaning: '',
        rollingUpdateOnly: true,
      },
      { path: ['revisionHistoryLimit'], value: 2, meaning: '' },
      { path: ['progressDeadlineSeconds'], value: 600, meaning: '' },
    ],
    removed: [ROLLBACK_TO],
  },
  {
    apiVersion: 'apps/v1beta2',
    kind: 'Deployment',
    labelsFromTemplate: false,
    defaults: [],
    removed: [],
  },
  {
    apiVersion: 'extensions/v1beta1',
    kind: 'ReplicaSet',
    labelsFromTemplate: true,
    defaults: [],
    removed: [],
  },
  {
    apiVersion: 'apps/v1beta2',
    kind: 'ReplicaSet',
    labelsFromTemplate: false,
    defaults: [],
    removed: [],
  },
];

/** The retired version `apiVersion` + `kind` names, or undefined when it is not one. */
export function retiredVersion(apiVersion: unknown, kind: unknown): RetiredVersion | undefined {
  return RETIRED.find((r) => r.apiVersion === apiVersion && r.kind === kind);
}
