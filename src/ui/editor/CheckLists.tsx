/**
 * What the check found, under the editor: the Problems ("line N: message", in the API server's
 * words), what the simulator ignores (with its line and path) and notes for the person.
 */
import type { CheckResult, Problem } from '../../store/createSimStore';

const at = (line: number | null) => (line !== null ? `line ${line}: ` : '');

export function ProblemItems({ problems }: { problems: Problem[] }) {
  return (
    <ul className="yaml-problems" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={i}>
          {at(p.line)}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The problems of a save or a Run from start, then the check's, each said once. */
export function allProblems(extra: Problem[], check: CheckResult | null): Problem[] {
  const seen = new Set<string>();
  return [...extra, ...(check?.problems ?? [])].filter((p) => {
    const key = `${p.line}:${p.message}`;
    return !seen.has(key) && seen.add(key);
  });
}

export function CheckLists({ check, extra }: { check: CheckResult | null; extra: Problem[] }) {
  const problems = allProblems(extra, check);
  return (
    <div className="yaml-checks">
      <h3 className="yaml-checks-title">Problems</h3>
      {problems.length ? (
        <ProblemItems problems={problems} />
      ) : (
        <p className="yaml-none">{check ? 'No problems found.' : 'Checking…'}</p>
      )}
      {check && check.ignored.length > 0 && (
        <>
          <h3 className="yaml-checks-title">Ignored by the simulator</h3>
          <ul className="yaml-ignored" aria-label="Ignored">
            {check.ignored.map((g, i) => (
              <li key={i}>
                {at(g.line)}
                <code>{g.path}</code> — {g.what}
              </li>
            ))}
          </ul>
        </>
      )}
      {check && check.notes.length > 0 && (
        <ul className="yaml-notes" aria-label="Notes">
          {check.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
