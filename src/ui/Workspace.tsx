/**
 * The page under the top bar, shared by the simulator and live mode: the cluster picture with a
 * column beside it (the side panel and charts each page brings), then events / console / steps /
 * text under it. Steps only where a scenario has them.
 */
import type { ReactNode } from 'react';
import { Stage } from './stage/Stage';
import { TextView } from './stage/TextView';
import { Tabs } from './controls/Tabs';
import { EventLog } from './log/EventLog';
import { KubectlConsole } from './console/KubectlConsole';

export function Workspace({
  panel,
  charts,
  steps,
}: {
  panel: ReactNode;
  charts: ReactNode;
  steps?: ReactNode;
}) {
  return (
    <main className="workspace">
      <section className="stage-area">
        <Stage />
      </section>
      {/* One column beside the stage that scrolls on its own: the controls, the
          controller's reasoning and the charts stay reachable while the stage stays put. */}
      <div className="sidebar">
        {panel}
        <div className="charts-area">{charts}</div>
      </div>
      <div className="bottom">
        <Tabs
          label="Details"
          tabs={[
            { id: 'events', label: 'Events', content: <EventLog /> },
            {
              id: 'console',
              label: 'Console',
              content: <KubectlConsole />,
              keepMounted: true,
            },
            ...(steps ? [{ id: 'steps', label: 'Steps', content: steps }] : []),
            { id: 'text', label: 'Text view', content: <TextView /> },
          ]}
        />
      </div>
    </main>
  );
}
