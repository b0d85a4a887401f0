import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { page, stubApi } from '../../../test/fetchStub';
import { App } from '../../../app/App';

const ID = '37i9dQZF1DXcBWIGoYBM5M';
const session = { 'api/session': { status: 200, body: { authenticated: true, scopes: [] } } };

describe('Playlists', () => {
  it('opens a playlist from the grid and lists its items, saying which one is gone', async () => {
    window.history.replaceState(null, '', '/playlists');
    stubApi({
      ...session,
      [`api/playlists/${ID}/items`]: {
        status: 200,
        body: page([{ item: { id: 't1', name: 'Midnight Ferry' } }, { item: null }]),
      },
      [`api/playlists/${ID}`]: { status: 200, body: { id: ID, name: 'Late Night Mix', owner: { display_name: 'Wizzler' } } },
      'api/me/playlists': {
        status: 200,
        body: page([{ id: ID, name: 'Late Night Mix', items: { total: 2 }, images: [{ url: 'https://i.scdn.co/p' }] }]),
      },
      'api/me': { status: 200, body: { id: 'wizzler', display_name: 'Wizzler' } },
    });
    render(<App />);
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
    stubApi({
      ...session,
      [`api/playlists/${ID}/items`]: { status: 404, body: { error: 'not_found', message: 'There is nothing here.' } },
      [`api/playlists/${ID}`]: { status: 404, body: { error: 'not_found', message: 'There is nothing here.' } },
      'api/me': { status: 200, body: { id: 'wizzler', display_name: 'Wizzler' } },
    });
    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Playlist not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← All playlists' })).toHaveAttribute('href', '/playlists');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('shows an empty state when there are no playlists', async () => {
    window.history.replaceState(null, '', '/playlists');
    stubApi({ ...session, 'api/me/playlists': { status: 200, body: page([]) }, 'api/me': { status: 200, body: { id: 'w' } } });
    render(<App />);
    expect(await screen.findByText('No playlists yet')).toBeInTheDocument();
  });
});
