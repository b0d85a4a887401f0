import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { anonymous, answer, fail, loggedIn, page, renderApp, requested } from '../test/bff';
import { requests, server } from '../test/server';
import { App } from './App';

const profile = {
  id: 'wizzler',
  display_name: 'Wizzler',
  images: [{ url: 'https://i.scdn.co/image/abc', height: 300, width: 300 }],
  external_urls: { spotify: 'https://open.spotify.com/user/wizzler' },
};
const me = answer('api/me', profile);
const noTracks = answer('api/me/top/tracks', page([]));

describe('App', () => {
  it('shows the login button when the session probe says the visitor is not logged in', async () => {
    server.use(anonymous);
    renderApp(<App />);
    const login = await screen.findByRole('link', { name: 'Log in with Spotify' });
    expect(login).toHaveAttribute('href', 'login');
  });

  it('probes the session without a single 401 on a logged-out page load', async () => {
    const statuses: number[] = [];
    server.use(anonymous, fail('api/me', 401, 'login_required'));
    server.events.on('response:mocked', ({ response }) => statuses.push(response.status));
    renderApp(<App />);
    await screen.findByRole('link', { name: 'Log in with Spotify' });
    expect(requested()).toEqual(['api/session']);
    expect(statuses).toEqual([200]);
    server.events.removeAllListeners('response:mocked');
  });

  it('shows avatar, name, id and a Spotify link when logged in, and calls the API with the CSRF header', async () => {
    server.use(loggedIn, me, noTracks);
    renderApp(<App />);
    expect(await screen.findByRole('heading', { name: 'Wizzler' })).toBeInTheDocument();
    expect(screen.getByText('wizzler')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Profile picture of Wizzler' })).toHaveAttribute(
      'src',
      'https://i.scdn.co/image/abc',
    );
    expect(screen.getByRole('link', { name: 'Open in Spotify' })).toHaveAttribute(
      'href',
      'https://open.spotify.com/user/wizzler',
    );
    const profileCall = requests.find((r) => new URL(r.url).pathname === '/api/me');
    expect(profileCall?.headers.get('X-CSRF')).toBe('1');
  });

  it('has one Log out control, on every page', async () => {
    window.history.replaceState(null, '', '/recent');
    server.use(loggedIn, me, answer('api/me/player/recently-played', { items: [], limit: 20 }));
    renderApp(<App />);
    expect(await screen.findByText('Nothing played yet')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Log out' })).toHaveLength(1);
    expect(await screen.findByText('Wizzler')).toBeInTheDocument();
  });

  it('logs out with a POST and returns to the login view', async () => {
    server.use(loggedIn, me, noTracks, http.post('*/logout', () => new HttpResponse(null, { status: 204 })));
    renderApp(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('link', { name: 'Log in with Spotify' })).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/logout')).toBe(true);
  });

  it('sends a logged-out deep link through the login and back to the same page', async () => {
    window.history.replaceState(null, '', '/recent');
    server.use(anonymous);
    renderApp(<App />);
    const login = await screen.findByRole('link', { name: 'Log in with Spotify' });
    expect(login).toHaveAttribute('href', 'login?returnTo=%2Frecent');
  });

  it('keeps the page for the next login when a session ends there', async () => {
    window.history.replaceState(null, '', '/artists?range=long_term');
    server.use(loggedIn, me, fail('api/me/top/artists', 401, 'login_required'));
    renderApp(<App />);
    const login = await screen.findByRole('link', { name: 'Log in with Spotify' });
    expect(login).toHaveAttribute('href', 'login?returnTo=%2Fartists%3Frange%3Dlong_term');
  });

  it('does not carry the range chosen on the overview into top artists', async () => {
    window.history.replaceState(null, '', '/?range=long_term');
    server.use(loggedIn, me, noTracks, answer('api/me/top/artists', page([])));
    renderApp(<App />);
    expect(await screen.findByRole('tab', { name: 'All time' })).toHaveAttribute('aria-selected', 'true');

    await userEvent.click(screen.getByRole('link', { name: 'Top artists' }));

    expect(await screen.findByRole('heading', { name: 'Top artists' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Last 4 weeks' })).toHaveAttribute('aria-selected', 'true');
  });

  it('explains a login error from the query string and can dismiss it', async () => {
    window.history.replaceState(null, '', '/?error=access_denied');
    server.use(anonymous);
    renderApp(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('You declined access on Spotify');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(window.location.search).toBe('');
  });

  it('answers an unknown login error code with a generic message and never echoes the query', async () => {
    window.history.replaceState(null, '', '/?error=Call%20+1-555-0100%20to%20verify%20your%20account');
    server.use(anonymous);
    renderApp(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The login did not complete. Please try again.');
    expect(alert).not.toHaveTextContent('555');
  });

  it('says so when the server could not end the session, and shows the login view (the cookie is gone)', async () => {
    server.use(
      loggedIn,
      me,
      noTracks,
      http.post('*/logout', () =>
        HttpResponse.json({ error: 'logout_incomplete', message: 'This browser is logged out.' }, { status: 503 }),
      ),
    );
    renderApp(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('link', { name: 'Log in with Spotify' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Logging out did not finish on the server');
  });

  it('stays logged in and asks to try again when the logout could not reach the server', async () => {
    server.use(loggedIn, me, noTracks, http.post('*/logout', () => HttpResponse.error()));
    renderApp(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('still logged in');
    expect(screen.getByRole('heading', { name: 'Wizzler' })).toBeInTheDocument();
  });

  it('shows a failure with a retry when Spotify is unavailable, and recovers on retry', async () => {
    server.use(
      loggedIn,
      noTracks,
      fail('api/me', 502, 'spotify_unavailable', 'Spotify is not answering properly.'),
    );
    renderApp(<App />);
    expect(await screen.findByRole('heading', { name: 'We could not load your profile' })).toBeInTheDocument();
    expect(screen.getByText('Spotify is not answering properly.')).toBeInTheDocument();
    server.use(me);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Wizzler' })).toBeInTheDocument();
  });

  it('says when to try again after a rate limit', async () => {
    server.use(loggedIn, noTracks, fail('api/me', 429, 'rate_limited', 'Slow down.', { 'Retry-After': '7' }));
    renderApp(<App />);
    await waitFor(() => expect(screen.getByText(/Try again in 7 seconds/)).toBeInTheDocument());
  });

  it('shows a loading state while the session is checked', () => {
    server.use(http.get('*/api/session', () => new Promise<never>(() => {})));
    renderApp(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading your profile');
  });

  it('goes back to the login view when a later call finds the session gone', async () => {
    server.use(loggedIn, me, fail('api/me/top/tracks', 401, 'login_required'));
    renderApp(<App />);
    expect(await screen.findByRole('link', { name: 'Log in with Spotify' })).toBeInTheDocument();
  });
});
