/** A small two-way switch: the value counts pods, or is a percentage of replicas. */
export function UnitToggle({
  field,
  percent,
  disabled,
  onChange,
}: {
  field: string;
  percent: boolean;
  disabled: boolean;
  onChange(toPercent: boolean): void;
}) {
  return (
    <span className="unit-toggle" role="group" aria-label={`${field} unit`}>
      <button
        type="button"
        aria-pressed={!percent}
        aria-label={`${field} as a pod count`}
        disabled={disabled}
        onClick={() => percent && onChange(false)}
      >
        #
      </button>
      <button
        type="button"
        aria-pressed={percent}
        aria-label={`${field} as a percentage`}
        disabled={disabled}
        onClick={() => !percent && onChange(true)}
      >
        %
      </button>
    </span>
  );
}
