/**
 * "Save recording as scenario" in the live banner (issue 12 item 4): what live mode has seen of
 * the cluster so far becomes a scenario (the worker's recordScenario), downloaded as a .yaml
 * file and kept in "My scenarios", with a link that opens it in the simulator — a real incident
 * replayed as a lesson. The notes say what the replay leaves out (requests, nodes, failures the
 * simulator does not reproduce), so nothing is passed off as recorded that was not.
 */
import { useState } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import { savedScenarios } from '../../store/savedScenariosDb';
import type { Observation } from '../../sim/live/observation';
import type { RecordedScenario } from '../../sim/live/recording';
import { downloadText } from '../share/download';
import '../share/share.css';
import './record.css';

type Shown =
  | { kind: 'saved'; recorded: RecordedScenario; savedId: string | null; notKept: string | null }
  | { kind: 'problem'; message: string }
  | null;

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function RecordButton({ getObservation }: { getObservation(): Observation }) {
  const store = useSimStore();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>(null);

  const save = async () => {
    setBusy(true);
    try {
      const r = await store.getState().recordScenario(getObservation());
      if ('error' in r) {
        setShown({ kind: 'problem', message: r.error });
        return;
      }
      downloadText(r.fileName, r.text);
      try {
        const s = await savedScenarios().save({ name: r.title, text: r.text, source: 'import' });
        setShown({ kind: 'saved', recorded: r, savedId: s.id, notKept: null });
      } catch (e) {
        // Too big for the browser, or storage refused: the file was still downloaded.
        setShown({ kind: 'saved', recorded: r, savedId: null, notKept: why(e) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="btn" disabled={busy} onClick={() => void save()}>
        Save recording as scenario
      </button>
      {shown && (
        <div className="share-result record-result" role="region" aria-label="Recorded scenario">
          {shown.kind === 'problem' && <span role="alert">{shown.message}</span>}
          {shown.kind === 'saved' && (
            <>
              <p className="record-saved" role="status">
                Downloaded {shown.recorded.fileName}
                {shown.savedId
                  ? ' and kept in My scenarios.'
                  : `; not kept in this browser: ${shown.notKept ?? ''}`}
              </p>
              <div className="record-actions">
                {shown.savedId && (
                  // Without `?live=`: the page opens in the simulator, on the saved scenario.
                  <a
                    className="btn btn-primary"
                    href={`${window.location.pathname}#my=${shown.savedId}`}
                  >
                    Open in the simulator
                  </a>
                )}
                <button
                  type="button"
                  className="btn"
                  onClick={() => downloadText(shown.recorded.fileName, shown.recorded.text)}
                >
                  Download again
                </button>
              </div>
              <ul className="record-notes" aria-label="What the replay leaves out or assumes">
                {shown.recorded.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="btn btn-ghost" onClick={() => setShown(null)}>
            Close
          </button>
        </div>
      )}
    </>
  );
}
