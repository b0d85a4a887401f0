// The stable codes /callback sends back as /?error=<code>, in words a person understands.
const messages: Record<string, string> = {
  access_denied: 'You declined access on Spotify, so you are not logged in.',
  authorize_failed: 'Spotify could not start the login. Please try again.',
  login_expired: 'That login took too long or was already used. Please log in again.',
  state_mismatch: 'The login could not be verified (was it started in another tab?). Please try again.',
  missing_code: 'Spotify did not send a login code back. Please try again.',
  login_failed: 'Spotify refused the login. Please try again.',
  spotify_unavailable: 'Spotify is not answering right now. Please try again in a moment.',
  session_store_unavailable: 'We could not save your login just now. Please try again in a moment.',
};

// An unknown code gets one generic sentence: the query string is anyone's to write, so it is never shown.
export function loginErrorMessage(code: string): string {
  return Object.hasOwn(messages, code) ? messages[code]! : 'The login did not complete. Please try again.';
}

export function readLoginError(search: string): string | null {
  const code = new URLSearchParams(search).get('error');
  return code ? code.slice(0, 64) : null;
}
