import { Button, EmptyState, Spinner } from '@kinobezdna/design';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { messageOf, toApiError } from '../account/api';
import { avatarUrl } from '../account/AvatarField';
import { useSession } from '../account/session';

interface Person {
  profile: { userId: string; displayName: string; bio: string; avatarFileId: string | null };
  relationship: { following: boolean; followedBy: boolean; friends: boolean };
}

type Tab = 'friends' | 'following' | 'followers' | 'search';

const TABS: { id: Tab; label: string }[] = [
  { id: 'friends', label: 'Friends' },
  { id: 'following', label: 'Following' },
  { id: 'followers', label: 'Followers' },
  { id: 'search', label: 'Find people' },
];

const EMPTY: Record<Tab, string> = {
  friends: 'No friends yet. Friends are people you follow who follow you back.',
  following: 'You do not follow anyone yet.',
  followers: 'Nobody follows you yet.',
  search: 'Type at least two letters of a name.',
};

export function FriendsPage() {
  const { api, state } = useSession();
  const me = state.status === 'signed-in' ? state.user.id : '';
  const [tab, setTab] = useState<Tab>('friends');
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string) => {
      if (tab === 'search' && submitted.trim().length < 2) {
        setPeople([]);
        setNext('');
        return;
      }
      setError(null);
      const path =
        tab === 'search'
          ? `/api/users/search?q=${encodeURIComponent(submitted.trim())}&cursor=${cursor}`
          : `/api/users/profiles/${me}/${tab}?cursor=${cursor}`;
      try {
        const response = await api(path);
        if (!response.ok) throw await toApiError(response);
        const page = (await response.json()) as { items: Person[]; nextCursor: string };
        setPeople((current) => (cursor && current ? [...current, ...page.items] : page.items));
        setNext(page.nextCursor);
      } catch (e) {
        setError(messageOf(e));
      }
    },
    [api, me, tab, submitted],
  );

  useEffect(() => {
    setPeople(null);
    void load('');
  }, [load]);

  async function toggleFollow(person: Person) {
    const method = person.relationship.following ? 'DELETE' : 'PUT';
    try {
      const response = await api(`/api/users/me/following/${person.profile.userId}`, { method });
      if (!response.ok) throw await toApiError(response);
      const relationship = await response.json();
      setPeople((current) => current?.map((p) => (p.profile.userId === person.profile.userId ? { ...p, relationship } : p)) ?? null);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  function search(event: FormEvent) {
    event.preventDefault();
    setSubmitted(query);
  }

  return (
    <section className="account-page friends-page">
      <h1 className="page-title">Friends</h1>
      <div role="tablist" aria-label="People" className="tabs">
        {TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab tab--active' : 'tab'} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'search' && (
        <form className="search-row" role="search" onSubmit={search}>
          <label htmlFor="people-search" className="visually-hidden">Name</label>
          <input id="people-search" type="search" placeholder="Search people by name" value={query} onChange={(e) => setQuery(e.target.value)} />
          <Button type="submit">Search</Button>
        </form>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {people === null ? (
        <Spinner label="Loading people" />
      ) : people.length === 0 ? (
        <EmptyState title={tab === 'search' && submitted.trim().length >= 2 ? 'Nobody by that name' : 'Nobody here yet'}>{EMPTY[tab]}</EmptyState>
      ) : (
        <ul className="people" aria-label={TABS.find((t) => t.id === tab)!.label}>
          {people.map((person) => (
            <li key={person.profile.userId} className="person">
              {person.profile.avatarFileId ? (
                <img className="person-avatar" src={avatarUrl(person.profile.avatarFileId)} alt="" width={40} height={40} />
              ) : (
                <span className="person-avatar" aria-hidden="true">{person.profile.displayName.slice(0, 1).toUpperCase()}</span>
              )}
              <span className="person-name">
                {person.profile.displayName}
                {person.relationship.friends ? <span className="person-tag">friend</span> : person.relationship.followedBy ? <span className="person-tag">follows you</span> : null}
              </span>
              {person.profile.userId !== me && (
                <Button variant={person.relationship.following ? 'ghost' : 'primary'} onClick={() => void toggleFollow(person)} aria-label={`${person.relationship.following ? 'Unfollow' : 'Follow'} ${person.profile.displayName}`}>
                  {person.relationship.following ? 'Unfollow' : 'Follow'}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {next && <Button variant="ghost" onClick={() => void load(next)}>Show more</Button>}
    </section>
  );
}
