/**
 * The API server's validation of the workload specs (pkg/apis/apps/validation/validation.go
 * ValidateDeploymentSpec, ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet;
 * pkg/apis/core/validation/validation.go ValidateReplicationControllerSpec) and the apps/v1
 * strategies' ValidateUpdate (pkg/registry/apps/{deployment,replicaset}/strategy.go: the selector
 * is immutable). Field errors only: validate.ts wraps them in the object's message.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { matchesMap, matchesSelector } from '../api/labels';
import { deepEqual } from '../core/clone';
import type { FieldError } from './fieldError';
import { forbidden, invalid, notSupported, required, sortedMap } from './fieldError';
import { nonNegative, validatePodSpec } from './validatePodSpec';
import { validateStrategy } from './validateStrategy';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const rec = (v: unknown): Rec => (isRec(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const set = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * ValidateUpdate of apps/v1 Deployments and ReplicaSets: the selector may not change
 * (apivalidation.ValidateImmutableField, equality.Semantic).
 */
export function selectorUnchanged(oldSpec: Rec, newSpec: Rec): FieldError[] {
  if (deepEqual(semantic(oldSpec.selector), semantic(newSpec.selector))) return [];
  return [invalid('spec.selector', selectorValue(newSpec.selector), 'field is immutable')];
}

/** equality.Semantic treats nil and empty maps/slices alike. */
function semantic(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? v.map(semantic) : undefined;
  if (!isRec(v)) return v ?? undefined;
  const out: Rec = {};
  for (const [k, x] of Object.entries(v)) {
    const s = semantic(x);
    if (s !== undefined) out[k] = s;
  }
  return Object.keys(out).length ? out : undefined;
}

/** ValidateDeploymentSpec. */
export function validateDeploymentSpec(spec: Rec): FieldError[] {
  const errs = [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec, 'ReplicaSet'),
    ...validateStrategy(spec.strategy, 'spec.strategy'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
  ];
  if (set(spec.revisionHistoryLimit)) {
    errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  }
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number') {
    errs.push(...nonNegative(deadline, 'spec.progressDeadlineSeconds'));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (deadline <= minReady) {
      errs.push(
        invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'),
      );
    }
  }
  return errs;
}

/** ValidateReplicaSetSpec. */
export function validateReplicaSetSpec(spec: Rec): FieldError[] {
  return [
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec, 'ReplicaSet'),
  ];
}

/**
 * The selector half of ValidateDeploymentSpec/ValidateReplicaSetSpec, then
 * ValidatePodTemplateSpecForReplicaSet. The "for deployment" wording is the ReplicaSet's too:
 * Kubernetes shares the string.
 */
