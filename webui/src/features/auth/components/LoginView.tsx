export function LoginView() {
  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">Your Spotify profile</h1>
      <p className="muted">
        Log in with your Spotify account. Your tokens stay on our server; this page never sees them.
      </p>
      {/* A plain link: /login answers with the redirect to Spotify's consent page. */}
      <a className="button" href="login">
        Log in with Spotify
      </a>
    </section>
  );
}
