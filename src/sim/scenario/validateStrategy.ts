/**
 * ValidateDeploymentStrategy and ValidateRollingUpdateDeployment
 * (pkg/apis/apps/validation/validation.go), k8s-semantics.md §2.2.
 */
import type { FieldError } from './fieldError';
import { forbidden, invalid, notSupported, required } from './fieldError';
import { isValidPercentString } from './nameRules';
import { nonNegative } from './validatePodSpec';

type Rec = Record<string, unknown>;

const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const set = (v: unknown): boolean => v !== undefined && v !== null;

export function validateStrategy(v: unknown, path: string): FieldError[] {
  const strategy = isRec(v) ? v : {};
  switch (strategy.type) {
    case 'Recreate':
      return set(strategy.rollingUpdate)
        ? [
            forbidden(
              `${path}.rollingUpdate`,
              "may not be specified when strategy `type` is 'Recreate'",
            ),
          ]
        : [];
    case 'RollingUpdate':
      // Defaulting always fills rollingUpdate for this type; the check is the server's own.
      return isRec(strategy.rollingUpdate)
        ? validateRollingUpdate(strategy.rollingUpdate, `${path}.rollingUpdate`)
        : [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
    default:
      // The server passes the whole (internal, untagged) strategy struct as the bad value.
      return [notSupported(path, internalStrategy(strategy), ['Recreate', 'RollingUpdate'])];
  }
}

function validateRollingUpdate(ru: Rec, path: string): FieldError[] {
  const errs = [
    ...positiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...positiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
  ];
  // The literal numbers are compared: "0%" and 0 are both zero; "1%" is not, however it rounds.
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(
      invalid(
        `${path}.maxUnavailable`,
        intstr(ru.maxUnavailable),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  }
  const pct = percentValue(ru.maxUnavailable);
  if (pct !== undefined && pct > 100) {
    errs.push(
      invalid(`${path}.maxUnavailable`, intstr(ru.maxUnavailable), 'must not be greater than 100%'),
    );
  }
  return errs;
}

/** ValidatePositiveIntOrPercent. */
function positiveIntOrPercent(v: unknown, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercentString(v).map((m) => invalid(path, v, m));
  return nonNegative(intstr(v), path);
}

/** A nil *IntOrString converts to the zero IntOrString: the int 0. */
function intstr(v: unknown): number | string {
  return typeof v === 'string' || typeof v === 'number' ? v : 0;
}

/** getPercentValue: the number before '%' of a well-formed percent string. */
function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercentString(v).length) return undefined;
  return Number.parseInt(v.slice(0, -1), 10);
}

/** getIntOrPercentValue: the percent number, else IntValue() (strconv.Atoi of a string, 0 on failure). */
function intOrPercentValue(v: unknown): number {
  const pct = percentValue(v);
  if (pct !== undefined) return pct;
  if (typeof v === 'string') return /^[+-]?\d+$/.test(v) ? Number.parseInt(v, 10) : 0;
  return typeof v === 'number' ? v : 0;
}

/** apps.DeploymentStrategy as encoding/json writes the internal type (Go field names, no omitempty). */
function internalStrategy(s: Rec): unknown {
  const ru = isRec(s.rollingUpdate)
    ? {
        MaxUnavailable: intstr(s.rollingUpdate.maxUnavailable),
        MaxSurge: intstr(s.rollingUpdate.maxSurge),
      }
    : null;
  return { Type: typeof s.type === 'string' ? s.type : '', RollingUpdate: ru };
}