function validateSelectorAndTemplate(spec: Rec, owner: string): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector;
  if (!set(sel)) errs.push(required('spec.selector'));
  else {
    errs.push(...validateRequirements(rec(sel)));
    if (isEmptySelector(sel)) {
      errs.push(
        invalid('spec.selector', selectorValue(sel), 'empty selector is invalid for deployment'),
      );
    }
  }
  // metav1.LabelSelectorAsSelector: nil selects nothing, {} everything, bad requirements fail.
  if (set(sel) && !requirementsUsable(rec(sel))) {
    errs.push(invalid('spec.selector', selectorValue(sel), 'invalid label selector'));
    return errs;
  }
  const template = rec(spec.template);
  const labels = rec(template.metadata).labels;
  const selector = set(sel) ? (rec(sel) as LabelSelector) : undefined;
  if (!isEmptySelector(sel) && !matchesSelector(selector, labelMap(labels))) {
    errs.push(
      invalid(
        'spec.template.metadata.labels',
        labelsValue(labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  errs.push(...validateTemplateSpec(rec(template.spec), owner));
  return errs;
}

/** ValidateReplicationControllerSpec (selector is a plain map and defaults to the template's labels). */
export function validateReplicationControllerSpec(spec: Rec): FieldError[] {
  const errs = nonNegative(spec.minReadySeconds, 'spec.minReadySeconds');
  const selector = labelMap(spec.selector) ?? {};
  const empty = Object.keys(selector).length === 0;
  if (empty) errs.push(required('spec.selector'));
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'));
  if (!isRec(spec.template)) {
    errs.push(required('spec.template'));
    return errs;
  }
  const labels = rec(spec.template.metadata).labels;
  if (!empty && !matchesMap(selector, labelMap(labels))) {
    errs.push(
      invalid(
        'spec.template.metadata.labels',
        labelsValue(labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  errs.push(...validateTemplateSpec(rec(spec.template.spec), 'ReplicationController'));
  return errs;
}

/** The pod-spec part of a controller's template: any pod rule, then restartPolicy Always only. */
function validateTemplateSpec(podSpec: Rec, owner: string): FieldError[] {
  const errs = validatePodSpec(podSpec, 'spec.template.spec');
  const policy = str(podSpec.restartPolicy);
  if (policy !== 'Always')
    errs.push(notSupported('spec.template.spec.restartPolicy', policy, ['Always']));
  if (set(podSpec.activeDeadlineSeconds)) {
    errs.push(
      forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        `activeDeadlineSeconds in ${owner} is not Supported`,
      ),
    );
  }
  return errs;
}

type Requirement = { key?: unknown; operator?: unknown; values?: unknown };

function requirements(sel: Rec): Requirement[] {
  return Array.isArray(sel.matchExpressions)
    ? sel.matchExpressions.map((r: unknown) => rec(r))
    : [];
}

const valueCount = (r: Requirement): number => (Array.isArray(r.values) ? r.values.length : 0);

/** ValidateLabelSelectorRequirement for each matchExpressions entry. */
function validateRequirements(sel: Rec): FieldError[] {
  return requirements(sel).flatMap((r, i) => {
    const at = `spec.selector.matchExpressions[${i}]`;
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        return valueCount(r) === 0
          ? [required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'")]
          : [];
      case 'Exists':
      case 'DoesNotExist':
        return valueCount(r) > 0
          ? [
              forbidden(
                `${at}.values`,
                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
              ),
            ]
          : [];
      default:
        return [invalid(`${at}.operator`, str(r.operator), 'not a valid selector operator')];
    }
  });
}

/** Whether LabelSelectorAsSelector can build a selector (labels.NewRequirement's checks). */
function requirementsUsable(sel: Rec): boolean {
  return requirements(sel).every((r) => {
    if (r.operator === 'In' || r.operator === 'NotIn') return valueCount(r) > 0;
    if (r.operator === 'Exists' || r.operator === 'DoesNotExist') return valueCount(r) === 0;
    return false;
  });
}

function isEmptySelector(sel: unknown): boolean {
  if (!isRec(sel)) return false;
  return Object.keys(rec(sel.matchLabels)).length === 0 && requirements(sel).length === 0;
}

function labelMap(v: unknown): Record<string, string> | undefined {
  return isRec(v) ? (v as Record<string, string>) : undefined;
}

/** A labels map as the error prints it: JSON with sorted keys, `null` when absent. */
function labelsValue(v: unknown): unknown {
  return isRec(v) ? sortedMap(v) : null;
}

/** metav1.LabelSelector as encoding/json writes it (omitempty on both lists). */
export function selectorValue(v: unknown): unknown {
  if (!isRec(v)) return null;
  const out: Rec = {};
  if (isRec(v.matchLabels) && Object.keys(v.matchLabels).length)
    out.matchLabels = sortedMap(v.matchLabels);
  const exprs = requirements(v);
  if (exprs.length) {
    out.matchExpressions = exprs.map((r) => ({
      key: str(r.key),
      operator: str(r.operator),
      ...(valueCount(r) ? { values: r.values } : {}),
    }));
  }
  return out;
}
