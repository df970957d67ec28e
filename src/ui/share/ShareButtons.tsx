/**
 * "Copy share link", "Export scenario", "Export manifests". A share link carries the page's
 * state (url.ts) and, for a custom scenario, its text in the fragment (shareLink.ts); the link
 * is also shown, so it can be copied by hand where the clipboard is refused. Past the size limit
 * it says so and offers the file instead.
 */
import { useState } from 'react';
import { useSimStore } from '../../store/SimStoreProvider';
import { encodeLink } from '../../store/url';
import { shareLink } from '../../store/shareLink';
import type { ExportedText } from '../../sim/session/exportScenario';
import { downloadText } from './download';
import './share.css';

type Shown =
  | { kind: 'link'; url: string; copied: boolean }
  | { kind: 'too-big'; message: string }
  | { kind: 'problem'; message: string }
  | null;

export function ShareButtons({ customText }: { customText: string | null }) {
  const store = useSimStore();
  const [shown, setShown] = useState<Shown>(null);

  const exportWith = async (get: () => Promise<ExportedText | null>) => {
    const r = await get();
    if (r) downloadText(r.fileName, r.text);
    else setShown({ kind: 'problem', message: 'No scenario is loaded yet.' });
  };
  const exportScenario = () => exportWith(() => store.getState().exportScenario());

  const copy = async () => {
    const s = store.getState();
    if (s.status !== 'ready') {
      setShown({ kind: 'problem', message: 'The scenario is not loaded yet.' });
      return;
    }
    const query = await encodeLink({
      scenario: customText === null ? s.scenarioId : null,
      speed: s.playback.speed,
      t: (s.frame?.t ?? 0) / 1000,
      actions: await s.actionLog(),
    });
    const link = await shareLink(
      `${window.location.origin}${window.location.pathname}`,
      query,
      customText,
    );
    if (!link.ok) {
      setShown({ kind: 'too-big', message: link.message });
      return;
    }
    let copied = false;
    try {
      await navigator.clipboard.writeText(link.url);
      copied = true;
    } catch {
      // Refused (no permission, not focused): the link is shown to copy by hand.
    }
    setShown({ kind: 'link', url: link.url, copied });
  };

  return (
    <>
      <div className="share-buttons">
        <button type="button" className="btn" onClick={() => void copy()}>
          Copy share link
        </button>
        <button type="button" className="btn" onClick={() => void exportScenario()}>
          Export scenario
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void exportWith(() => store.getState().exportManifests())}
        >
          Export manifests
        </button>
      </div>
      {shown && (
        <div className="share-result" role="status">
          {shown.kind === 'link' && (
            <>
              <span>{shown.copied ? 'Link copied.' : 'Copy this link:'}</span>
              <input
                className="share-url"
                readOnly
                aria-label="Share link"
                value={shown.url}
                onFocus={(e) => e.currentTarget.select()}
              />
            </>
          )}
          {shown.kind === 'too-big' && (
            <>
              <span>{shown.message}</span>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => void exportScenario()}
              >
                Download the scenario file
              </button>
            </>
          )}
          {shown.kind === 'problem' && <span>{shown.message}</span>}
          <button type="button" className="btn btn-ghost" onClick={() => setShown(null)}>
            Close
          </button>
        </div>
      )}
    </>
  );
}
