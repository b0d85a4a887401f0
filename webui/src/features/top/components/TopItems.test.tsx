import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { answer, page, renderApp, requested } from '../../../test/bff';
import { server } from '../../../test/server';
import { TopItems } from './TopItems';

const track = (name: string) => ({ id: name, name, artists: [{ id: 'a', name: 'Some Artist' }], duration_ms: 201000 });

/** Top tracks by time range: each range its own list, with a next page for short_term. */
const tracksByRange = (pages: Record<string, unknown>) =>
  http.get('*/api/me/top/tracks', ({ request }) => {
    const url = new URL(request.url);
    const key = url.searchParams.get('time_range') + (url.searchParams.has('offset') ? '+' + url.searchParams.get('offset') : '');
    return HttpResponse.json((pages[key] ?? page([])) as never);
  });

describe('TopItems', () => {
  it('starts on the last 4 weeks and switches time range when a tab is clicked', async () => {
    server.use(tracksByRange({ short_term: page([track('Neon Rain')]), long_term: page([track('Evergreen')]) }));
    renderApp(<TopItems kind="tracks" />);
    expect(await screen.findByText('Neon Rain')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Last 4 weeks' })).toHaveAttribute('aria-selected', 'true');

    await userEvent.click(screen.getByRole('tab', { name: 'All time' }));

    expect(await screen.findByText('Evergreen')).toBeInTheDocument();
    expect(screen.queryByText('Neon Rain')).not.toBeInTheDocument();
    expect(requested()).toContain('api/me/top/tracks?time_range=long_term&limit=20');
  });

  it('reads the range from the address and writes the chosen one back, so a reload or a shared link keeps it', async () => {
    window.history.replaceState(null, '', '/?range=long_term');
    server.use(tracksByRange({ long_term: page([track('Evergreen')]) }));
    renderApp(<TopItems kind="tracks" />);
    expect(await screen.findByText('Evergreen')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'All time' })).toHaveAttribute('aria-selected', 'true');
    expect(requested()).toEqual(['api/me/top/tracks?time_range=long_term&limit=20']);

    await userEvent.click(screen.getByRole('tab', { name: 'Last 6 months' }));

    expect(window.location.search).toBe('?range=medium_term');
    expect(screen.getByRole('tab', { name: 'Last 6 months' })).toHaveAttribute('aria-selected', 'true');
  });

  it('moves between tabs with the arrow keys', async () => {
    server.use(answer('api/me/top/tracks', page([track('x')])));
    renderApp(<TopItems kind="tracks" />);
    screen.getByRole('tab', { name: 'Last 4 weeks' }).focus();

    await userEvent.keyboard('{ArrowRight}');

    expect(screen.getByRole('tab', { name: 'Last 6 months' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Last 6 months' })).toHaveFocus();
  });

  it('loads more through the next url the BFF gave and appends the items', async () => {
    const next = '/api/me/top/tracks?time_range=short_term&limit=20&offset=20';
    server.use(tracksByRange({ short_term: page([track('Song 1')], next), 'short_term+20': page([track('Song 21')]) }));
    renderApp(<TopItems kind="tracks" />);
    await screen.findByText('Song 1');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('Song 21')).toBeInTheDocument();
    expect(screen.getByText('Song 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(requested().at(-1)).toBe('api/me/top/tracks?time_range=short_term&limit=20&offset=20');
  });

  it("never appends the old range's page when the range changes while Load more is in flight", async () => {
    let releasePage2: () => void = () => {};
    const page2Held = new Promise<void>((resolve) => (releasePage2 = resolve));
    server.use(
      http.get('*/api/me/top/tracks', async ({ request }) => {
        const url = new URL(request.url);
        const range = url.searchParams.get('time_range');
        if (range === 'short_term' && url.searchParams.get('offset') === '20') {
          await page2Held;
          return HttpResponse.json(page([track('Old Range Song 21')]));
        }
        return HttpResponse.json(
          range === 'short_term'
            ? page([track('Old Range Song 1')], '/api/me/top/tracks?time_range=short_term&limit=20&offset=20')
            : page([track('New Range Song 1')]),
        );
      }),
    );
    renderApp(<TopItems kind="tracks" />);
    await screen.findByText('Old Range Song 1');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await userEvent.click(screen.getByRole('tab', { name: 'All time' }));
    expect(await screen.findByText('New Range Song 1')).toBeInTheDocument();
    releasePage2();
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the held page arrive

    expect(screen.queryByText('Old Range Song 21')).not.toBeInTheDocument();
    expect(within(screen.getByRole('tabpanel')).getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows an empty state for a new account', async () => {
    server.use(answer('api/me/top/artists', page([])));
    renderApp(<TopItems kind="artists" />);
    expect(await screen.findByText('No top artists yet')).toBeInTheDocument();
  });

  it('shows artists with a described photo', async () => {
    server.use(
      answer(
        'api/me/top/artists',
        page([{ id: 'a', name: 'Mira Vale', genres: ['indie'], images: [{ url: 'https://i.scdn.co/a', width: 320 }] }]),
      ),
    );
    renderApp(<TopItems kind="artists" />);
    const card = (await screen.findByText('Mira Vale')).closest('li')!;
    expect(within(card).getByRole('img', { name: 'Photo of Mira Vale' })).toHaveAttribute('src', 'https://i.scdn.co/a');
  });

  it('says when to try again when Spotify rate-limits the list', async () => {
    server.use(answer('api/me/top/tracks', { error: 'rate_limited', message: 'slow', retryAfter: 12 }, { status: 429 }));
    renderApp(<TopItems kind="tracks" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 12 seconds');
  });
});
