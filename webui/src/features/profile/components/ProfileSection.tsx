import { useQuery } from '@tanstack/react-query';

import { describeError } from '../../../lib/api-client';
import { getMe } from '../api/getMe';
import { ProfileCard } from './ProfileCard';

/** The profile, from one query shared by every component that shows the user's name. */
export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: ({ signal }) => getMe(signal) });
}

export function ProfileSection() {
  const me = useMe();
  if (me.isPending) return <ProfileSkeleton />;
  if (me.isError) {
    return (
      <section className="failure" role="alert">
        <h1>We could not load your profile</h1>
        <p>{describeError(me.error)}</p>
        <button type="button" className="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </section>
    );
  }
  return <ProfileCard profile={me.data} />;
}

export function ProfileSkeleton() {
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">Loading your profile…</span>
      <div className="skeleton__avatar" />
      <div className="skeleton__lines">
        <div />
        <div />
      </div>
    </div>
  );
}
