/** While a scenario loads: a calm skeleton. When it does not parse: its errors, readable. */
import { useSim } from '../../store/SimStoreProvider';

export function LoadingSkeleton() {
  return (
    <div className="skeleton" aria-busy="true" aria-label="Loading the scenario">
      <div className="skeleton-strip" />
      <div className="workspace">
        <div className="skeleton-block skeleton-stage" />
        <div className="skeleton-block skeleton-side" />
      </div>
      <div className="skeleton-block skeleton-charts" />
    </div>
  );
}

export function ScenarioErrors() {
  const errors = useSim((s) => s.errors);
  const id = useSim((s) => s.scenarioId);
  return (
    <section className="load-error" role="alert" aria-label="Scenario errors">
      <h2>The scenario {id ? `“${id}” ` : ''}could not be loaded</h2>
      <p className="muted">
        {errors.length === 1 ? 'One problem was found' : `${errors.length} problems were found`} in
        the file. Pick another scenario above, or fix the file and reload.
      </p>
      <pre>{errors.join('\n')}</pre>
    </section>
  );
}
