import { type MouseEvent, type ReactNode, useEffect, useState } from 'react';

// A few client-side routes need no router library: the History API and one event are enough.
const NAVIGATE_EVENT = 'bff:navigate';

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo?.(0, 0);
}

export function usePath(): string {
  return useLocationPart(() => window.location.pathname);
}

/** One query parameter of the address bar, kept current like the path. */
export function useQueryParam(name: string): string | null {
  return useLocationPart(() => new URLSearchParams(window.location.search).get(name));
}

/** Sets (or, with null, removes) one query parameter in place: shareable, without a history entry. */
export function replaceQueryParam(name: string, value: string | null): void {
  const params = new URLSearchParams(window.location.search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const query = params.toString();
  window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function useLocationPart<T>(read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue(read);
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
    // read is a fixed accessor of window.location for the life of the component
  }, []);
  return value;
}

type LinkProps = { to: string; children: ReactNode; className?: string; current?: boolean };

/** A real link (open in a new tab works), handled in the page for a plain click. */
export function Link({ to, children, className, current }: LinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
