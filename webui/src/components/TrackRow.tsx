import { pickImage, type Track } from '../lib/spotify';
import { duration } from '../lib/time';

type Props = { track: Track; index?: number; meta?: string };

export function TrackRow({ track, index, meta }: Props) {
  const cover = pickImage(track.album?.images, 64);
  const artists = track.artists?.map((artist) => artist.name).join(', ');
  return (
    <li className={index === undefined ? 'track track--no-index' : 'track'}>
      {index !== undefined && <span className="track__index">{index + 1}</span>}
      {cover ? (
        <img className="track__cover" src={cover} alt={`Cover of ${track.album?.name ?? track.name}`} width={48} height={48} />
      ) : (
        <div className="track__cover track__cover--empty" aria-hidden="true" />
      )}
      <div className="track__text">
        {track.external_urls?.spotify ? (
          <a className="track__name" href={track.external_urls.spotify} target="_blank" rel="noreferrer noopener">
            {track.name}
          </a>
        ) : (
          <span className="track__name">{track.name}</span>
        )}
        {artists && <span className="track__artists">{artists}</span>}
      </div>
      <span className="track__meta">{meta ?? duration(track.duration_ms)}</span>
    </li>
  );
}
