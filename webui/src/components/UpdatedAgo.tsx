import { relativeTime } from '../lib/time';

/** A quiet "Updated 3 minutes ago" under an answer the BFF served stale; nothing for a fresh one. */
export function UpdatedAgo({ fetchedAt }: { fetchedAt?: string }) {
  if (!fetchedAt) return null;
  return (
    <p className="updated-ago">
      Updated <time dateTime={fetchedAt}>{relativeTime(fetchedAt)}</time>
    </p>
  );
}
