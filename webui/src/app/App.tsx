import { useCallback, useEffect, useState } from 'react';

import { ApiError, describeError, LOGIN_REQUIRED_EVENT } from '../lib/api-client';
import { getSession } from '../features/auth/api/getSession';
import { logout } from '../features/auth/api/logout';
import { ErrorBanner } from '../features/auth/components/ErrorBanner';
import { LoginView } from '../features/auth/components/LoginView';
import { readLoginError } from '../features/auth/loginErrors';
import { PlaylistsGrid } from '../features/playlists/components/PlaylistsGrid';
import { PlaylistView } from '../features/playlists/components/PlaylistView';
import { getMe, type Profile } from '../features/profile/api/getMe';
import { ProfileCard } from '../features/profile/components/ProfileCard';
import { RecentlyPlayed } from '../features/recent/components/RecentlyPlayed';
import { TopItems } from '../features/top/components/TopItems';
import { Link, navigate, usePath } from './router';

type State =
  | { kind: 'loading' }
  | { kind: 'loggedOut' }
  | { kind: 'loggedIn'; profile: Profile }
  | { kind: 'failed'; error: ApiError };

const NAV = [
  { to: '/', label: 'Overview' },
  { to: '/artists', label: 'Top artists' },
  { to: '/playlists', label: 'Playlists' },
  { to: '/recent', label: 'Recently played' },
];

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [loginError, setLoginError] = useState<string | null>(() => readLoginError(window.location.search));
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutProblem, setLogoutProblem] = useState<string | null>(null);
  const path = usePath();

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      // The probe answers 200 either way: a logged-out page load shows no 401 in the console.
      if (!(await getSession()).authenticated) {
        setState({ kind: 'loggedOut' });
        return;
      }
      setState({ kind: 'loggedIn', profile: await getMe() });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'unexpected', 'Something went wrong.');
      setState(error.loginRequired ? { kind: 'loggedOut' } : { kind: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Any call that finds the session gone (ended, expired, logged out elsewhere) shows the login view.
  useEffect(() => {
    const loggedOut = () => setState({ kind: 'loggedOut' });
    window.addEventListener(LOGIN_REQUIRED_EVENT, loggedOut);
    return () => window.removeEventListener(LOGIN_REQUIRED_EVENT, loggedOut);
  }, []);

  const dismissLoginError = () => {
    setLoginError(null);
    window.history.replaceState(null, '', window.location.pathname);
  };

  // Logging out fails closed: the BFF expires the cookie even when it cannot end the session
  // (logout_incomplete), and says so. Any other failure may have left the cookie in place, so the
  // app stays logged in and asks to try again rather than show a logged-out view that a reload undoes.
  const onLogout = async () => {
    setLoggingOut(true);
    setLogoutProblem(null);
    try {
      await logout();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'logout_incomplete')) {
        setLoggingOut(false);
        setLogoutProblem('Logging out failed, so you are still logged in. Please try again.');
        return;
      }
      setLogoutProblem(
        'Logging out did not finish on the server. This browser no longer holds your session; to be sure ' +
          'nobody else can use it, remove this app in your Spotify account under "Manage apps".',
      );
    }
    setLoggingOut(false);
    setState({ kind: 'loggedOut' });
    navigate('/');
  };

  return (
    <div className="page">
      <header className="topbar">
        <Link to="/" className="brand">
          Spotify BFF
        </Link>
        {state.kind === 'loggedIn' && (
          <nav className="nav" aria-label="Main">
            {NAV.map(({ to, label }) => (
              <Link key={to} to={to} className="nav__link" current={isCurrent(path, to)}>
                {label}
              </Link>
            ))}
          </nav>
        )}
      </header>
      <main className="content">
        {loginError && <ErrorBanner code={loginError} onDismiss={dismissLoginError} />}
        {logoutProblem && (
          <div className="banner" role="alert">
            <p>{logoutProblem}</p>
            <button type="button" className="button button--quiet" onClick={() => setLogoutProblem(null)}>
              Dismiss
            </button>
          </div>
        )}
        {state.kind === 'loading' && (
          <div className="skeleton" role="status" aria-live="polite">
            <span className="visually-hidden">Loading your profile…</span>
            <div className="skeleton__avatar" />
            <div className="skeleton__lines">
              <div />
              <div />
            </div>
          </div>
        )}
        {state.kind === 'loggedOut' && <LoginView returnTo={returnTo(path)} />}
        {state.kind === 'loggedIn' && (
          <>
            {path === '/' && (
              <ProfileCard profile={state.profile} onLogout={() => void onLogout()} loggingOut={loggingOut} />
            )}
            {path !== '/' && (
              <div className="mini-profile">
                <span>{state.profile.display_name || state.profile.id}</span>
                <button type="button" className="button button--quiet button--small" onClick={() => void onLogout()}
                  disabled={loggingOut}>
                  {loggingOut ? 'Logging out…' : 'Log out'}
                </button>
              </div>
            )}
            <Route path={path} />
          </>
        )}
        {state.kind === 'failed' && (
          <section className="failure" role="alert">
            <h1>We could not load your profile</h1>
            <p>{describeError(state.error)}</p>
            <button type="button" className="button" onClick={() => void load()}>
              Try again
            </button>
          </section>
        )}
      </main>
    </div>
  );
}

/** Where a login from here should land: this page, with its query but without a login error. */
function returnTo(path: string): string {
  const params = new URLSearchParams(window.location.search);
  params.delete('error');
  const query = params.toString();
  return path + (query ? '?' + query : '');
}

function isCurrent(path: string, to: string): boolean {
  return to === '/' ? path === '/' : path === to || path.startsWith(to + '/');
}

function Route({ path }: { path: string }) {
  const playlist = /^\/playlists\/([0-9A-Za-z]{22})$/.exec(path);
  if (playlist) return <PlaylistView id={playlist[1]!} />;
  switch (path) {
    case '/':
      return <TopItems key="tracks" kind="tracks" />;
    case '/artists':
      return <TopItems key="artists" kind="artists" />;
    case '/playlists':
      return <PlaylistsGrid />;
    case '/recent':
      return <RecentlyPlayed />;
    default:
      return (
        <section className="section">
          <h2>Nothing here</h2>
          <p className="muted">
            This page does not exist. <Link to="/">Back to your overview</Link>
          </p>
        </section>
      );
  }
}
