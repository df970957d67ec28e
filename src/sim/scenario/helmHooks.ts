/**
 * Helm chart tests in `helm template` output: objects annotated `helm.sh/hook: test` are created
 * only by `helm test`, never by `helm install`, so a run of the rendered chart leaves them out
 * and lists them as ignored (helm.sh/docs/topics/chart_tests; `test-success` and `test-failure`
 * are the Helm 2 spellings Helm 3 still honours). Other hooks are created by the install itself.
 */
import type { Rec } from './specReader';
import { isRec } from './specReader';

const TEST_HOOKS = new Set(['test', 'test-success', 'test-failure']);

/** Why `obj` is not applied, when it is a Helm chart test. */
export function helmTestHook(obj: Rec): string | undefined {
  const annotations = isRec(obj.metadata) ? obj.metadata.annotations : undefined;
  const hook = isRec(annotations) ? annotations['helm.sh/hook'] : undefined;
  if (typeof hook !== 'string') return undefined;
  const hooks = hook.split(',').map((h) => h.trim());
  if (!hooks.some((h) => TEST_HOOKS.has(h))) return undefined;
  return `a Helm chart test (helm.sh/hook: ${hook}): \`helm install\` does not create it, \`helm test\` does`;
}
