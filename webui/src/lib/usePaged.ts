import { useCallback, useEffect, useState } from 'react';

import { apiGet } from './api-client';
import type { Page } from './spotify';

export type Paged<T> = {
  items: T[];
  total?: number;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
};

/** Loads the first page of `url`, and following pages on demand through the BFF's next URLs. */
export function usePaged<T>(url: string): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | undefined>();
  const [next, setNext] = useState<string | null | undefined>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setItems([]);
    setNext(null);
    setLoading(true);
    setError(null);
    apiGet<Page<T>>(url)
      .then((page) => {
        if (cancelled) return;
        setItems(page.items ?? []);
        setTotal(page.total);
        setNext(page.next);
      })
      .catch((e: unknown) => !cancelled && setError(e))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [url, attempt]);

  const loadMore = useCallback(() => {
    if (!next) return;
    setLoading(true);
    apiGet<Page<T>>(next)
      .then((page) => {
        setItems((previous) => [...previous, ...(page.items ?? [])]);
        setNext(page.next);
      })
      .catch((e: unknown) => setError(e))
      .finally(() => setLoading(false));
  }, [next]);

  return {
    items,
    total,
    loading,
    error,
    hasMore: Boolean(next),
    loadMore,
    retry: () => setAttempt((n) => n + 1),
  };
}
