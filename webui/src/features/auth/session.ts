import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { ApiError, LOGIN_REQUIRED_EVENT } from '../../lib/api-client';
import { getSession } from './api/getSession';
import { logout } from './api/logout';

const SESSION_KEY = ['session'] as const;

/**
 * The session state machine: loading, logged out, logged in, or failed (the probe itself could not
 * be answered). Any call that finds the session gone (api-client's LOGIN_REQUIRED_EVENT) ends it here,
 * once, for the whole app.
 */
export function useSession() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: ({ signal }) => getSession(signal) });
  useEffect(() => {
    const ended = () => endSession(client);
    window.addEventListener(LOGIN_REQUIRED_EVENT, ended);
    return () => window.removeEventListener(LOGIN_REQUIRED_EVENT, ended);
  }, [client]);
  if (query.isPending) return { kind: 'loading' } as const;
  if (query.isError) return { kind: 'failed', error: query.error, retry: () => void query.refetch() } as const;
  return query.data.authenticated ? ({ kind: 'loggedIn' } as const) : ({ kind: 'loggedOut' } as const);
}

/** Logged out: nothing of the previous user stays in the cache. */
function endSession(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData(SESSION_KEY, { authenticated: false });
}

/**
 * Logging out fails closed: the BFF expires the cookie even when it cannot end the session
 * (logout_incomplete), and says so. Any other failure may have left the cookie in place, so the
 * app stays logged in and asks to try again rather than show a logged-out view that a reload undoes.
 */
export function useLogout() {
  const client = useQueryClient();
  const [loggingOut, setLoggingOut] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setLoggingOut(true);
    setProblem(null);
    try {
      await logout();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'logout_incomplete')) {
        setLoggingOut(false);
        setProblem('Logging out failed, so you are still logged in. Please try again.');
        return false;
      }
      setProblem(
        'Logging out did not finish on the server. This browser no longer holds your session; to be sure ' +
          'nobody else can use it, remove this app in your Spotify account under "Manage apps".',
      );
    }
    setLoggingOut(false);
    endSession(client);
    return true;
  };
  return { logout: run, loggingOut, problem, dismiss: () => setProblem(null) };
}
