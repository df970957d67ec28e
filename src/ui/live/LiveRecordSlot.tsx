/**
 * Where the Record button (issue 12 item 4, src/ui/live/RecordButton.tsx on branch `record`)
 * sits in the live banner, given the observation collected so far.
 */
import { useLiveStore } from '../../store/live/LiveProvider';

export function LiveRecordSlot() {
  // Placeholder until RecordButton arrives from the `record` branch: the observation is ready.
  useLiveStore();
  return null;
}
