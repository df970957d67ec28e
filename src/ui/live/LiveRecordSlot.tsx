/**
 * The Record button (issue 12 item 4, RecordButton.tsx) in the live banner, given the
 * observation live mode has collected so far (initial objects and every change, timed).
 */
import { useLiveStore } from '../../store/live/LiveProvider';
import { RecordButton } from './RecordButton';

export function LiveRecordSlot() {
  const live = useLiveStore();
  return (
    <RecordButton
      getObservation={() =>
        live.getState().getObservation() ?? {
          server: live.getState().status?.server ?? '',
          namespace: live.getState().status?.namespace ?? 'default',
          startedAt: new Date().toISOString(),
          initial: [],
          changes: [],
        }
      }
    />
  );
}
