import { useCallback, useEffect, useState } from 'react';

import { ApiError } from '../lib/api-client';
import { logout } from '../features/auth/api/logout';
import { ErrorBanner } from '../features/auth/components/ErrorBanner';
import { LoginView } from '../features/auth/components/LoginView';
import { readLoginError } from '../features/auth/loginErrors';
import { getMe, type Profile } from '../features/profile/api/getMe';
import { ProfileCard } from '../features/profile/components/ProfileCard';

type State =
  | { kind: 'loading' }
  | { kind: 'loggedOut' }
  | { kind: 'loggedIn'; profile: Profile }
  | { kind: 'failed'; error: ApiError };

function failureText(error: ApiError): string {
  if (error.code === 'rate_limited' && error.retryAfter) {
    return `Spotify asks us to slow down. Try again in ${error.retryAfter} seconds.`;
  }
  return error.message;
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [loginError, setLoginError] = useState<string | null>(() => readLoginError(window.location.search));
  const [loggingOut, setLoggingOut] = useState(false);

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'loggedIn', profile: await getMe() });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, 'unexpected', 'Something went wrong.');
      setState(error.loginRequired ? { kind: 'loggedOut' } : { kind: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const dismissLoginError = () => {
    setLoginError(null);
    window.history.replaceState(null, '', window.location.pathname);
  };

  const onLogout = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } finally {
      setLoggingOut(false);
      setState({ kind: 'loggedOut' });
    }
  };

  return (
    <div className="page">
      <header className="topbar">
        <span className="brand">Spotify BFF</span>
      </header>
      <main className="content">
        {loginError && <ErrorBanner code={loginError} onDismiss={dismissLoginError} />}
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
        {state.kind === 'loggedOut' && <LoginView />}
        {state.kind === 'loggedIn' && (
          <ProfileCard profile={state.profile} onLogout={() => void onLogout()} loggingOut={loggingOut} />
        )}
        {state.kind === 'failed' && (
          <section className="failure" role="alert">
            <h1>We could not load your profile</h1>
            <p>{failureText(state.error)}</p>
            <button type="button" className="button" onClick={() => void load()}>
              Try again
            </button>
          </section>
        )}
      </main>
    </div>
  );
}
