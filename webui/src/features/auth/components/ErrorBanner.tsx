import { loginErrorMessage } from '../loginErrors';

type Props = { code: string; onDismiss: () => void };

export function ErrorBanner({ code, onDismiss }: Props) {
  return (
    <div className="banner" role="alert">
      <p>{loginErrorMessage(code)}</p>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
