/** What was run and what kubectl answered, monospace, spaces kept. */
import { memo } from 'react';
import type { ConsoleEntry } from '../../store/createSimStore';
import { formatClock } from '../controls/formatClock';

export const ConsoleTranscript = memo(function ConsoleTranscript({
  entries,
}: {
  entries: ConsoleEntry[];
}) {
  return (
    <ol className="transcript" aria-label="Console output">
      {entries.map((e, i) => (
        <li key={i} className={e.exitCode === 0 ? 'entry' : 'entry is-error'}>
          <div className="entry-cmd">
            <span className="prompt">$ kubectl</span> {e.line}
            <time className="entry-t">{formatClock(e.t)}</time>
          </div>
          {e.output && <pre className="entry-out">{e.output}</pre>}
        </li>
      ))}
    </ol>
  );
});
