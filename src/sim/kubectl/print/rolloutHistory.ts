/**
 * `kubectl rollout history deployment/<name> [--revision=N]`: kubectl
 * pkg/polymorphichelpers/history.go DeploymentHistoryViewer.ViewHistory, printed by
 * pkg/cmd/rollout/rollout_history.go through the name printer with the history as its
 * "operation" — hence `deployment.apps/web ` with a trailing space, the table on the next line
 * and a blank line at the end (k8s-semantics.md §7.2).
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { DESCRIBE_TABWRITER, tabwrite } from './table';
import { PrefixWriter } from './describeText';
import { describePodTemplate } from './describeContainers';
import { clone } from '../../core/clone';

const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export interface HistoryResult {
  output: string;
  exitCode: number;
}

/** deploymentutil.Revision: the annotation as a decimal int64 (absent = 0, malformed = skipped). */
function revisionOf(rs: ReplicaSet): number | undefined {
  const v = rs.metadata?.annotations?.[REVISION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * @param replicaSets the ReplicaSets the Deployment controls.
 * @param revision `--revision`; 0 or absent lists every revision.
 */
export function rolloutHistory(
  deploymentName: string,
  replicaSets: readonly ReplicaSet[],
  revision = 0,
): HistoryResult {
  const history = new Map<number, PodTemplateSpec>();
  for (const rs of replicaSets) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    const template: PodTemplateSpec = clone(rs.spec?.template ?? {});
    const cause = rs.metadata?.annotations?.[CHANGE_CAUSE];
    // ViewHistory copies the RS's change-cause into the template it prints.
    if (cause)
      template.metadata = {
        ...template.metadata,
        annotations: { ...template.metadata?.annotations, [CHANGE_CAUSE]: cause },
      };
    history.set(v, template);
  }
  const head = `deployment.apps/${deploymentName}`;
  if (history.size === 0) return { output: `${head} \nNo rollout history found.\n`, exitCode: 0 };
  if (revision > 0) {
    const template = history.get(revision);
    if (!template) return { output: 'error: unable to find the specified revision\n', exitCode: 1 };
    // printTemplate uses a plain PrefixWriter: the tabs reach the terminal unaligned.
    const w = new PrefixWriter();
    describePodTemplate(w, template);
    return { output: `${head} with revision #${revision}\n${w.raw()}\n`, exitCode: 0 };
  }
  const rows = [...history.keys()]
    .sort((a, b) => a - b)
    .map((r) => `${r}\t${history.get(r)?.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  const table = tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABWRITER);
  return { output: `${head} \n${table}\n`, exitCode: 0 };
}
