import type { Track } from '../../../lib/spotify';

export type Play = { track: Track; played_at: string };

export const RECENT_URL = 'api/me/player/recently-played?limit=20';
