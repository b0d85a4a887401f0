export type TimeRange = 'short_term' | 'medium_term' | 'long_term';
export type TopKind = 'artists' | 'tracks';

export const TIME_RANGES: { value: TimeRange; label: string }[] = [
  { value: 'short_term', label: 'Last 4 weeks' },
  { value: 'medium_term', label: 'Last 6 months' },
  { value: 'long_term', label: 'All time' },
];

/** A range from the address bar; anything else (or none) is the last 4 weeks. */
export function parseRange(value: string | null): TimeRange {
  return TIME_RANGES.find((r) => r.value === value)?.value ?? 'short_term';
}

export function topUrl(kind: TopKind, range: TimeRange): string {
  return `api/me/top/${kind}?time_range=${range}&limit=20`;
}
