import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { page, stubApi } from '../test/fetchStub';
import { App } from './App';

const profile = {
  id: 'wizzler',
  display_name: 'Wizzler',
  images: [{ url: 'https://i.scdn.co/image/abc', height: 300, width: 300 }],
  external_urls: { spotify: 'https://open.spotify.com/user/wizzler' },
};
const loggedOut = { status: 401, body: { error: 'login_required', message: 'Log in' } };
const anonymous = { 'api/session': { status: 200, body: { authenticated: false } } };
const session = { 'api/session': { status: 200, body: { authenticated: true, scopes: ['user-read-private'] } } };
const noTracks = { status: 200, body: page([]) };

describe('App', () => {
  it('shows the login button when the session probe says the visitor is not logged in', async () => {
    stubApi({ ...anonymous });
    render(<App />);
    const login = await screen.findByRole('link', { name: 'Log in with Spotify' });
    expect(login).toHaveAttribute('href', 'login');
  });

  it('probes the session without a single 401 on a logged-out page load', async () => {
    const fetchMock = stubApi({ ...anonymous, 'api/me': loggedOut });
    render(<App />);
    await screen.findByRole('link', { name: 'Log in with Spotify' });
    const statuses = await Promise.all(fetchMock.mock.results.map(async (r) => ((await r.value) as Response).status));
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['api/session']);
    expect(statuses).toEqual([200]);
  });

  it('shows avatar, name, id and a Spotify link when logged in, and calls the API with the CSRF header', async () => {
    const fetchMock = stubApi({ ...session, 'api/me/top': noTracks, 'api/me': { status: 200, body: profile } });
    render(<App />);
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
    expect(fetchMock).toHaveBeenCalledWith(
      'api/me',
      expect.objectContaining({ headers: expect.objectContaining({ 'X-CSRF': '1' }) }),
    );
  });

  it('logs out with a POST and returns to the login view', async () => {
    const fetchMock = stubApi({
      ...session,
      'api/me/top': noTracks,
      'api/me': { status: 200, body: profile },
      logout: { status: 204 },
    });
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('link', { name: 'Log in with Spotify' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('logout', expect.objectContaining({ method: 'POST' }));
  });

  it('sends a logged-out deep link through the login and back to the same page', async () => {
    window.history.replaceState(null, '', '/recent');
    stubApi({ ...anonymous });
    render(<App />);
    const login = await screen.findByRole('link', { name: 'Log in with Spotify' });
    expect(login).toHaveAttribute('href', 'login?returnTo=%2Frecent');
  });

  it('keeps the page for the next login when a session ends there', async () => {
    window.history.replaceState(null, '', '/artists?range=long_term');
    stubApi({ ...session, 'api/me/top': loggedOut, 'api/me': { status: 200, body: profile } });
    render(<App />);
    const login = await screen.findByRole('link', { name: 'Log in with Spotify' });
    expect(login).toHaveAttribute('href', 'login?returnTo=%2Fartists%3Frange%3Dlong_term');
  });

  it('does not carry the range chosen on the overview into top artists', async () => {
    window.history.replaceState(null, '', '/?range=long_term');
    stubApi({ ...session, 'api/me/top': noTracks, 'api/me': { status: 200, body: profile } });
    render(<App />);
    expect(await screen.findByRole('tab', { name: 'All time' })).toHaveAttribute('aria-selected', 'true');

    await userEvent.click(screen.getByRole('link', { name: 'Top artists' }));

    expect(await screen.findByRole('heading', { name: 'Top artists' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Last 4 weeks' })).toHaveAttribute('aria-selected', 'true');
  });

  it('explains a login error from the query string and can dismiss it', async () => {
    window.history.replaceState(null, '', '/?error=access_denied');
    stubApi({ ...anonymous });
    render(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('You declined access on Spotify');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(window.location.search).toBe('');
  });

  it('answers an unknown login error code with a generic message and never echoes the query', async () => {
    window.history.replaceState(null, '', '/?error=Call%20+1-555-0100%20to%20verify%20your%20account');
    stubApi({ ...anonymous });
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The login did not complete. Please try again.');
    expect(alert).not.toHaveTextContent('555');
    window.history.replaceState(null, '', '/');
  });

  it('says so when the server could not end the session, and shows the login view (the cookie is gone)', async () => {
    stubApi({
      ...session,
      'api/me/top': noTracks,
      'api/me': { status: 200, body: profile },
      logout: { status: 503, body: { error: 'logout_incomplete', message: 'This browser is logged out.' } },
    });
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('link', { name: 'Log in with Spotify' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Logging out did not finish on the server');
  });

  it('stays logged in and asks to try again when the logout could not reach the server', async () => {
    const fetchMock = stubApi({ ...session, 'api/me/top': noTracks, 'api/me': { status: 200, body: profile } });
    fetchMock.mockImplementation(async (input: RequestInfo | URL) => {
      if (String(input) === 'logout') throw new TypeError('Failed to fetch');
      const url = String(input);
      const body = url === 'api/session' ? session['api/session'].body : url.startsWith('api/me/top') ? page([]) : profile;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    render(<App />);
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('still logged in');
    expect(screen.getByRole('heading', { name: 'Wizzler' })).toBeInTheDocument();
  });

  it('shows a failure with a retry when Spotify is unavailable, and recovers on retry', async () => {
    stubApi({
      ...session,
      'api/me/top': noTracks,
      'api/me': [
        { status: 502, body: { error: 'spotify_unavailable', message: 'Spotify is not answering properly.' } },
        { status: 200, body: profile },
      ],
    });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'We could not load your profile' })).toBeInTheDocument();
    expect(screen.getByText('Spotify is not answering properly.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Wizzler' })).toBeInTheDocument();
  });

  it('says when to try again after a rate limit', async () => {
    stubApi({ ...session, 'api/me': { status: 429, body: { error: 'rate_limited', retryAfter: 7 }, headers: { 'Retry-After': '7' } } });
    render(<App />);
    await waitFor(() => expect(screen.getByText(/Try again in 7 seconds/)).toBeInTheDocument());
  });

  it('shows a loading state while the profile loads', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise(() => {})));
    render(<App />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading your profile');
  });

  it('goes back to the login view when a later call finds the session gone', async () => {
    stubApi({ ...session, 'api/me/top': loggedOut, 'api/me': { status: 200, body: profile } });
    render(<App />);
    expect(await screen.findByRole('link', { name: 'Log in with Spotify' })).toBeInTheDocument();
  });
});
