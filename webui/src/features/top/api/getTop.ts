export type TimeRange = 'short_term' | 'medium_term' | 'long_term';
export type TopKind = 'artists' | 'tracks';

export const TIME_RANGES: { value: TimeRange; label: string }[] = [
  { value: 'short_term', label: 'Last 4 weeks' },
  { value: 'medium_term', label: 'Last 6 months' },
  { value: 'long_term', label: 'All time' },
];

export function topUrl(kind: TopKind, range: TimeRange): string {
  return `api/me/top/${kind}?time_range=${range}&limit=20`;
}
