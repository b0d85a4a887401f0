import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { App } from '../../../app/App';
import { answer, fail, loggedIn, page, renderApp } from '../../../test/bff';
import { server } from '../../../test/server';

const ID = '37i9dQZF1DXcBWIGoYBM5M';
const me = answer('api/me', { id: 'wizzler', display_name: 'Wizzler' });

describe('Playlists', () => {
  it('opens a playlist from the grid and lists its items, saying which one is gone', async () => {
    window.history.replaceState(null, '', '/playlists');
    server.use(
      loggedIn,
      me,
      answer(`api/playlists/${ID}/items`, page([{ item: { id: 't1', name: 'Midnight Ferry' } }, { item: null }])),
      answer(`api/playlists/${ID}`, { id: ID, name: 'Late Night Mix', owner: { display_name: 'Wizzler' } }),
      answer(
        'api/me/playlists',
        page([{ id: ID, name: 'Late Night Mix', items: { total: 2 }, images: [{ url: 'https://i.scdn.co/p' }] }]),
      ),
    );
    renderApp(<App />);
    expect(await screen.findByText('2 tracks')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: /Late Night Mix/ }));

    expect(window.location.pathname).toBe(`/playlists/${ID}`);
    expect(await screen.findByRole('heading', { name: 'Late Night Mix' })).toBeInTheDocument();
    expect(await screen.findByText('Midnight Ferry')).toBeInTheDocument();
    expect(screen.getByText('This track is no longer available.')).toBeInTheDocument();
    expect(screen.getByText('By Wizzler')).toBeInTheDocument();
  });

  it('shows a not-found view for an unknown playlist, with the way back and no pointless retry', async () => {
    window.history.replaceState(null, '', `/playlists/${ID}`);
    server.use(
      loggedIn,
      me,
      fail(`api/playlists/${ID}/items`, 404, 'not_found', 'There is nothing here.'),
      fail(`api/playlists/${ID}`, 404, 'not_found', 'There is nothing here.'),
    );
    renderApp(<App />);

    expect(await screen.findByRole('heading', { name: 'Playlist not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← All playlists' })).toHaveAttribute('href', '/playlists');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('shows an empty state when there are no playlists', async () => {
    window.history.replaceState(null, '', '/playlists');
    server.use(loggedIn, me, answer('api/me/playlists', page([])));
    renderApp(<App />);
    expect(await screen.findByText('No playlists yet')).toBeInTheDocument();
  });
});
