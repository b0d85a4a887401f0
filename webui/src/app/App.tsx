import { useState } from 'react';

import { PageFailure } from '../components/States';
import { ErrorBanner } from '../features/auth/components/ErrorBanner';
import { LoginView } from '../features/auth/components/LoginView';
import { readLoginError } from '../features/auth/loginErrors';
import { useLogout, useSession } from '../features/auth/session';
import { PlaylistsGrid } from '../features/playlists/components/PlaylistsGrid';
import { PlaylistView } from '../features/playlists/components/PlaylistView';
import { ProfileSection, ProfileSkeleton, useMe } from '../features/profile/components/ProfileSection';
import { RecentlyPlayed } from '../features/recent/components/RecentlyPlayed';
import { TopItems } from '../features/top/components/TopItems';
import { Link, navigate, usePath } from '../lib/router';

const NAV = [
  { to: '/', label: 'Overview' },
  { to: '/artists', label: 'Top artists' },
  { to: '/playlists', label: 'Playlists' },
  { to: '/recent', label: 'Recently played' },
];

/** The shell (top bar, banners, the session's states) and the route table; the features do the rest. */
export function App() {
  const session = useSession();
  const logout = useLogout();
  const [loginError, setLoginError] = useState<string | null>(() => readLoginError(window.location.search));
  const path = usePath();

  const dismissLoginError = () => {
    setLoginError(null);
    window.history.replaceState(null, '', window.location.pathname);
  };
  const onLogout = async () => {
    if (await logout.logout()) navigate('/');
  };

  return (
    <div className="page">
      <header className="topbar">
        <Link to="/" className="brand">
          Spotify BFF
        </Link>
        {session.kind === 'loggedIn' && (
          <>
            <nav className="nav" aria-label="Main">
              {NAV.map(({ to, label }) => (
                <Link key={to} to={to} className="nav__link" current={isCurrent(path, to)}>
                  {label}
                </Link>
              ))}
            </nav>
            <div className="account">
              <AccountName />
              <button type="button" className="button button--quiet button--small" onClick={() => void onLogout()}
                disabled={logout.loggingOut}>
                {logout.loggingOut ? 'Logging out…' : 'Log out'}
              </button>
            </div>
          </>
        )}
      </header>
      <main className="content">
        {loginError && <ErrorBanner code={loginError} onDismiss={dismissLoginError} />}
        {logout.problem && (
          <div className="banner" role="alert">
            <p>{logout.problem}</p>
            <button type="button" className="button button--quiet" onClick={logout.dismiss}>
              Dismiss
            </button>
          </div>
        )}
        {session.kind === 'loading' && <ProfileSkeleton />}
        {session.kind === 'failed' && (
          <PageFailure title="We could not check your session" error={session.error} onRetry={session.retry} />
        )}
        {session.kind === 'loggedOut' && <LoginView returnTo={returnTo(path)} />}
        {session.kind === 'loggedIn' && <Route path={path} />}
      </main>
    </div>
  );
}

function AccountName() {
  const me = useMe();
  return me.data ? <span className="account__name">{me.data.display_name || me.data.id}</span> : null;
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
      return (
        <>
          <ProfileSection />
          <TopItems key="tracks" kind="tracks" />
        </>
      );
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
