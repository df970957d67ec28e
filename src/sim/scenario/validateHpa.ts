/**
 * HorizontalPodAutoscaler (autoscaling/v2) spec rules the simulator relies on
 * (pkg/apis/autoscaling/validation/validation.go validateHorizontalPodAutoscalerSpec): a scale
 * target, replica bounds, and Resource cpu metrics with a target.
 */
import { invalid, required, notSupported, type FieldError } from './fieldError';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateHpaSpec(spec: Rec): FieldError[] {
  const errs: FieldError[] = [];
  const ref = isRec(spec.scaleTargetRef) ? spec.scaleTargetRef : undefined;
  if (!ref) errs.push(required('spec.scaleTargetRef'));
  else {
    if (!ref.kind) errs.push(required('spec.scaleTargetRef.kind'));
    if (!ref.name) errs.push(required('spec.scaleTargetRef.name'));
  }
  const min = spec.minReplicas;
  if (typeof min === 'number' && min < 1)
    errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  const max = spec.maxReplicas;
  if (typeof max !== 'number') errs.push(required('spec.maxReplicas'));
  else if (max < 1)
    errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to 1'));
  else if (typeof min === 'number' && max < min)
    errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  const metrics = Array.isArray(spec.metrics) ? spec.metrics : [];
  metrics.forEach((m: unknown, i: number) => {
    const path = `spec.metrics[${i}]`;
    if (!isRec(m)) return;
    if (m.type !== 'Resource') {
      errs.push(
        notSupported(`${path}.type`, m.type, [
          'ContainerResource',
          'External',
          'Object',
          'Pods',
          'Resource',
        ]),
      );
      return;
    }
    const res = isRec(m.resource) ? m.resource : undefined;
    if (!res?.name) errs.push(required(`${path}.resource.name`));
    const target = isRec(res?.target) ? res.target : undefined;
    if (!target) errs.push(required(`${path}.resource.target`));
    else if (target.type === 'Utilization') {
      const u = target.averageUtilization;
      if (typeof u !== 'number')
        errs.push(
          required(
            `${path}.resource.target.averageUtilization`,
            'must set either a target raw value or a target utilization',
          ),
        );
      else if (u < 1)
        errs.push(
          invalid(`${path}.resource.target.averageUtilization`, u, 'must be greater than 0'),
        );
    }
  });
  return errs;
}
