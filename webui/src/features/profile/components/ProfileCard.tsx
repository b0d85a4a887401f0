import { useState } from 'react';

import type { Profile } from '../api/getMe';

export function ProfileCard({ profile }: { profile: Profile }) {
  const name = profile.display_name || profile.id;
  const [avatarFailed, setAvatarFailed] = useState(false);
  const avatar = avatarFailed ? undefined : profile.images?.[0]?.url;
  const link = profile.external_urls?.spotify;
  return (
    <section className="profile" aria-labelledby="profile-name">
      {avatar ? (
        <img
          className="avatar"
          src={avatar}
          alt={`Profile picture of ${name}`}
          width={128}
          height={128}
          onError={() => setAvatarFailed(true)}
        />
      ) : (
        <div className="avatar avatar--empty" role="img" aria-label={`No profile picture for ${name}`}>
          {name.slice(0, 1).toUpperCase()}
        </div>
      )}
      <div className="profile__text">
        <p className="muted">Logged in as</p>
        <h1 id="profile-name">{name}</h1>
        <dl className="facts">
          <dt>Spotify id</dt>
          <dd>{profile.id}</dd>
          {profile.followers?.total !== undefined && (
            <>
              <dt>Followers</dt>
              <dd>{profile.followers.total}</dd>
            </>
          )}
          {profile.country && (
            <>
              <dt>Country</dt>
              <dd>{profile.country}</dd>
            </>
          )}
        </dl>
        <div className="actions">
          {link && (
            <a className="button button--quiet" href={link} target="_blank" rel="noreferrer noopener">
              Open in Spotify
            </a>
          )}
        </div>
      </div>
    </section>
  );
}
