import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { page, stubApi } from '../../../test/fetchStub';
import { TopItems } from './TopItems';

const track = (name: string) => ({ id: name, name, artists: [{ id: 'a', name: 'Some Artist' }], duration_ms: 201000 });

describe('TopItems', () => {
  it('starts on the last 4 weeks and switches time range when a tab is clicked', async () => {
    const fetchMock = stubApi({
      'api/me/top/tracks?time_range=short_term': { status: 200, body: page([track('Neon Rain')]) },
      'api/me/top/tracks?time_range=long_term': { status: 200, body: page([track('Evergreen')]) },
    });
    render(<TopItems kind="tracks" />);
    expect(await screen.findByText('Neon Rain')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Last 4 weeks' })).toHaveAttribute('aria-selected', 'true');

    await userEvent.click(screen.getByRole('tab', { name: 'All time' }));

    expect(await screen.findByText('Evergreen')).toBeInTheDocument();
    expect(screen.queryByText('Neon Rain')).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('api/me/top/tracks?time_range=long_term&limit=20', expect.anything());
  });

  it('reads the range from the address and writes the chosen one back, so a reload or a shared link keeps it', async () => {
    window.history.replaceState(null, '', '/?range=long_term');
    const fetchMock = stubApi({ 'api/me/top/tracks': { status: 200, body: page([track('Evergreen')]) } });
    render(<TopItems kind="tracks" />);
    expect(await screen.findByText('Evergreen')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'All time' })).toHaveAttribute('aria-selected', 'true');
    expect(fetchMock).toHaveBeenCalledWith('api/me/top/tracks?time_range=long_term&limit=20', expect.anything());

    await userEvent.click(screen.getByRole('tab', { name: 'Last 6 months' }));

    expect(window.location.search).toBe('?range=medium_term');
    expect(screen.getByRole('tab', { name: 'Last 6 months' })).toHaveAttribute('aria-selected', 'true');
  });

  it('moves between tabs with the arrow keys', async () => {
    stubApi({ 'api/me/top/tracks': { status: 200, body: page([track('x')]) } });
    render(<TopItems kind="tracks" />);
    screen.getByRole('tab', { name: 'Last 4 weeks' }).focus();

    await userEvent.keyboard('{ArrowRight}');

    expect(screen.getByRole('tab', { name: 'Last 6 months' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Last 6 months' })).toHaveFocus();
  });

  it('loads more through the next url the BFF gave and appends the items', async () => {
    const fetchMock = stubApi({
      '/api/me/top/tracks?time_range=short_term&limit=20&offset=20': { status: 200, body: page([track('Song 21')]) },
      'api/me/top/tracks': {
        status: 200,
        body: page([track('Song 1')], '/api/me/top/tracks?time_range=short_term&limit=20&offset=20'),
      },
    });
    render(<TopItems kind="tracks" />);
    await screen.findByText('Song 1');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('Song 21')).toBeInTheDocument();
    expect(screen.getByText('Song 1')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenLastCalledWith('/api/me/top/tracks?time_range=short_term&limit=20&offset=20', expect.anything());
  });

  it('shows an empty state for a new account', async () => {
    stubApi({ 'api/me/top/artists': { status: 200, body: page([]) } });
    render(<TopItems kind="artists" />);
    expect(await screen.findByText('No top artists yet')).toBeInTheDocument();
  });

  it('shows artists with a described photo', async () => {
    stubApi({
      'api/me/top/artists': {
        status: 200,
        body: page([{ id: 'a', name: 'Mira Vale', genres: ['indie'], images: [{ url: 'https://i.scdn.co/a', width: 320 }] }]),
      },
    });
    render(<TopItems kind="artists" />);
    const card = (await screen.findByText('Mira Vale')).closest('li')!;
    expect(within(card).getByRole('img', { name: 'Photo of Mira Vale' })).toHaveAttribute('src', 'https://i.scdn.co/a');
  });

  it('says when to try again when Spotify rate-limits the list', async () => {
    stubApi({ 'api/me/top/tracks': { status: 429, body: { error: 'rate_limited', message: 'slow', retryAfter: 12 } } });
    render(<TopItems kind="tracks" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 12 seconds');
  });
});
