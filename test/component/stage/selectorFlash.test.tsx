/** The Service box: its selector switching (blue/green), and Services no client request reaches. */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { selectLinksKey } from '../../../src/ui/stage/stageSelectors';
import { renderStage, scenarioAt, seek } from './stageTest';

afterEach(cleanup);

const service = (name: string) => screen.getByRole('group', { name: `Service ${name}` });
const flash = (el: HTMLElement) => el.querySelector('.service-flash');

describe('When blue/green switches the Service selector', () => {
  it('flashes the Service once and keeps the previous selector readable', async () => {
    const sim = await scenarioAt('blue-green', 29.5);
    renderStage(sim);
    expect(within(service('web')).getByText('app=web,version=blue')).toBeInTheDocument();
    expect(flash(service('web'))).toBeNull();
    expect(within(service('web')).queryByText(/^was/)).toBeNull();

    await seek(sim, 30);
    const web = service('web');
    expect(within(web).getByText('app=web,version=green')).toBeInTheDocument();
    const played = flash(web);
    expect(played).not.toBeNull();
    expect(web).toHaveTextContent('was version=blue until 0:30');

    // The flash plays once (the same element, not a new one); the note stays.
    await seek(sim, 33);
    expect(flash(service('web'))).toBe(played);
    expect(service('web')).toHaveTextContent('was version=blue until 0:30');
    // A stage drawn later does not replay an old switch.
    cleanup();
    renderStage(sim);
    expect(flash(service('web'))).toBeNull();
    expect(service('web')).toHaveTextContent('was version=blue until 0:30');
  });

  it('flashes again when a seek back replays the same switch', async () => {
    const sim = await scenarioAt('blue-green', 29.5);
    renderStage(sim);
    await seek(sim, 30);
    const first = flash(service('web'));
    expect(first).not.toBeNull();
    await seek(sim, 29);
    expect(within(service('web')).getByText('app=web,version=blue')).toBeInTheDocument();
    await seek(sim, 30);
    const again = flash(service('web'));
    expect(again).not.toBeNull();
    expect(again).not.toBe(first);
  });

  it('marks each endpoint with its version colour, filled once ready', async () => {
    const sim = await scenarioAt('blue-green', 29.5);
    renderStage(sim);
    const marks = () => [...service('web').querySelectorAll('.service-mark')];
    expect(marks()).toHaveLength(3);
    const blue = marks().map((m) => m.getAttribute('data-v'));
    expect(new Set(blue).size).toBe(1);
    expect(marks().every((m) => m.hasAttribute('data-ready'))).toBe(true);
    await seek(sim, 31);
    const green = marks().map((m) => m.getAttribute('data-v'));
    expect(green).toHaveLength(3);
    expect(green[0]).not.toBe(blue[0]);
  });

  it('flashes when a person switches it from the console too', async () => {
    const sim = await scenarioAt('blue-green', 20);
    renderStage(sim);
    expect(flash(service('web'))).toBeNull();
    await act(() =>
      sim.store
        .getState()
        .exec('set selector service/web app=web,version=green')
        .then(() => {}),
    );
    expect(flash(service('web'))).not.toBeNull();
    expect(service('web')).toHaveTextContent('was version=blue until 0:20');
  });
});

describe('A preview Service', () => {
  it('says it gets no client traffic, shows its endpoints and has dashed looks', async () => {
    renderStage(await scenarioAt('argo-blue-green', 20));
    const preview = service('web-preview');
    expect(preview).toHaveAttribute('data-traffic', 'none');
    expect(within(preview).getByText('no client traffic')).toBeInTheDocument();
    expect(within(preview).getByText(/3 ready endpoints/)).toBeInTheDocument();
    expect(preview.querySelectorAll('.service-mark[data-ready]')).toHaveLength(3);
    const active = service('web-active');
    expect(active).toHaveAttribute('data-traffic', 'target');
    expect(within(active).queryByText('no client traffic')).toBeNull();
  });

  it('gets dashed arrows to its pods, while the active Service keeps solid ones', async () => {
    const sim = await scenarioAt('argo-blue-green', 20);
    const links = selectLinksKey(sim.store.getState()).split('\n');
    expect(links[0]).toBe('c:client>s:web-active');
    const preview = links.filter((l) => l.startsWith('s:web-preview>'));
    const active = links.filter((l) => l.startsWith('s:web-active>'));
    expect(preview.length).toBeGreaterThan(0);
    expect(preview.every((l) => l.endsWith('|idle'))).toBe(true);
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((l) => !l.includes('|'))).toBe(true);
  });
});
