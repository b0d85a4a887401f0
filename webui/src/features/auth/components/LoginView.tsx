/** returnTo: the page to come back to after the login (the BFF honours local paths only). */
export function LoginView({ returnTo = '/' }: { returnTo?: string }) {
  const href = returnTo === '/' ? 'login' : 'login?returnTo=' + encodeURIComponent(returnTo);
  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">Your Spotify profile</h1>
      <p className="muted">
        Log in with your Spotify account. Your tokens stay on our server; this page never sees them.
      </p>
      {/* A plain link: /login answers with the redirect to Spotify's consent page. */}
      <a className="button" href={href}>
        Log in with Spotify
      </a>
    </section>
  );
}
