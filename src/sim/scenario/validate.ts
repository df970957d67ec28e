/**
 * The API server's validation of the kinds we simulate, with its messages word for word:
 * pkg/apis/apps/validation/validation.go (ValidateDeployment, ValidateReplicaSet,
 * ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidatePodTemplateSpecForReplicaSet),
 * pkg/apis/core/validation/validation.go (ValidateReplicationController, ValidatePod,
 * ValidateService, ValidateObjectMeta) and the apps registry strategies' ValidateUpdate
 * (selector immutability on apps/v1). See k8s-semantics.md §2.2.
 *
 * Objects are expected already defaulted (api/defaults.ts), as the server validates after
 * defaulting. Each function returns complete messages (`Deployment.apps "web" is invalid: ...`),
 * at most one per object, because the server reports all of an object's field errors at once.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Kind, KubeObject } from '../api/objects';
import { apiVersionOf, qualifiedKind } from '../api/kinds';
import { matchesMap, matchesSelector } from '../api/labels';
import { deepEqual } from '../core/clone';
import type { FieldError } from './fieldError';
import {
  forbidden,
  invalid,
  invalidMessage,
  notSupported,
  required,
  sortedMap,
} from './fieldError';
import { isDNS1035Label, isDNS1123Subdomain } from './nameRules';
import { decodeError } from './decodeCheck';
import { nonNegative, validatePodSpec } from './validatePodSpec';
import { validateStrategy } from './validateStrategy';
import { validateServiceSpec } from './validateService';
import { validateHpaSpec } from './validateHpa';
import { validateVirtualService } from './validateIstio';
import type { VirtualService } from '../api/objects';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const rec = (v: unknown): Rec => (isRec(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const set = (v: unknown): boolean => v !== undefined && v !== null;

const SPEC_RULES: Partial<Record<Kind, (spec: Rec) => FieldError[]>> = {
  Deployment: validateDeploymentSpec,
  ReplicaSet: validateReplicaSetSpec,
  ReplicationController: validateReplicationControllerSpec,
  Pod: (spec) => validatePodSpec(spec, 'spec'),
  Service: validateServiceSpec,
  HorizontalPodAutoscaler: validateHpaSpec,
};

/** Service names are DNS-1035 labels; the other kinds take DNS-1123 subdomains. */
const NAME_RULE: Partial<Record<Kind, (name: string) => string[]>> = { Service: isDNS1035Label };

/** Create-time validation of one defaulted object; [] when the API server would accept it. */
export function validateObject(obj: KubeObject): string[] {
  const kind = obj.kind as Kind | undefined;
  if (kind === 'VirtualService') return validateVirtualService(obj as VirtualService);
  const specRules = kind ? SPEC_RULES[kind] : undefined;
  if (!kind || !specRules) return [];
  const version = (obj.apiVersion ?? apiVersionOf(kind)).split('/').pop() ?? 'v1';
  const decode = decodeError(obj, kind, version);
  if (decode) return [decode];
  const o = obj as unknown as Rec;
  const meta = rec(o.metadata);
  const name = str(meta.name);
  const errs = [
    ...validateMetaName(meta.name, NAME_RULE[kind] ?? isDNS1123Subdomain),
    ...specRules(rec(o.spec)),
  ];
  return errs.length ? [invalidMessage(qualifiedKind(kind), name, errs)] : [];
}

/**
 * What an update may not change, beyond `validateObject(newObj)`: the apps/v1 Deployment and
 * ReplicaSet selector (pkg/registry/apps/{deployment,replicaset}/strategy.go ValidateUpdate,
 * apivalidation.ValidateImmutableField).
 */
export function validateUpdate(oldObj: KubeObject, newObj: KubeObject): string[] {
  const kind = newObj.kind as Kind | undefined;
  if (kind !== 'Deployment' && kind !== 'ReplicaSet') return [];
  const oldSel = rec((oldObj as unknown as Rec).spec).selector;
  const newSel = rec((newObj as unknown as Rec).spec).selector;
  if (deepEqual(semantic(oldSel), semantic(newSel))) return [];
  const name = str(rec(newObj.metadata).name);
  const err = invalid('spec.selector', selectorValue(newSel), 'field is immutable');
  return [invalidMessage(qualifiedKind(kind), name, [err])];
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

/** ValidateObjectMeta's name checks. */
function validateMetaName(v: unknown, rule: (name: string) => string[]): FieldError[] {
  const name = str(v);
  if (name === '') return [required('metadata.name', 'name or generateName is required')];
  return rule(name).map((m) => invalid('metadata.name', name, m));
}

/** ValidateDeploymentSpec. */
function validateDeploymentSpec(spec: Rec): FieldError[] {
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
function validateReplicaSetSpec(spec: Rec): FieldError[] {
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
function validateReplicationControllerSpec(spec: Rec): FieldError[] {
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
